import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import {
  startRegistryBackend,
  StartRegistryBackendOptions,
} from './__testUtils__/startRegistryBackend';

const FILES = [
  {
    path: 'services/catalog.toml',
    text: `[service.shared-auth]
owner = "@platform-team"
version = "1.2.3"
status = "ga"

[service.old-api]
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2026-06-01"
replacement_service = "shared-auth"
`,
  },
  {
    path: 'projects/shop/services.toml',
    text: `[project]
name = "Shop"
owner = "shop-team"
tier = "high"

[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
[service.shop-api.dependencies]
requires = ["shared-auth@^1.0", "old-api"]
optional = ["shop-cache"]

[service.shop-web]
owner = "shop-team"
version = "1.0.0"
status = "ga"
[service.shop-web.dependencies]
requires = ["shop-api"]

[service.loop-a]
owner = "shop-team"
version = "1.0.0"
[service.loop-a.dependencies]
requires = ["loop-b"]

[service.loop-b]
owner = "shop-team"
version = "1.0.0"
[service.loop-b.dependencies]
requires = ["loop-a"]
`,
  },
];

async function start(options: StartRegistryBackendOptions = {}) {
  return startRegistryBackend(publishedFiles(FILES), options);
}

describe('service-registry backend', () => {
  it('refuses unauthenticated calls with 401 and denied ones with 403', async () => {
    const anonymous = await start({ anonymous: true });
    expect(
      (await request(anonymous.server).get('/api/service-registry/graph'))
        .status,
    ).toBe(401);
    expect(
      (
        await request(anonymous.server)
          .get('/api/service-registry/graph')
          .set('Authorization', mockCredentials.user.header())
      ).status,
    ).toBe(200);

    const denied = await start({ deny: true });
    expect(
      (await request(denied.server).get('/api/service-registry/findings'))
        .status,
    ).toBe(403);
  });

  it('serves the graph with projects, owners, statuses, ranges, missing services and cycles', async () => {
    const { server } = await start();
    const res = await request(server).get('/api/service-registry/graph');
    expect(res.status).toBe(200);
    const byId = new Map(res.body.nodes.map((n: any) => [n.id, n]));
    expect(byId.get('shop-api')).toMatchObject({
      project: 'shop',
      owner: 'shop-team',
      status: 'ga',
      tier: 'high',
      declared: true,
      source: { file: 'projects/shop/services.toml', line: 6 },
    });
    expect(byId.get('old-api')).toMatchObject({
      status: 'deprecated',
      sunsetDate: '2026-06-01',
    });
    expect(byId.get('shop-cache')).toMatchObject({ declared: false });
    expect(res.body.edges).toContainEqual({
      from: 'shop-api',
      to: 'shared-auth',
      optional: false,
      range: '^1.0',
    });
    expect(res.body.edges).toContainEqual({
      from: 'shop-api',
      to: 'shop-cache',
      optional: true,
    });
    expect(res.body.cycles).toEqual([['loop-a', 'loop-b', 'loop-a']]);
    expect(res.body.projects).toEqual([
      expect.objectContaining({ id: 'shop', name: 'Shop', tier: 'high' }),
    ]);
  });

  it('answers impact by depth and project', async () => {
    const { server } = await start();
    const res = await request(server).get(
      '/api/service-registry/impact/shared-auth',
    );
    expect(res.status).toBe(200);
    expect(
      res.body.services.map((s: any) => [s.id, s.depth, s.project]),
    ).toEqual([
      ['shop-api', 1, 'shop'],
      ['shop-web', 2, 'shop'],
    ]);
    expect(res.body.projects).toEqual(['shop']);
    expect(
      (
        await request(server).get(
          '/api/service-registry/impact/shared-auth?maxDepth=1',
        )
      ).body.services,
    ).toHaveLength(1);
    expect(
      (await request(server).get('/api/service-registry/impact/nope')).status,
    ).toBe(404);
    expect(
      (
        await request(server).get(
          '/api/service-registry/impact/shared-auth?maxDepth=-2',
        )
      ).status,
    ).toBe(400);
  });

  it('counts no retired service among the consumers a change affects', async () => {
    const files = FILES.map(f =>
      f.path === 'projects/shop/services.toml'
        ? {
            ...f,
            text: f.text.replace(
              'version = "1.0.0"\nstatus = "ga"\n[service.shop-web.dependencies]',
              'version = "1.0.0"\nstatus = "retired"\n[service.shop-web.dependencies]',
            ),
          }
        : f,
    );
    const { server } = await startRegistryBackend(publishedFiles(files));
    const impact = await request(server).get(
      '/api/service-registry/impact/shared-auth',
    );
    expect(impact.body.services.map((s: any) => s.id)).toEqual(['shop-api']);
    const api = await request(server).get(
      '/api/service-registry/services/shop-api',
    );
    expect(api.body.consumers).toMatchObject({ requiredBy: [] });
  });

  it('filters findings by service, project and severity', async () => {
    const { server } = await start();
    const all = (await request(server).get('/api/service-registry/findings'))
      .body.items;
    expect(all.map((f: any) => f.code)).toEqual(
      expect.arrayContaining([
        'dependency/cycle',
        'lifecycle/depends-on-deprecated',
      ]),
    );
    const shopApi = (
      await request(server).get(
        '/api/service-registry/findings?service=shop-api&severity=warning',
      )
    ).body.items;
    expect(shopApi.length).toBeGreaterThan(0);
    expect(
      shopApi.every(
        (f: any) => f.service === 'shop-api' && f.severity === 'warning',
      ),
    ).toBe(true);
    // errors come first, whatever file they are in
    const severities = all.map((f: any) => f.severity);
    expect(severities).toEqual(
      [...severities].sort(
        (a: string, b: string) =>
          ['error', 'warning', 'info'].indexOf(a) -
          ['error', 'warning', 'info'].indexOf(b),
      ),
    );
    expect(severities[0]).toBe('error');
    const ofCatalog = (
      await request(server).get(
        '/api/service-registry/findings?file=services/catalog.toml',
      )
    ).body.items;
    expect(ofCatalog.length).toBeGreaterThan(0);
    expect(ofCatalog.length).toBeLessThan(all.length);
    expect(
      ofCatalog.every((f: any) => f.file === 'services/catalog.toml'),
    ).toBe(true);
    // each finding names the owner to talk to; a local registry has no page to link to
    expect(shopApi[0].owner).toBe('shop-team');
    expect(shopApi[0].url).toBeUndefined();
    expect(
      (
        await request(server).get(
          '/api/service-registry/findings?severity=fatal',
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await request(server).get(
          '/api/service-registry/findings?registry=other',
        )
      ).status,
    ).toBe(404);
  });

  it('serves the full registry record of a service with its consumers', async () => {
    const { server } = await start();
    const res = await request(server).get(
      '/api/service-registry/services/old-api',
    );
    expect(res.status).toBe(200);
    expect(res.body.service).toMatchObject({
      id: 'old-api',
      replacementService: 'shared-auth',
      raw: expect.objectContaining({ deprecation_date: expect.anything() }),
    });
    expect(res.body.consumers.requiredBy).toEqual(['shop-api']);
    // an id the registry does not hold, whatever its form (the loader keeps any id)
    expect(
      (await request(server).get('/api/service-registry/services/Bad%20Id'))
        .status,
    ).toBe(404);
  });

  it('never serves a credential written in the registry, in the record or its findings', async () => {
    const snapshots = publishedFiles([
      {
        path: 'services/catalog.toml',
        text: `[service.billing]
owner = "billing-team"
version = "1.0.0"
status = "ga"
repository = "https://deploy:s3cretpass@git.example.com/billing.git"
[service.billing.metadata]
stripe_key = "sk_live_0123456789abcdefghijklmn"
env = ["LOG_LEVEL=debug", "DB_PASSWORD=hunter2hunter2"]
`,
      },
    ]);
    const { server } = await startRegistryBackend(snapshots);
    for (const path of ['/services/billing', '/services/billing/summary']) {
      const res = await request(server).get(`/api/service-registry${path}`);
      expect(res.status).toBe(200);
      for (const secret of ['s3cretpass', 'sk_live_0123', 'hunter2']) {
        expect(res.text).not.toContain(secret);
      }
    }
    const record = await request(server).get(
      '/api/service-registry/services/billing',
    );
    expect(record.body.service.raw.metadata).toMatchObject({
      stripe_key: expect.stringMatching(/^\(hidden: /),
      env: ['LOG_LEVEL=debug', expect.stringMatching(/^\(hidden: /)],
    });
    expect(record.body.findings.map((f: { code: string }) => f.code)).toContain(
      'security/secret-value',
    );
  });

  it('serves the summary a service page shows: facts, dependencies checked, consumers, findings', async () => {
    const { server } = await start();
    const res = await request(server).get(
      '/api/service-registry/services/shop-api/summary',
    );
    expect(res.status).toBe(200);
    expect(res.body.service).toMatchObject({
      id: 'shop-api',
      version: '2.0.0',
      project: 'shop',
      projectName: 'Shop',
      effectiveTier: 'high',
    });
    expect(res.body.service.raw).toBeUndefined();
    expect(res.body.source).toEqual({
      file: 'projects/shop/services.toml',
      line: 6,
    });
    expect(
      res.body.dependencies.map(
        (d: { service: string; satisfied?: boolean; status?: string }) => [
          d.service,
          d.satisfied,
          d.status,
        ],
      ),
    ).toEqual([
      ['shared-auth', true, 'ga'],
      ['old-api', undefined, 'deprecated'],
      ['shop-cache', undefined, undefined],
    ]);
    expect(res.body.consumers.requiredBy).toEqual(['shop-web']);
    expect(res.body.findings.warnings).toBeGreaterThan(0);

    const missing = await request(server).get(
      '/api/service-registry/services/nowhere/summary',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain(
      'no service "nowhere" in registry "default"',
    );
    const anonymous = await start({ anonymous: true });
    expect(
      (
        await request(anonymous.server).get(
          '/api/service-registry/services/shop-api/summary',
        )
      ).status,
    ).toBe(401);
    const denied = await start({ deny: true });
    expect(
      (
        await request(denied.server).get(
          '/api/service-registry/services/shop-api/summary',
        )
      ).status,
    ).toBe(403);
  });

  it('serves the summary a project page shows: facts, services, dependencies, consumers, findings, SLA', async () => {
    const { server } = await start();
    const res = await request(server).get(
      '/api/service-registry/projects/shop/summary?registry=default',
    );
    expect(res.status).toBe(200);
    expect(res.body.project).toEqual({
      id: 'shop',
      name: 'Shop',
      owner: 'shop-team',
      tier: 'high',
    });
    expect(res.body.source).toEqual({
      file: 'projects/shop/services.toml',
      line: 1,
    });
    expect(
      res.body.services.map(
        (s: {
          id: string;
          effectiveTier?: string;
          deprecatedDependencies: string[];
        }) => [s.id, s.effectiveTier, s.deprecatedDependencies],
      ),
    ).toEqual([
      ['loop-a', 'high', []],
      ['loop-b', 'high', []],
      ['shop-api', 'high', ['old-api']],
      ['shop-web', 'high', []],
    ]);
    expect(res.body.overrides).toEqual([]);
    expect(res.body.dependencies).toEqual([
      {
        project: null,
        services: [
          {
            service: 'old-api',
            status: 'deprecated',
            requiredBy: ['shop-api'],
            optionalFor: [],
          },
          {
            service: 'shared-auth',
            status: 'ga',
            requiredBy: ['shop-api'],
            optionalFor: [],
          },
        ],
        edges: 2,
        required: 2,
        optional: 0,
      },
    ]);
    expect(res.body.consumers).toEqual([]);
    // the cycle loop-a → loop-b → loop-a, the deprecated old-api
    expect(res.body.findings.errors).toBeGreaterThan(0);
    expect(res.body.findings.warnings).toBeGreaterThan(0);
    expect(res.body.sla).toMatchObject({ services: 4 });

    const globals = await request(server).get(
      '/api/service-registry/projects/%3Aglobal/summary',
    );
    expect(globals.status).toBe(200);
    expect(globals.body.project).toEqual({ id: null, name: 'Global services' });
    expect(globals.body.source).toEqual({
      file: 'services/catalog.toml',
      line: 1,
    });
    expect(globals.body.services.map((s: { id: string }) => s.id)).toEqual([
      'old-api',
      'shared-auth',
    ]);
    expect(
      globals.body.consumers.map(
        (c: { project: string | null; edges: number }) => [c.project, c.edges],
      ),
    ).toEqual([['shop', 2]]);
  });

  it('answers 404 for a project the registry does not have, 400 for a bad id, 401 and 403 like the others', async () => {
    const { server } = await start();
    const missing = await request(server).get(
      '/api/service-registry/projects/nowhere/summary',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'no project "nowhere" in registry "default": a project is a folder under projects/ of the registry',
    );
    // "global" is a project id like any other: this registry has no such folder
    expect(
      (
        await request(server).get(
          '/api/service-registry/projects/global/summary',
        )
      ).status,
    ).toBe(404);
    const bad = await request(server).get(
      '/api/service-registry/projects/bad%20id/summary',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('not a registry project id');
    expect(
      (
        await request(server).get(
          '/api/service-registry/projects/shop/summary?registry=other',
        )
      ).status,
    ).toBe(404);

    const anonymous = await start({ anonymous: true });
    expect(
      (
        await request(anonymous.server).get(
          '/api/service-registry/projects/shop/summary',
        )
      ).status,
    ).toBe(401);
    const denied = await start({ deny: true });
    expect(
      (
        await request(denied.server).get(
          '/api/service-registry/projects/shop/summary',
        )
      ).status,
    ).toBe(403);
  });

  it('names the bad parameter, path or query, and refuses parameters it does not know', async () => {
    const { server } = await start();
    const badId = await request(server).get(
      '/api/service-registry/projects/..%2F..%2Fetc/summary',
    );
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/^project: /);
    // a registry may hold any text as a service id: one it does not hold is 404, never read as a path
    const noService = await request(server).get(
      '/api/service-registry/services/..%2F..%2Fetc',
    );
    expect(noService.status).toBe(404);
    expect(noService.body.error.message).toContain(
      'no service "../../etc" in registry "default"',
    );
    // a misspelt parameter is refused, never ignored (it would answer from another registry)
    for (const path of [
      '/graph?regsitry=other',
      '/services/shop-api?regsitry=other',
      '/services/shop-api/summary?regsitry=other',
    ]) {
      const res = await request(server).get(`/api/service-registry${path}`);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.message).toContain('regsitry');
    }
    for (const maxDepth of ['0x10', '1e2', ' 3']) {
      expect([
        maxDepth,
        (
          await request(server).get(
            `/api/service-registry/impact/shared-auth?maxDepth=${maxDepth}`,
          )
        ).status,
      ]).toEqual([maxDepth, 400]);
    }
  });

  it('says which maxDepth to give for every value out of 1 to 1000', async () => {
    const { server } = await start();
    for (const maxDepth of ['0', '0000', '1001', '99999', '-1']) {
      const res = await request(server).get(
        `/api/service-registry/impact/shared-auth?maxDepth=${maxDepth}`,
      );
      expect([maxDepth, res.status, res.body.error.message]).toEqual([
        maxDepth,
        400,
        'maxDepth: maxDepth must be a whole number from 1 to 1000',
      ]);
    }
  });

  it('lists the registries with their state', async () => {
    const { server } = await start();
    const res = await request(server).get('/api/service-registry/registries');
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: 'default',
        state: 'ok',
        services: 6,
        projects: 1,
      }),
    ]);
  });

  it('serves the graph compressed once, with an ETag that answers 304 when unchanged', async () => {
    const { server } = await start();
    const first = await request(server)
      .get('/api/service-registry/graph')
      .set('Accept-Encoding', 'gzip');
    expect(first.status).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.body.nodes.length).toBeGreaterThan(0);
    const plain = await request(server)
      .get('/api/service-registry/graph')
      .set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(first.body);

    const again = await request(server)
      .get('/api/service-registry/graph')
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });
});
