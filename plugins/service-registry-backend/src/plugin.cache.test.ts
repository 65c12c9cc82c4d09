import request from 'supertest';
import * as common from '@service-registry/plugin-service-registry-common';
import { InMemoryServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import {
  publishedFiles,
  snapshotOfFiles,
} from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

/*
 * The work of the large answers (findings, SLA overview, OpenSLO documents, hiding credentials) is
 * counted through the common library's functions: it must happen once per snapshot, not per
 * request.
 */
jest.mock('@service-registry/plugin-service-registry-common', () => {
  const actual = jest.requireActual(
    '@service-registry/plugin-service-registry-common',
  );
  return {
    ...actual,
    buildFindingsResponse: jest.fn(actual.buildFindingsResponse),
    hideSecretValues: jest.fn(actual.hideSecretValues),
    slaOverview: jest.fn(actual.slaOverview),
    toOpenSlo: jest.fn(actual.toOpenSlo),
  };
});

const actual: typeof common = jest.requireActual(
  '@service-registry/plugin-service-registry-common',
);
const counted = {
  buildFindingsResponse: jest.mocked(common.buildFindingsResponse),
  hideSecretValues: jest.mocked(common.hideSecretValues),
  slaOverview: jest.mocked(common.slaOverview),
  toOpenSlo: jest.mocked(common.toOpenSlo),
};

const ROOT =
  'url:https://x-access-token:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/registry/tree/main/';

/** A registry with findings of every severity, SLA gaps, tiers, projects and credentials. */
function files(extra = '') {
  return [
    {
      path: 'services/catalog.toml',
      text: `[service.auth]
owner = "@platform-team"
version = "1.2.3"
status = "ga"
tier = "high"
[service.auth.sla]
availability = "99.9%"
support_hours = "https://ops:hunter2pass@status.example.com"

[service.old-api]
name = "Old API https://deploy:s3cretpass@git.example.com/old.git"
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2026-06-01"
replacement_service = "auth"
tier = "critical"
[service.old-api.sla]
availability = 99.0
response_time_p99 = 800

[service.gone]
owner = "platform-team"
version = "1.0.0"
status = "retired"

[service.orders_api]
owner = "orders-team"
version = "1.0.0"
unknown_field = true
${extra}`,
    },
    {
      path: 'policies/sla.toml',
      text: `[sla.critical]
availability = "99.99%"
response_time_p99 = 300

[sla.high]
availability = "99.9%"
`,
    },
    {
      path: 'projects/shop/services.toml',
      text: `[project]
name = "Shop https://deploy:s3cretpass@git.example.com/shop.git"
owner = "shop-team"
tier = "high"

[service.shop-api]
owner = "@shop-team"
version = "2.0.0"
status = "ga"
[service.shop-api.sla]
availability = 99.95
[service.shop-api.dependencies]
requires = ["old-api", "missing-api"]

[service.shop-web]
owner = "shop-team"
version = "1.0.0"
tier = "low"
`,
    },
    {
      path: 'projects/pay/services.toml',
      text: `[project]
name = "Pay"
owner = "pay-team"

[service.pay-api]
owner = "pay-team"
version = "1.0.0"
status = "beta"
tier = "critical"
[service.pay-api.sla]
availability = 99.999
`,
    },
  ];
}

const SECRET = /s3cretpass|hunter2pass|ghp_abcdef/;
const api = '/api/service-registry';
const LARGE = ['/findings', '/sla', '/openslo', '/openslo?format=json'];

async function get(server: any, path: string) {
  const res = await request(server)
    .get(`${api}${path}`)
    .set('Accept-Encoding', 'identity');
  expect([path, res.status]).toEqual([path, 200]);
  return res;
}

describe('service-registry backend: large answers are made once per snapshot', () => {
  beforeEach(() => jest.clearAllMocks());

  it('answers again from the same work while the snapshot stays, and from the new registry once one is published', async () => {
    const snapshots = publishedFiles(files(), { rootLocation: ROOT });
    const { server } = await startRegistryBackend(snapshots);

    const first = new Map<string, string>();
    const etags = new Map<string, string>();
    for (const path of LARGE) {
      const { text, headers } = await get(server, path);
      expect([path, text]).not.toEqual([path, expect.stringMatching(SECRET)]);
      first.set(path, text);
      etags.set(path, headers.etag);
    }
    // the registry does hold credentials these answers would show
    const snapshot = snapshots.get('default')!;
    expect(
      JSON.stringify(actual.slaOverview(snapshot.registry)) +
        JSON.stringify(actual.buildFindingsResponse(snapshot)),
    ).toMatch(SECRET);
    expect(counted.slaOverview).toHaveBeenCalledTimes(1);
    expect(counted.toOpenSlo).toHaveBeenCalledTimes(2); // yaml, json

    jest.clearAllMocks();
    for (const path of LARGE) {
      const res = await get(server, path);
      expect([path, res.text]).toEqual([path, first.get(path)]);
      expect([path, res.headers.etag]).toEqual([path, etags.get(path)]);
      const unchanged = await request(server)
        .get(`${api}${path}`)
        .set('If-None-Match', etags.get(path)!);
      expect([path, unchanged.status]).toEqual([path, 304]);
      // compressed once too, and the same answer
      const gzipped = await request(server)
        .get(`${api}${path}`)
        .set('Accept-Encoding', 'gzip');
      expect([path, gzipped.headers['content-encoding']]).toEqual([
        path,
        'gzip',
      ]);
      expect([path, gzipped.text]).toEqual([path, first.get(path)]);
    }
    // nothing made, hidden or serialised again
    expect(counted.buildFindingsResponse).not.toHaveBeenCalled();
    expect(counted.slaOverview).not.toHaveBeenCalled();
    expect(counted.toOpenSlo).not.toHaveBeenCalled();
    expect(counted.hideSecretValues).not.toHaveBeenCalled();

    // filtered answers pick from the same work: the services' lines are not hidden again
    await get(server, '/findings?severity=warning');
    await get(server, '/sla?tier=critical');
    expect(counted.slaOverview).not.toHaveBeenCalled();
    expect(counted.hideSecretValues).toHaveBeenCalledTimes(1); // the SLA groups around the lines

    // a new snapshot: a new service, with its SLA and a finding of its own
    snapshots.publish(
      snapshotOfFiles(
        files(`
[service.ledger]
owner = "ledger-team"
version = "1.0.0"
tier = "high"
misspelt_field = 1
[service.ledger.sla]
availability = 99.5
`),
        { rootLocation: ROOT, updatedAt: '2026-11-23T00:00:00.000Z' },
      ),
    );
    jest.clearAllMocks();
    for (const path of LARGE) {
      // the ETag of the former snapshot's answer no longer matches
      const res = await request(server)
        .get(`${api}${path}`)
        .set('Accept-Encoding', 'identity')
        .set('If-None-Match', etags.get(path)!);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, res.text]).not.toEqual([path, first.get(path)]);
      expect([path, res.text.includes('ledger')]).toEqual([path, true]);
    }
    expect(counted.slaOverview).toHaveBeenCalledTimes(1);
    expect(counted.toOpenSlo).toHaveBeenCalledTimes(2);
    const findings = (await get(server, '/findings')).body;
    expect(findings.updatedAt).toBe('2026-11-23T00:00:00.000Z');
    expect(findings.items.some((f: any) => f.service === 'ledger')).toBe(true);
    const sla = (await get(server, '/sla?tier=high')).body;
    expect(sla.tiers[0].services.map((s: any) => s.id)).toEqual([
      'auth',
      'ledger',
      'shop-api',
    ]);
  });

  it('filters exactly as the common library does, credentials hidden', async () => {
    const loaded = snapshotOfFiles(files(), { rootLocation: ROOT });
    // an info finding first: answers list errors, then warnings, then infos
    const snapshot = {
      ...loaded,
      findings: [
        {
          severity: 'info' as const,
          code: 'dependency/cycle-limit' as const,
          message: 'shop-api and others depend on each other densely',
          file: 'projects/shop/services.toml',
          line: 6,
          column: 1,
          service: 'shop-api',
          project: 'shop',
        },
        ...loaded.findings,
      ],
    };
    const snapshots = new InMemoryServiceRegistrySnapshotService();
    snapshots.publish(snapshot);
    const { server } = await startRegistryBackend(snapshots);
    const head = { registry: 'default', updatedAt: snapshot.updatedAt };

    const slaFilters: Array<[string, common.SlaOverviewOptions]> = [];
    for (const [p, project] of [
      ['', undefined],
      ['project=shop', 'shop'],
      ['project=pay', 'pay'],
      ['project=nowhere', 'nowhere'],
      ['project=%3Aglobal', null],
    ] as const) {
      for (const tier of [undefined, 'critical', 'high', 'low'] as const) {
        for (const owner of [undefined, 'shop-team', '@platform-team', 'x']) {
          const query = [
            p,
            tier ? `tier=${tier}` : '',
            owner ? `owner=${encodeURIComponent(owner)}` : '',
          ]
            .filter(Boolean)
            .join('&');
          slaFilters.push([query, { project, tier, owner }]);
        }
      }
    }
    for (const [query, options] of slaFilters) {
      const res = await get(server, `/sla?${query}`);
      expect([query, res.body]).toEqual([
        query,
        JSON.parse(
          JSON.stringify(
            actual.hideSecretValues({
              ...head,
              ...actual.slaOverview(snapshot.registry, options),
            }),
          ),
        ),
      ]);
    }

    const findingFilters: Array<[string, common.FindingsQuery, boolean]> = [
      ['', {}, false],
      ['severity=error', { severity: 'error' }, false],
      ['severity=warning', { severity: 'warning' }, false],
      ['severity=info', { severity: 'info' }, false],
      ['service=shop-api', { service: 'shop-api' }, false],
      ['service=orders_api', { service: 'orders_api' }, false],
      ['project=shop', { project: 'shop' }, false],
      ['project=%3Aglobal', {}, true],
      ['project=%3Aglobal&severity=error', { severity: 'error' }, true],
      ['owner=shop-team', { owner: 'shop-team' }, false],
      ['owner=%40platform-team', { owner: '@platform-team' }, false],
      ['owner=', { owner: '' }, false],
      [
        'file=projects%2Fshop%2Fservices.toml',
        { file: 'projects/shop/services.toml' },
        false,
      ],
      ['file=', { file: '' }, false],
    ];
    for (const [query, filters, global] of findingFilters) {
      const expected = actual.buildFindingsResponse(snapshot, filters);
      if (global) {
        expected.items = expected.items.filter(f =>
          actual.isFindingOfProject(
            snapshot.registry,
            f,
            actual.GLOBAL_PROJECT_ID,
          ),
        );
      }
      const res = await get(server, `/findings?${query}`);
      expect([query, res.body]).toEqual([
        query,
        JSON.parse(JSON.stringify(actual.hideSecretValues(expected))),
      ]);
    }
    // what the comparisons above stand on
    const all = (await get(server, '/findings')).body.items;
    expect([...new Set(all.map((f: any) => f.severity))]).toEqual([
      'error',
      'warning',
      'info',
    ]);
    expect(all.some((f: any) => f.owner === 'platform-team')).toBe(true);
    expect(all.some((f: any) => f.url)).toBe(true);

    for (const fill of [false, true]) {
      const documents = actual.hideSecretValues(
        actual.toOpenSlo(snapshot.registry, { fillFromTierPolicy: fill }),
      );
      const yaml = await get(
        server,
        fill ? '/openslo?fillFromTierPolicy=true' : '/openslo',
      );
      expect(yaml.headers['content-type']).toBe(
        'application/yaml; charset=utf-8',
      );
      expect(yaml.text).toBe(actual.sloDocumentsToYaml(documents));
      const json = await get(
        server,
        `/openslo?format=json${fill ? '&fillFromTierPolicy=true' : ''}`,
      );
      expect(json.headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
      expect(json.body).toEqual(JSON.parse(JSON.stringify(documents)));
    }
    for (const path of ['/findings', '/sla']) {
      expect((await get(server, path)).headers['content-type']).toBe(
        'application/json; charset=utf-8',
      );
    }
  });
});
