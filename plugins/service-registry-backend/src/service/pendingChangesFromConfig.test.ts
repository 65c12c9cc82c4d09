import crypto from 'node:crypto';
import fs from 'node:fs';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  createTestGitRepository,
  GitHttpsServer,
  sharedAuthToml,
  startGitHttpsServer,
} from '@service-registry/test-support';
import { pendingChangesFromConfig } from './pendingChangesFromConfig';

const TOKEN = 'ghp_registryreader1234';
const basic = (user: string, token: string) =>
  `Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;

let root: string;
let server: GitHttpsServer;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pending-https-'));
  // acme/registry.git on the server: main and one pending branch
  const work = createTestGitRepository(path.join(root, 'work'));
  work.commit('Start the registry', {
    'services/catalog.toml': sharedAuthToml(8000),
  });
  work.git('checkout', '--quiet', '-b', 'service-registry/move-auth');
  work.commit('Move shared-auth', {
    'services/catalog.toml': sharedAuthToml(9000),
  });
  work.git('checkout', '--quiet', 'main');
  fs.mkdirSync(path.join(root, 'served', 'acme'), { recursive: true });
  work.git(
    'clone',
    '--quiet',
    '--bare',
    work.dir,
    path.join(root, 'served', 'acme', 'registry.git'),
  );
  server = await startGitHttpsServer({
    root: path.join(root, 'served'),
    authorization: basic('x-access-token', TOKEN),
  });
  // git trusts the test's certificate (the backend's git would trust the host's own)
  process.env.GIT_SSL_CAINFO = server.caFile;
});

afterAll(async () => {
  delete process.env.GIT_SSL_CAINFO;
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** The pending changes of acme/registry, read with the GitHub integration's `token`. */
function source(token: string) {
  const host = new URL(server.origin).host;
  return pendingChangesFromConfig(
    new ConfigReader({
      backend: { workingDirectory: path.join(root, `backend-${token}`) },
      integrations: {
        github: [{ host, apiBaseUrl: `${server.origin}/api/v3`, token }],
      },
      serviceRegistry: {
        pendingChanges: {
          repository: `${server.origin}/acme/registry.git`,
          cacheSeconds: 0,
        },
      },
    }),
  )!.of('default', 'default')!;
}

describe('pending changes of a hosted repository', () => {
  it("reads it over HTTPS with the integration's token, and links the branch on the host", async () => {
    const answer = await source(TOKEN).read('2026-12-06');
    expect(answer.changes).toMatchObject([
      {
        branch: 'service-registry/move-auth',
        url: `${server.origin}/acme/registry/tree/service-registry/move-auth`,
        breakingChanges: [{ kind: 'port-changed', service: 'shared-auth' }],
      },
    ]);
    // every request carried the token, as GitHub takes it for git
    expect(server.authorizations.length).toBeGreaterThan(0);
    expect(new Set(server.authorizations)).toEqual(
      new Set([basic('x-access-token', TOKEN)]),
    );
  });

  it('fails with a token the host refuses, without showing it', async () => {
    const refused = source('ghp_wrongtoken9999').read('2026-12-06');
    await expect(refused).rejects.toThrow(/git ls-remote failed/);
    await expect(refused).rejects.not.toThrow(/ghp_wrongtoken9999/);
  });
});

describe('pending changes of a repository read through a GitHub App', () => {
  const APP_ID = 4242;
  const INSTALLATION = 77;
  const keys = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  let appServer: GitHttpsServer;
  let api: http.Server;
  let apiBaseUrl: string;
  /** The installation tokens the fake GitHub issued, in order; only the newest is valid. */
  const issued: string[] = [];
  /** The requests to the fake GitHub API, as `METHOD path`. */
  const apiCalls: string[] = [];

  /** Whether the request carries a JWT of the app, signed with its private key. */
  function signedByTheApp(header: string | undefined): boolean {
    const jwt = /^bearer (.+)$/i.exec(header ?? '')?.[1];
    if (!jwt) return false;
    const [head, payload, signature] = jwt.split('.');
    const valid = crypto.verify(
      'RSA-SHA256',
      Buffer.from(`${head}.${payload}`),
      keys.publicKey,
      Buffer.from(signature, 'base64url'),
    );
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    return valid && String(claims.iss) === String(APP_ID);
  }

  /** The GitHub API an app's credentials come from, at its HTTP boundary. */
  function githubApi(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    apiCalls.push(`${req.method} ${url.pathname}`);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!signedByTheApp(req.headers.authorization)) {
      json(401, { message: 'A JSON web token could not be decoded' });
    } else if (
      req.method === 'GET' &&
      url.pathname === '/api/v3/app/installations'
    ) {
      json(200, [
        { id: INSTALLATION, account: { login: 'acme' }, suspended_by: null },
      ]);
    } else if (
      req.method === 'POST' &&
      url.pathname === `/api/v3/app/installations/${INSTALLATION}/access_tokens`
    ) {
      const token = `ghs_installation${issued.length + 1}abcdef`;
      issued.push(token);
      // GitHub's tokens live an hour; this one expires in the 10 minutes the provider keeps in
      // reserve, so that every read asks for a new one
      json(201, {
        token,
        expires_at: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
        repository_selection: 'all',
      });
    } else {
      json(404, { message: 'Not Found' });
    }
  }

  beforeAll(async () => {
    appServer = await startGitHttpsServer({
      root: path.join(root, 'served'),
      authorization: header =>
        issued.length > 0 &&
        header === basic('x-access-token', issued[issued.length - 1]),
    });
    process.env.GIT_SSL_CAINFO = appServer.caFile;
    api = http.createServer(githubApi);
    await new Promise<void>(resolve => api.listen(0, '127.0.0.1', resolve));
    apiBaseUrl = `http://127.0.0.1:${
      (api.address() as AddressInfo).port
    }/api/v3`;
  });
  afterAll(async () => {
    await new Promise(resolve => api.close(resolve));
    await appServer.close();
  });

  it("reads it with the app's installation token, a new one at each read once the last expires", async () => {
    const host = new URL(appServer.origin).host;
    const pending = pendingChangesFromConfig(
      new ConfigReader({
        backend: { workingDirectory: path.join(root, 'backend-app') },
        integrations: {
          github: [
            {
              host,
              apiBaseUrl,
              apps: [
                {
                  appId: APP_ID,
                  clientId: 'Iv1.registryreader',
                  clientSecret: 'app-client-secret',
                  privateKey: keys.privateKey,
                },
              ],
            },
          ],
        },
        serviceRegistry: {
          pendingChanges: {
            repository: `${appServer.origin}/acme/registry.git`,
            cacheSeconds: 0,
          },
        },
      }),
    )!.of('default', 'default')!;

    const first = await pending.read('2026-12-06');
    expect(first.changes.map(c => c.branch)).toEqual([
      'service-registry/move-auth',
    ]);
    expect(issued).toHaveLength(1);
    // git sent the installation token, never anything else
    expect(new Set(appServer.authorizations)).toEqual(
      new Set([basic('x-access-token', issued[0])]),
    );
    expect(apiCalls).toEqual([
      'GET /api/v3/app/installations',
      `POST /api/v3/app/installations/${INSTALLATION}/access_tokens`,
    ]);

    // the first token is no longer taken: the next read works only with a new one
    appServer.authorizations.length = 0;
    const second = await pending.read('2026-12-07');
    expect(second.changes).toHaveLength(1);
    expect(issued).toHaveLength(2);
    expect(new Set(appServer.authorizations)).toEqual(
      new Set([basic('x-access-token', issued[1])]),
    );
  });
});
