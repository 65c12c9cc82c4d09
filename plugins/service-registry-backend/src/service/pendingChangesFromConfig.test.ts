import fs from 'node:fs';
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
