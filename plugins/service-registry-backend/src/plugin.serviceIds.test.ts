import request from 'supertest';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

/*
 * The loader keeps a service whose id breaks the registry's id rule (with a `schema/invalid-id`
 * error) and the catalog provider emits it when the catalog accepts the name: its entity page asks
 * the API for it by that id.
 */
const FILES = [
  {
    path: 'services/catalog.toml',
    text: `[service.orders_api]
owner = "orders-team"
version = "1.0.0"
status = "ga"
tier = "high"
[service.orders_api.sla]
availability = 99.9

[service."Upper.Dot"]
owner = "orders-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2027-06-01"
replacement_service = "orders_api"

[service.shop-web]
owner = "shop-team"
version = "1.0.0"
status = "ga"
`,
  },
];

const api = '/api/service-registry';

describe('service-registry backend: service ids the registry holds', () => {
  it('answers for a service whose id breaks the id rule, as for any other', async () => {
    const { server } = await startRegistryBackend(publishedFiles(FILES));

    const summary = await request(server).get(
      `${api}/services/orders_api/summary`,
    );
    expect(summary.status).toBe(200);
    expect(summary.body.service).toMatchObject({ id: 'orders_api' });
    expect(summary.body.findings.errors).toBeGreaterThan(0);

    const service = await request(server).get(`${api}/services/orders_api`);
    expect(service.status).toBe(200);
    expect(service.body.service).toMatchObject({ id: 'orders_api' });
    // the finding that says how to fix the id reaches the service's page
    expect(service.body.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'schema/invalid-id',
          service: 'orders_api',
        }),
      ]),
    );

    const sla = await request(server).get(`${api}/sla/orders_api`);
    expect(sla.status).toBe(200);
    expect(sla.body.evaluation).toMatchObject({ service: 'orders_api' });

    const findings = await request(server).get(
      `${api}/findings?service=orders_api`,
    );
    expect(findings.status).toBe(200);
    expect(findings.body.items.map((f: any) => f.code)).toContain(
      'schema/invalid-id',
    );
    expect(
      findings.body.items.every((f: any) => f.service === 'orders_api'),
    ).toBe(true);

    const openSlo = await request(server).get(
      `${api}/openslo?format=json&service=orders_api`,
    );
    expect(openSlo.status).toBe(200);
    expect(openSlo.body.map((d: any) => d.spec.service)).toEqual([
      'orders_api',
    ]);

    for (const path of [
      '/impact/orders_api',
      '/services/orders_api/deprecated-dependencies',
      '/services/Upper.Dot/summary',
      '/sla/Upper.Dot',
      '/deprecations/Upper.Dot',
      '/deprecations/Upper.Dot/history',
    ]) {
      const res = await request(server).get(`${api}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
    }
  });

  it('answers 404 naming the registry for an id the registry does not hold, whatever its form', async () => {
    const { server } = await startRegistryBackend(publishedFiles(FILES));
    const missing = await request(server).get(
      `${api}/services/nowhere_api/summary`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
    expect(missing.body.error.message).toContain(
      'no service "nowhere_api" in registry "default"',
    );
    for (const path of [
      // ids are matched as written: case and punctuation count
      '/services/Orders_API',
      '/services/orders-api/summary',
      '/sla/ORDERS_API',
      '/impact/nowhere_api',
      '/deprecations/nowhere_api',
      '/deprecations/nowhere_api/history',
      '/services/nowhere_api/deprecated-dependencies',
      '/openslo?service=nowhere_api',
      // a registry may hold any text as an id: nothing here is read as a path
      '/services/Bad%20Id',
      '/services/..%2F..%2Fetc/summary',
      '/sla/a%00b',
    ]) {
      const res = await request(server).get(`${api}${path}`);
      expect([path, res.status]).toEqual([path, 404]);
    }
    // an unknown service filters findings down to none, as before
    const findings = await request(server).get(
      `${api}/findings?service=nowhere_api`,
    );
    expect(findings.status).toBe(200);
    expect(findings.body.items).toEqual([]);
    // an empty or repeated service parameter is still refused
    for (const path of [
      '/findings?service=',
      '/openslo?service=',
      '/findings?service=a&service=b',
    ]) {
      const res = await request(server).get(`${api}${path}`);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.message).toMatch(/^service: /);
    }
  });
});
