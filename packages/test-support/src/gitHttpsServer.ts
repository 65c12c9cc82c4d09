import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createSelfSignedCertificate } from './selfSignedCertificate';

/**
 * A git server over HTTPS for tests: git's own `git http-backend` serving the repositories under
 * `root` (`https://localhost:<port>/<name>`), behind a check of the `Authorization` header, with
 * a certificate made for the test (`caFile`: give it to git as `GIT_SSL_CAINFO`).
 *
 * @public
 */
export interface GitHttpsServer {
  /** `https://localhost:<port>`. */
  origin: string;
  /** The certificate git is to trust. */
  caFile: string;
  /** The `Authorization` header of each git request, in order (undefined when it had none). */
  authorizations: Array<string | undefined>;
  close(): Promise<void>;
}

/**
 * Options of {@link startGitHttpsServer}.
 *
 * @public
 */
export interface GitHttpsServerOptions {
  /** The folder whose bare repositories are served. */
  root: string;
  /** The `Authorization` header git must send, or a check of it (a token that changes, say). */
  authorization: string | ((header: string | undefined) => boolean);
}

/**
 * Starts a {@link GitHttpsServer}: a git request whose `Authorization` header is not the one
 * expected is answered `401` (as a hosted server answers a missing or wrong token).
 *
 * @public
 */
export async function startGitHttpsServer(
  options: GitHttpsServerOptions,
): Promise<GitHttpsServer> {
  const certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'git-https-'));
  const certificate = createSelfSignedCertificate(certDir);
  const authorizations: Array<string | undefined> = [];
  const expected = options.authorization;
  const authorized =
    typeof expected === 'string'
      ? (header: string | undefined) => header === expected
      : expected;
  const server = https.createServer(certificate.tls, (req, res) => {
    const header = req.headers.authorization;
    authorizations.push(header);
    if (!authorized(header)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
      res.end('Unauthorized');
      return;
    }
    const url = new URL(req.url ?? '/', 'https://localhost');
    // the CGI interface of git http-backend
    const cgi = spawn('git', ['http-backend'], {
      env: {
        ...process.env,
        GIT_PROJECT_ROOT: options.root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    const chunks: Buffer[] = [];
    cgi.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    cgi.on('close', () => {
      const output = Buffer.concat(chunks);
      const end = output.indexOf('\r\n\r\n');
      const headerText = output.subarray(0, end).toString('utf8');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of headerText.split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10);
        else if (name) headers[name] = value;
      }
      res.writeHead(status, headers);
      res.end(output.subarray(end + 4));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://localhost:${port}`,
    caFile: certificate.file,
    authorizations,
    close: () =>
      new Promise<void>(resolve => {
        server.close(() => {
          fs.rmSync(certDir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
