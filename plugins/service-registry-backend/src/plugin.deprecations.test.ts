import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import {
  InMemoryServiceRegistrySnapshotService,
  RegistrySnapshot,
} from '@service-registry/plugin-service-registry-node';
import {
  startRegistryBackend,
  StartRegistryBackendOptions,
} from './__testUtils__/startRegistryBackend';

const TODAY = '2026-11-22';

const CATALOG = `[service.auth]
name = "Auth"
owner = "@platform-team"
version = "1.2.3"
status = "ga"
tier = "critical"
[service.auth.sla]
availability = "99.9%"
response_time_p99 = "150ms"
support_hours = "24/7"
rto = "5m"
rpo = "1m"

[service.old-api]
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2026-06-01"
replacement_service = "auth"
[service.old-api.migration]
guide_url = "https://wiki.example.com/old-api"
migration_difficulty = "easy"
estimated_effort_hours = 4

[service.legacy]
owner = "search-team"
version = "1.9.0"
status = "deprecated"
deprecation_date = "2026-06-10"
sunset_date = "2026-12-10"
replacement_service = "new-search"
`;

const POLICIES = `[sla.critical]
availability = "99.99%"
response_time_p99 = "100ms"
support_hours = "24/7"
rto = "5m"
rpo = "1m"

[sla.high]
availability = "99.9%"
response_time_p99 = "200ms"
`;

const SHOP = (shopApiRequires: string) => `[project]
name = "Shop"
owner = "shop-team"
tier = "high"

[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
sla = { availability = "99.95%", response_time_p99 = "120ms", response_time_p50 = "30ms" }
[service.shop-api.dependencies]
requires = ${shopApiRequires}
optional = ["legacy"]

[service.shop-web]
version = "1.0.0"
status = "ga"
[service.shop-web.dependencies]
requires = ["shop-api", "legacy@^1"]
`;

function snapshotOf(
  shopApiRequires: string,
  updatedAt: string,
): RegistrySnapshot {
  const registry = loadRegistry([
    { path: 'services/catalog.toml', text: CATALOG },
    { path: 'policies/sla.toml', text: POLICIES },
    { path: 'projects/shop/services.toml', text: SHOP(shopApiRequires) },
  ]);
  return {
    providerId: 'default',
    registry,
    findings: registry.findings,
    state: 'ok',
    summary: 'test',
    updatedAt,
    rootLocation: 'file:/registry',
  };
}

async function start(options: StartRegistryBackendOptions = {}) {
  const snapshots = new InMemoryServiceRegistrySnapshotService();
  snapshots.publish(
    snapshotOf('["auth", "old-api"]', '2026-11-20T08:00:00.000Z'),
  );
  return startRegistryBackend(snapshots, options);
}

const api = '/api/service-registry';

/** Waits until the history of a service has `length` points (recording is asynchronous). */
async function historyOf(
  server: Parameters<typeof request>[0],
  service: string,
  length: number,
) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await request(server).get(
      `${api}/deprecations/${service}/history`,
    );
    if (res.status === 200 && res.body.items.length >= length) return res.body;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error(`the history of ${service} never reached ${length} points`);
}

describe('service-registry backend: deprecations, SLA and OpenSLO', () => {
  it('protects every new endpoint with authentication and the read permission', async () => {
    const paths = [
      '/deprecations',
      '/deprecations/old-api',
      '/deprecations/old-api/history',
      '/services/shop-api/deprecated-dependencies',
      '/sla',
      '/sla/auth',
      '/openslo',
    ];
    const anonymous = await start({ anonymous: true });
    const denied = await start({ deny: true });
    for (const path of paths) {
      expect([
        path,
        (await request(anonymous.server).get(`${api}${path}`)).status,
      ]).toEqual([path, 401]);
      expect([
        path,
        (await request(denied.server).get(`${api}${path}`)).status,
      ]).toEqual([path, 403]);
    }
  });

  it('lists every deprecation with its status, consumers, effort and counts', async () => {
    const { server } = await start();
    const res = await request(server).get(`${api}/deprecations?today=${TODAY}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      registry: 'default',
      today: TODAY,
      updatedAt: '2026-11-20T08:00:00.000Z',
      counts: {
        total: 2,
        overdue: 1,
        'at-risk': 1,
        'on-track': 0,
        'no-sunset': 0,
        done: 0,
      },
    });
    expect(
      res.body.items.map((r: any) => [
        r.service,
        r.status,
        r.daysToSunset,
        r.consumers.map((c: any) => c.id),
        r.optionalConsumers.map((c: any) => c.id),
      ]),
    ).toEqual([
      ['old-api', 'overdue', -174, ['shop-api'], []],
      ['legacy', 'at-risk', 18, ['shop-web'], ['shop-api']],
    ]);
    expect(res.body.items[0]).toMatchObject({
      replacement: { id: 'auth', exists: true, deprecated: false },
      guideUrl: 'https://wiki.example.com/old-api',
      difficulty: 'easy',
      remainingEffortHours: 4,
      consumers: [{ id: 'shop-api', project: 'shop', owner: 'shop-team' }],
    });
    expect(res.body.items[1].replacement).toEqual({
      id: 'new-search',
      exists: false,
      deprecated: false,
      retired: false,
    });
    expect(res.body.items[1].consumers[0]).toMatchObject({
      id: 'shop-web',
      owner: 'shop-team',
      range: '^1',
    });

    const atRisk = await request(server).get(
      `${api}/deprecations?today=${TODAY}&status=at-risk&owner=search-team`,
    );
    expect(atRisk.body.items.map((r: any) => r.service)).toEqual(['legacy']);
    expect(atRisk.body.counts.total).toBe(1);
    const shop = await request(server).get(
      `${api}/deprecations?today=${TODAY}&project=shop`,
    );
    expect(shop.body.counts.total).toBe(2);
    const later = await request(server).get(
      `${api}/deprecations?today=2026-12-11`,
    );
    expect(later.body.counts).toMatchObject({ overdue: 2, 'at-risk': 0 });
    const now = await request(server).get(`${api}/deprecations`);
    expect(now.body.today).toBe(new Date().toISOString().slice(0, 10));

    for (const bad of [
      'status=late',
      'today=22-11-2026',
      'today=2026-02-30',
      'color=red',
    ]) {
      expect([
        bad,
        (await request(server).get(`${api}/deprecations?${bad}`)).status,
      ]).toEqual([bad, 400]);
    }
    expect(
      (await request(server).get(`${api}/deprecations?registry=other`)).status,
    ).toBe(404);
  });

  it('records the burn-down at each ingestion and serves it with the record', async () => {
    const { server, snapshots } = await start();
    const first = await historyOf(server, 'old-api', 1);
    expect(first).toEqual({
      registry: 'default',
      service: 'old-api',
      items: [
        {
          recordedAt: '2026-11-20T08:00:00.000Z',
          consumers: 1,
          optionalConsumers: 0,
          remainingConsumers: 1,
          status: 'overdue',
        },
      ],
    });

    // Same counts an hour later: no new point. shop-api migrated off old-api: a new point.
    snapshots.publish(
      snapshotOf('["auth", "old-api"]', '2026-11-20T09:00:00.000Z'),
    );
    snapshots.publish(snapshotOf('["auth"]', '2026-11-21T08:00:00.000Z'));
    const second = await historyOf(server, 'old-api', 2);
    expect(
      second.items.map((p: any) => [
        p.recordedAt,
        p.remainingConsumers,
        p.status,
      ]),
    ).toEqual([
      ['2026-11-20T08:00:00.000Z', 1, 'overdue'],
      ['2026-11-21T08:00:00.000Z', 0, 'done'],
    ]);

    const one = await request(server).get(
      `${api}/deprecations/old-api?today=${TODAY}`,
    );
    expect(one.status).toBe(200);
    expect(one.body.record).toMatchObject({
      service: 'old-api',
      status: 'done',
      remainingConsumers: 0,
      remainingEffortHours: 0,
      message: 'old-api has no consumers left: it can be retired.',
    });
    expect(one.body.history).toHaveLength(2);
    // legacy kept its consumers: the 09:00 ingestion stored nothing, the one a day later did.
    const legacy = await historyOf(server, 'legacy', 2);
    expect(
      legacy.items.map((p: any) => [p.recordedAt, p.remainingConsumers]),
    ).toEqual([
      ['2026-11-20T08:00:00.000Z', 2],
      ['2026-11-21T08:00:00.000Z', 2],
    ]);

    expect((await request(server).get(`${api}/deprecations/auth`)).status).toBe(
      404,
    );
    expect((await request(server).get(`${api}/deprecations/nope`)).status).toBe(
      404,
    );
    expect(
      (await request(server).get(`${api}/deprecations/nope/history`)).status,
    ).toBe(404);
    expect(
      (await request(server).get(`${api}/deprecations/Bad%20Id`)).status,
    ).toBe(404);
    expect(
      (await request(server).get(`${api}/deprecations/auth/history`)).body,
    ).toEqual({ registry: 'default', service: 'auth', items: [] });
  });

  it('warns a consumer about its deprecated dependencies', async () => {
    const { server } = await start();
    const res = await request(server).get(
      `${api}/services/shop-api/deprecated-dependencies?today=${TODAY}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      service: 'shop-api',
      today: TODAY,
      counts: { errors: 1, warnings: 1 },
    });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        service: 'old-api',
        optional: false,
        sunsetDate: '2026-06-01',
        severity: 'error',
        replacement: expect.objectContaining({ id: 'auth' }),
        message:
          'shop-api requires "old-api", which is deprecated (sunset on 2026-06-01, 174 days ago): migrate to "auth" (guide: https://wiki.example.com/old-api).',
      }),
      expect.objectContaining({
        service: 'legacy',
        optional: true,
        daysToSunset: 18,
        severity: 'warning',
      }),
    ]);
    expect(
      (
        await request(server).get(
          `${api}/services/auth/deprecated-dependencies`,
        )
      ).body.items,
    ).toEqual([]);
    expect(
      (
        await request(server).get(
          `${api}/services/nope/deprecated-dependencies`,
        )
      ).status,
    ).toBe(404);
  });

  it('serves the SLA overview with filters and one service evaluation', async () => {
    const { server } = await start();
    const res = await request(server).get(`${api}/sla`);
    expect(res.status).toBe(200);
    expect(
      res.body.tiers.map((t: any) => [
        t.tier,
        t.services.map((s: any) => [s.id, s.compliance]),
      ]),
    ).toEqual([
      ['critical', [['auth', 'non-compliant']]],
      [
        'high',
        [
          ['shop-api', 'compliant'],
          ['shop-web', 'incomplete'],
        ],
      ],
      [
        null,
        [
          ['legacy', 'no-policy'],
          ['old-api', 'no-policy'],
        ],
      ],
    ]);
    expect(res.body.counts).toEqual({
      services: 5,
      compliant: 1,
      nonCompliant: 1,
      incomplete: 1,
      noPolicy: 2,
    });
    expect(res.body.projects).toEqual([
      {
        project: 'shop',
        name: 'Shop',
        counts: {
          services: 2,
          compliant: 1,
          nonCompliant: 0,
          incomplete: 1,
          noPolicy: 0,
        },
      },
      {
        project: null,
        counts: {
          services: 3,
          compliant: 0,
          nonCompliant: 1,
          incomplete: 0,
          noPolicy: 2,
        },
      },
    ]);
    const critical = await request(server).get(
      `${api}/sla?tier=critical&owner=platform-team`,
    );
    expect(critical.body.tiers[0].services[0].gaps).toEqual([
      'availability 99.9% declared, critical tier requires 99.99%',
      'response_time_p99 150ms declared, critical tier requires 100ms',
    ]);
    expect(
      (await request(server).get(`${api}/sla?project=shop`)).body.counts
        .services,
    ).toBe(2);
    expect((await request(server).get(`${api}/sla?tier=gold`)).status).toBe(
      400,
    );

    const auth = await request(server).get(`${api}/sla/auth`);
    expect(auth.status).toBe(200);
    expect(auth.body.evaluation).toMatchObject({
      service: 'auth',
      tier: 'critical',
      compliance: 'non-compliant',
      allowedDowntime: { availability: 99.9, minutes: 43.2, text: '43.2 min' },
      policyAllowedDowntime: { seconds: 259.2 },
    });
    expect(auth.body.evaluation.targets[0]).toEqual({
      key: 'availability',
      label: 'Availability',
      unit: '%',
      declared: 99.9,
      declaredText: '99.9%',
      required: 99.99,
      requiredText: '99.99%',
      status: 'weaker',
      message: 'availability 99.9% declared, critical tier requires 99.99%',
    });
    expect((await request(server).get(`${api}/sla/nope`)).status).toBe(404);
  });

  it('exports OpenSLO documents as YAML or JSON', async () => {
    const { server } = await start();
    const yaml = await request(server).get(`${api}/openslo`);
    expect(yaml.status).toBe(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    const docs = parseAllDocuments(yaml.text).map(d => d.toJS());
    expect(docs.map((d: any) => d.metadata.name)).toEqual([
      'auth-availability',
      'auth-latency',
      'shop-api-availability',
      'shop-api-latency',
    ]);
    expect(docs[0]).toMatchObject({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      spec: {
        service: 'auth',
        budgetingMethod: 'Occurrences',
        timeWindow: [{ duration: '30d', isRolling: true }],
        objectives: [{ displayName: 'Availability 99.9%', target: 0.999 }],
      },
    });

    const json = await request(server).get(
      `${api}/openslo?format=json&service=shop-api`,
    );
    expect(json.status).toBe(200);
    expect(json.body).toHaveLength(2);
    expect(json.body[1].spec.objectives).toEqual([
      {
        displayName: 'p50 response time at most 30ms',
        op: 'lte',
        value: 30,
        target: 0.5,
      },
      {
        displayName: 'p99 response time at most 120ms',
        op: 'lte',
        value: 120,
        target: 0.99,
      },
    ]);
    const filled = await request(server).get(
      `${api}/openslo?format=json&service=shop-web&fillFromTierPolicy=true`,
    );
    expect(filled.body.map((d: any) => d.metadata.name)).toEqual([
      'shop-web-availability',
      'shop-web-latency',
    ]);
    expect(
      (await request(server).get(`${api}/openslo?format=json&service=shop-web`))
        .body,
    ).toEqual([]);
    expect(
      (await request(server).get(`${api}/openslo?format=xml`)).status,
    ).toBe(400);
    expect(
      (await request(server).get(`${api}/openslo?service=nope`)).status,
    ).toBe(404);
  });
});
