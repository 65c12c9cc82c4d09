import request from 'supertest';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

/*
 * The catalog provider emits no entity for a retired service, nor for one no file declares: the
 * answers that name a service the portal links to its catalog page say its status (and, for the
 * findings, whether it is declared), so that the portal writes such a service as text.
 */
const FILES = [
  {
    path: 'services/catalog.toml',
    text: `[service.auth]
owner = "platform-team"
version = "2.0.0"
status = "ga"

[service.old-auth]
owner = "platform-team"
version = "1.0.0"
status = "retired"
# sunset before its deprecation: a finding about the retired service
deprecation_date = "2025-01-01"
sunset_date = "2024-12-01"
replacement_service = "auth"

[service.legacy-api]
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2027-06-01"
replacement_service = "old-auth"

[service.mailer]
owner = "platform-team"
version = "1.0.0"
status = "ga"
port = 8025

[service.old-mailer]
owner = "platform-team"
version = "1.0.0"
status = "retired"
port = 8026
deprecation_date = "2025-01-01"
sunset_date = "2025-06-01"
replacement_service = "mailer"
`,
  },
  {
    path: 'services/versions.toml',
    text: `[[service.ghost.release]]
version = "1.0.0"
date = "2026-01-01"
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
requires = ["auth", "old-auth"]

[service.shop-legacy]
owner = "shop-team"
version = "1.0.0"
status = "retired"
deprecation_date = "2025-01-01"
sunset_date = "2025-06-01"
replacement_service = "shop-api"

[service.mailer]
port = 9025

[service.old-mailer]
port = 9026
`,
  },
  {
    path: 'projects/billing/services.toml',
    text: `[project]
name = "Billing"

[service.billing-api]
owner = "billing-team"
version = "1.0.0"
status = "ga"
[service.billing-api.dependencies]
requires = ["shop-api", "shop-legacy"]
`,
  },
];

const api = '/api/service-registry';

async function start() {
  return startRegistryBackend(publishedFiles(FILES));
}

describe('service-registry backend: what tells a service without a catalog page', () => {
  it('gives each finding the status of its service and whether a registry file declares it', async () => {
    const { server } = await start();
    const res = await request(server).get(`${api}/findings`);
    expect(res.status).toBe(200);
    const items: any[] = res.body.items;

    const aboutRetired = items.filter(f => f.service === 'old-auth');
    expect(aboutRetired.length).toBeGreaterThan(0);
    for (const f of aboutRetired) {
      expect(f).toMatchObject({
        serviceStatus: 'retired',
        serviceDeclared: true,
      });
    }
    const aboutRunning = items.filter(f => f.service === 'legacy-api');
    expect(aboutRunning.length).toBeGreaterThan(0);
    for (const f of aboutRunning) {
      expect(f).toMatchObject({
        serviceStatus: 'deprecated',
        serviceDeclared: true,
      });
    }
    // services/versions.toml lists releases of a service no file declares
    const aboutGhost = items.filter(f => f.service === 'ghost');
    expect(aboutGhost.map(f => f.code)).toContain('registry/unknown-service');
    for (const f of aboutGhost) {
      expect(f.serviceDeclared).toBe(false);
      expect(f).not.toHaveProperty('serviceStatus');
    }
    // a finding about no service says nothing of one
    for (const f of items.filter(i => i.service === undefined)) {
      expect(f).not.toHaveProperty('serviceDeclared');
      expect(f).not.toHaveProperty('serviceStatus');
    }

    // the filtered answers carry them too
    const filtered = await request(server).get(
      `${api}/findings?service=old-auth`,
    );
    expect(filtered.body.items.length).toBe(aboutRetired.length);
    for (const f of filtered.body.items) {
      expect(f).toMatchObject({
        serviceStatus: 'retired',
        serviceDeclared: true,
      });
    }
    const ofGlobals = await request(server).get(
      `${api}/findings?project=%3Aglobal&severity=${aboutRetired[0].severity}`,
    );
    expect(
      ofGlobals.body.items.find((f: any) => f.service === 'old-auth'),
    ).toMatchObject({ serviceStatus: 'retired', serviceDeclared: true });
  });

  it("gives the replacement's status in the service summary", async () => {
    const { server } = await start();
    const retired = await request(server).get(
      `${api}/services/legacy-api/summary`,
    );
    expect(retired.status).toBe(200);
    expect(retired.body.service).toMatchObject({
      replacementService: 'old-auth',
      replacementDeclared: true,
      replacementStatus: 'retired',
    });
    const running = await request(server).get(
      `${api}/services/old-auth/summary`,
    );
    expect(running.body.service).toMatchObject({
      replacementService: 'auth',
      replacementDeclared: true,
      replacementStatus: 'ga',
    });
    // no replacement, no status of one
    const none = await request(server).get(`${api}/services/auth/summary`);
    expect(none.body.service).not.toHaveProperty('replacementStatus');
  });

  it('gives the status of each service the project summary lists under its dependencies, consumers and overrides', async () => {
    const { server } = await start();
    const shop = await request(server).get(`${api}/projects/shop/summary`);
    expect(shop.status).toBe(200);
    // Depends on: the global services shop-api requires, the retired one included
    expect(shop.body.dependencies).toEqual([
      expect.objectContaining({
        project: null,
        services: [
          {
            service: 'auth',
            status: 'ga',
            requiredBy: ['shop-api'],
            optionalFor: [],
          },
          {
            service: 'old-auth',
            status: 'retired',
            requiredBy: ['shop-api'],
            optionalFor: [],
          },
        ],
      }),
    ]);
    // Used by: billing-api uses shop-api and the retired shop-legacy
    expect(shop.body.consumers).toEqual([
      expect.objectContaining({
        project: 'billing',
        services: [
          {
            service: 'shop-api',
            status: 'ga',
            requiredBy: ['billing-api'],
            optionalFor: [],
          },
          {
            service: 'shop-legacy',
            status: 'retired',
            requiredBy: ['billing-api'],
            optionalFor: [],
          },
        ],
      }),
    ]);
    // Overrides: the status of the global service, which the catalog follows
    expect(
      shop.body.overrides.map((o: any) => [o.id, o.status, o.fields]),
    ).toEqual([
      ['mailer', 'ga', ['port']],
      ['old-mailer', 'retired', ['port']],
    ]);
  });
});
