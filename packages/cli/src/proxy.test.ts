import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import { cliAsync } from './__testUtils__/cliProcess';
import { startFakeGithub } from './__testUtils__/fakeGithubApi';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-proxy-');

/**
 * An HTTP proxy as a company network has one: it opens the tunnels Node.js's `fetch` asks for
 * (`CONNECT host:port`, for `http` and `https` addresses alike) and records each.
 */
async function startProxy() {
  const tunnels: string[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the hosted API behind an HTTP proxy', () => {
  it('goes through HTTPS_PROXY with NODE_USE_ENV_PROXY, leaves out the hosts of NO_PROXY, and ignores the proxy without it', async () => {
    fs.writeFileSync(path.join(tmp.root, 'report.md'), '## Report\n');
    fs.writeFileSync(
      path.join(tmp.root, 'event.json'),
      JSON.stringify({ pull_request: { number: 3 } }),
    );
    const github = await startFakeGithub({
      tokens: { ghs_bot: { login: 'github-actions[bot]', type: 'Bot' } },
      repository: 'platform/registry',
      pullRequest: 3,
    });
    const proxy = await startProxy();
    const host = new URL(github.apiUrl).host;
    const job = (proxyEnv: Record<string, string>) =>
      cliAsync(['github-comment', 'report.md'], tmp.root, {
        GITHUB_API_URL: github.apiUrl,
        GITHUB_REPOSITORY: 'platform/registry',
        GITHUB_EVENT_PATH: path.join(tmp.root, 'event.json'),
        GITHUB_TOKEN: 'ghs_bot',
        // the machine's own proxy settings play no part
        HTTPS_PROXY: '',
        https_proxy: '',
        HTTP_PROXY: '',
        http_proxy: '',
        NO_PROXY: '',
        no_proxy: '',
        NODE_USE_ENV_PROXY: '',
        ...proxyEnv,
      });
    const proxied = {
      HTTPS_PROXY: proxy.url,
      https_proxy: proxy.url,
      HTTP_PROXY: proxy.url,
      http_proxy: proxy.url,
    };
    try {
      // without NODE_USE_ENV_PROXY, fetch ignores the proxy variables
      const ignored = await job(proxied);
      expect(ignored.code).toBe(0);
      expect(proxy.tunnels).toEqual([]);

      // with it, every request of the command goes through the proxy
      const through = await job({ ...proxied, NODE_USE_ENV_PROXY: '1' });
      expect(through.code).toBe(0);
      expect(through.stdout).toMatch(/^Updated the comment of pull request #3/);
      expect(proxy.tunnels.length).toBeGreaterThan(0);
      expect(new Set(proxy.tunnels)).toEqual(new Set([host]));

      // a host of NO_PROXY is reached directly
      const tunnelled = proxy.tunnels.length;
      const bypassed = await job({
        ...proxied,
        NODE_USE_ENV_PROXY: '1',
        NO_PROXY: '127.0.0.1',
        no_proxy: '127.0.0.1',
      });
      expect(bypassed.code).toBe(0);
      expect(proxy.tunnels).toHaveLength(tunnelled);
      expect(github.comments).toHaveLength(1);
    } finally {
      await Promise.all([github.close(), proxy.close()]);
    }
  });
});
