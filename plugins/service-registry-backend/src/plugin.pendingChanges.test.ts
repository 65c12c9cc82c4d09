import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { PendingChangesResponse } from '@service-registry/plugin-service-registry-common';
import { InMemoryServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import {
  createTestGitRepository,
  projectAToml,
  sharedAuthToml,
  TestGitRepository,
} from '@service-registry/test-support';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

const ENDPOINT = '/api/service-registry/pending-changes';

let root: string;
let origin: TestGitRepository;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pending-backend-'));
  origin = createTestGitRepository(path.join(root, 'registry'));
  origin.commit('Start the registry', {
    'services/catalog.toml': sharedAuthToml(8000),
    'projects/project-a/services.toml': projectAToml(),
  });
  origin.git('checkout', '--quiet', '-b', 'service-registry/move-auth');
  origin.commit('Move shared-auth to 9000', {
    'services/catalog.toml': sharedAuthToml(9000),
  });
  origin.git('checkout', '--quiet', 'main');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A backend whose pending changes are the branches of `repository`. */
function backend(
  repository: string,
  options: { deny?: boolean; anonymous?: boolean } = {},
) {
  return startRegistryBackend(new InMemoryServiceRegistrySnapshotService(), {
    ...options,
    config: {
      backend: { workingDirectory: path.join(root, 'work') },
      serviceRegistry: { pendingChanges: { repository, cacheSeconds: 0 } },
    },
  });
}

/** A backend of the registries `ids` (configured, none ingested) with these pending changes. */
function backendOfRegistries(ids: string[], pendingChanges: object) {
  return startRegistryBackend(new InMemoryServiceRegistrySnapshotService(), {
    config: {
      backend: { workingDirectory: path.join(root, 'work') },
      catalog: {
        providers: {
          serviceRegistry: Object.fromEntries(
            ids.map(id => [id, { target: `/registries/${id}` }]),
          ),
        },
      },
      serviceRegistry: { pendingChanges },
    },
  });
}

describe('service-registry backend: GET /pending-changes', () => {
  it("lists the repository's pending branches with their breaking changes and their reach", async () => {
    const { server } = await backend(origin.dir);
    const res = await request(server).get(`${ENDPOINT}?today=2026-12-06`);
    expect(res.status).toBe(200);
    const body: PendingChangesResponse = res.body;
    expect(body).toMatchObject({
      registry: 'default',
      // a local repository is named by its folder, not by the server's path
      repository: 'registry',
      defaultBranch: 'main',
      branchPrefix: 'service-registry/',
      unread: [],
      changes: [
        {
          branch: 'service-registry/move-auth',
          subject: 'Move shared-auth to 9000',
          author: 'Ana Platform',
          changed: ['shared-auth'],
          breakingChanges: [
            {
              kind: 'port-changed',
              service: 'shared-auth',
              affectedProjects: ['project-a'],
              affectedServices: 1,
            },
          ],
          findings: { errors: 0 },
        },
      ],
    });
    expect(body.changes[0]).not.toHaveProperty('url');

    // a new branch shows at the next read (no answer is reused with cacheSeconds 0)
    origin.git('checkout', '--quiet', '-b', 'service-registry/add-pa-web');
    origin.commit('Add pa-web', {
      'projects/project-a/services.toml': `${projectAToml()}\n[service.pa-web]\nversion = "0.1.0"\n`,
    });
    origin.git('checkout', '--quiet', 'main');
    const again = await request(server).get(ENDPOINT);
    expect(again.body.changes.map((c: { branch: string }) => c.branch)).toEqual(
      ['service-registry/add-pa-web', 'service-registry/move-auth'],
    );
  });

  it('needs a caller allowed to read the registry, and a well-formed query', async () => {
    const anonymous = await backend(origin.dir, { anonymous: true });
    expect((await request(anonymous.server).get(ENDPOINT)).status).toBe(401);
    const denied = await backend(origin.dir, { deny: true });
    expect((await request(denied.server).get(ENDPOINT)).status).toBe(403);
    const allowed = await backend(origin.dir);
    const bad = await request(allowed.server).get(`${ENDPOINT}?today=tomorrow`);
    expect(bad.status).toBe(400);
    expect(
      (await request(allowed.server).get(`${ENDPOINT}?branch=x`)).status,
    ).toBe(400);
  });

  it('answers 404 when no repository is configured, and 503 when it cannot be read', async () => {
    const unconfigured = await startRegistryBackend(
      new InMemoryServiceRegistrySnapshotService(),
    );
    const none = await request(unconfigured.server).get(ENDPOINT);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain(
      'set serviceRegistry.pendingChanges.repository',
    );

    const { server } = await backend(path.join(root, 'gone'));
    const gone = await request(server).get(ENDPOINT);
    expect(gone.status).toBe(503);
    // the server's paths and git's words stay in its log
    expect(gone.body.error.message).toBe(
      "The registry repository cannot be read now; the backend's log says why",
    );
  });

  it("reads each registry's own repository when the sections are keyed by registry", async () => {
    const data = createTestGitRepository(path.join(root, 'data-registry'));
    data.commit('Start the data registry', {
      'services/catalog.toml': sharedAuthToml(7000),
    });
    data.git('checkout', '--quiet', '-b', 'service-registry/retire-auth');
    data.commit('Remove shared-auth', { 'services/catalog.toml': '' });
    data.git('checkout', '--quiet', 'main');
    const { server } = await backendOfRegistries(['platform', 'data', 'lab'], {
      platform: { repository: origin.dir, cacheSeconds: 0 },
      data: { repository: data.dir, cacheSeconds: 0 },
    });
    const platform = await request(server).get(`${ENDPOINT}?registry=platform`);
    expect(platform.status).toBe(200);
    expect(platform.body).toMatchObject({
      registry: 'platform',
      repository: 'registry',
      changes: [{ branch: 'service-registry/move-auth' }],
    });
    const dataAnswer = await request(server).get(`${ENDPOINT}?registry=data`);
    expect(dataAnswer.status).toBe(200);
    expect(dataAnswer.body).toMatchObject({
      registry: 'data',
      repository: 'data-registry',
      changes: [
        { branch: 'service-registry/retire-auth', removed: ['shared-auth'] },
      ],
    });
    // a registry without a section says which key to set; an unknown one names those there are
    const lab = await request(server).get(`${ENDPOINT}?registry=lab`);
    expect(lab.status).toBe(404);
    expect(lab.body.error.message).toBe(
      'No pending changes are configured for registry "lab": set serviceRegistry.pendingChanges.lab.repository to its repository',
    );
    const unknown = await request(server).get(`${ENDPOINT}?registry=nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'no registry "nope": give registry= one of data, lab, platform (catalog.providers.serviceRegistry)',
    );
    // without registry=, the backend's default registry: none of these is `default`
    const unnamed = await request(server).get(ENDPOINT);
    expect(unnamed.status).toBe(404);
    expect(unnamed.body.error.message).toContain('no registry "default"');
  });

  it('gives a single section to the registry answered when none is named, and no other', async () => {
    const { server } = await backendOfRegistries(['default', 'staging'], {
      repository: origin.dir,
      cacheSeconds: 0,
    });
    for (const query of ['', '?registry=default']) {
      const res = await request(server).get(`${ENDPOINT}${query}`);
      expect([query, res.status, res.body.registry]).toEqual([
        query,
        200,
        'default',
      ]);
    }
    const staging = await request(server).get(`${ENDPOINT}?registry=staging`);
    expect(staging.status).toBe(404);
    expect(staging.body.error.message).toBe(
      'No pending changes are configured for registry "staging": serviceRegistry.pendingChanges is the backend\'s default registry\'s; key it by registry id (serviceRegistry.pendingChanges.staging.repository) to configure several',
    );
  });

  it('refuses to start with sections keyed by a registry that is not configured', async () => {
    await expect(
      startRegistryBackend(new InMemoryServiceRegistrySnapshotService(), {
        config: {
          catalog: {
            providers: { serviceRegistry: { platform: { target: '/r' } } },
          },
          serviceRegistry: {
            pendingChanges: { platfrom: { repository: origin.dir } },
          },
        },
      }),
    ).rejects.toThrow(
      'Invalid serviceRegistry.pendingChanges.platfrom: no registry "platfrom" is configured under catalog.providers.serviceRegistry (there are: platform)',
    );
    await expect(
      startRegistryBackend(new InMemoryServiceRegistrySnapshotService(), {
        config: { serviceRegistry: { pendingChanges: {} } },
      }),
    ).rejects.toThrow(
      'give the registry repository as serviceRegistry.pendingChanges.repository, or one section per registry',
    );
  });

  it('refuses to start with a branch prefix or folder that could leave the repository', async () => {
    for (const pendingChanges of [
      { repository: origin.dir, branchPrefix: 'x/../*' },
      { repository: origin.dir, path: 'registry/../..' },
      { repository: 'ssh://git@example.com/registry.git' },
      { default: { repository: origin.dir, path: '../elsewhere' } },
    ]) {
      await expect(
        startRegistryBackend(new InMemoryServiceRegistrySnapshotService(), {
          config: { serviceRegistry: { pendingChanges } },
        }),
      ).rejects.toThrow(/serviceRegistry\.pendingChanges/);
    }
  });
});
