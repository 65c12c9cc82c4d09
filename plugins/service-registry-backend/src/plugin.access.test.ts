import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { routerRoutes } from '@service-registry/test-support';
import { resolve as resolvePath } from 'node:path';
import { pendingChangesRepository } from './__testUtils__/pendingChangesRepository';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';
import { createRouter } from './service/createRouter';

/*
 * Every route of the router, as it is (a route added later is checked too): who may call it, and
 * that a caller who may not learns nothing from the answer, not even whether what was asked for
 * exists or whether the parameters are valid.
 */

const FILES = [
  {
    path: 'services/catalog.toml',
    text: `[service.auth]
owner = "@platform-team"
version = "1.2.3"
status = "ga"

[service.old-api]
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2026-06-01"
replacement_service = "auth"
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

const api = '/api/service-registry';

/** The routes of the router, e.g. `GET /services/:service/summary`. */
async function routes(): Promise<string[]> {
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    discovery: mockServices.discovery(),
    snapshots: publishedFiles(FILES),
    logger: mockServices.logger.mock(),
    history: {} as any,
  });
  return routerRoutes(router);
}

/** The route's path with its parameters filled, and a query. */
function urlOf(route: string, value: string, query = ''): string {
  const path = route
    .replace(/^GET /, '')
    .replace(/:[A-Za-z]+/g, encodeURIComponent(value));
  return `${api}${path}${query}`;
}

describe('service-registry backend: who may call it', () => {
  it('refuses every route without credentials (401) and when the read permission is denied (403)', async () => {
    const all = await routes();
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter(r => !r.startsWith('GET '))).toEqual([]);
    const snapshots = publishedFiles(FILES);
    const anonymous = await startRegistryBackend(snapshots, {
      anonymous: true,
    });
    const denied = await startRegistryBackend(snapshots, { deny: true });
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of all) {
      // a service that exists, one that does not, a bad parameter and an unknown registry: the
      // denied caller cannot tell them apart
      for (const [value, query] of [
        ['old-api', ''],
        ['no-such-service', ''],
        ['old-api', '?bogus=1'],
        ['old-api', '?registry=no-such-registry'],
      ]) {
        const url = urlOf(route, value, query);
        const anon = await request(anonymous.server).get(url);
        outcomes.push(`anonymous ${url}: ${anon.status}`);
        expected.push(`anonymous ${url}: 401`);
        const res = await request(denied.server).get(url);
        outcomes.push(
          `denied ${url}: ${res.status} ${res.body?.error?.message}`,
        );
        expected.push(
          `denied ${url}: 403 reading the service registry is not allowed`,
        );
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('answers users and backend services the read permission allows', async () => {
    const { server } = await startRegistryBackend(publishedFiles(FILES), {
      anonymous: true,
      config: pendingChangesRepository(
        resolvePath(__dirname, '../../../examples/registry'),
        {},
      ),
    });
    for (const route of await routes()) {
      const url = urlOf(route, route.includes(':project') ? 'shop' : 'old-api');
      for (const header of [
        mockCredentials.user.header(),
        mockCredentials.service.header(),
      ]) {
        const res = await request(server).get(url).set('Authorization', header);
        expect([url, res.status]).toEqual([url, 200]);
      }
    }
  });
});
