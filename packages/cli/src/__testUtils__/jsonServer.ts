import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';

/** A request as a fake API sees it: its method, URL, headers and raw body. */
export interface JsonRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Answers a request: a status, a JSON body (none for `undefined`) and headers. */
export type JsonReply = (
  status: number,
  body?: unknown,
  headers?: Record<string, string>,
) => void;

/**
 * A real HTTP server on 127.0.0.1 for a fake of a hosted API (HTTPS with `tls`: a key and its
 * certificate): each request, once its body is read, goes to `handle` with a function that
 * answers it in JSON. A CLI in another process reaches it as well as one in the test's.
 */
export async function startJsonServer(
  handle: (request: JsonRequest, reply: JsonReply) => void,
  tls?: { key: string; cert: string },
): Promise<{ origin: string; close(): Promise<void> }> {
  const listener: http.RequestListener = (req, res) => {
    let body = '';
    req.on('data', chunk => {
      body += chunk;
    });
    req.on('end', () => {
      const url = new URL(
        req.url ?? '/',
        `${tls ? 'https' : 'http'}://${req.headers.host}`,
      );
      handle(
        { method: req.method ?? 'GET', url, headers: req.headers, body },
        (status, json, headers = {}) => {
          res.writeHead(status, {
            ...(json === undefined
              ? {}
              : { 'Content-Type': 'application/json' }),
            ...headers,
          });
          res.end(json === undefined ? undefined : JSON.stringify(json));
        },
      );
    });
  };
  const server = tls
    ? https.createServer(tls, listener)
    : http.createServer(listener);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
