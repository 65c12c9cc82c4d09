import request from 'supertest';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

/** Credentials written where the API quotes the registry: names, guides, SLA texts, the root. */
const FILES = [
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
[service.old-api.migration]
guide_url = "https://wiki:s3cretpass@wiki.example.com/old-api"
`,
  },
  {
    path: 'policies/sla.toml',
    text: `[sla.high]
availability = "99.9%"
`,
  },
  {
    path: 'projects/shop/services.toml',
    text: `[project]
name = "Shop"
[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
[service.shop-api.dependencies]
requires = ["old-api"]
`,
  },
];

const SECRETS = ['s3cretpass', 'hunter2pass', 'ghp_abcdefghij'];

describe('service-registry backend: credentials written in the registry', () => {
  it('are never served, by any endpoint', async () => {
    const snapshots = publishedFiles(FILES, {
      rootLocation:
        'url:https://x-access-token:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/registry/tree/main/',
    });
    const { server } = await startRegistryBackend(snapshots);
    const paths = [
      '/registries',
      '/graph',
      '/impact/old-api',
      '/findings',
      '/services/old-api',
      '/services/old-api/summary',
      '/projects/shop/summary',
      '/projects/%3Aglobal/summary',
      '/deprecations',
      '/deprecations/old-api',
      '/deprecations/old-api/history',
      '/services/shop-api/deprecated-dependencies',
      '/sla',
      '/sla/auth',
      '/openslo',
      '/openslo?format=json',
    ];
    for (const path of paths) {
      const res = await request(server)
        .get(`/api/service-registry${path}`)
        .set('Accept-Encoding', 'identity');
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, SECRETS.filter(s => res.text.includes(s))]).toEqual([
        path,
        [],
      ]);
    }
    // what is not a credential is still there
    const deprecations = await request(server).get(
      '/api/service-registry/deprecations',
    );
    expect(deprecations.body.items[0]).toMatchObject({
      service: 'old-api',
      replacement: { id: 'auth' },
    });
  });
});
