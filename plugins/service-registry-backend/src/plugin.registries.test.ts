import request from 'supertest';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { InMemoryServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

function publish(
  snapshots: InMemoryServiceRegistrySnapshotService,
  providerId: string,
) {
  snapshots.publish({
    providerId,
    registry: loadRegistry([
      {
        path: 'services/catalog.toml',
        text: `[service.${providerId}-api]\nversion = "1.0.0"\n`,
      },
    ]),
    findings: [],
    state: 'ok',
    summary: 'test',
    updatedAt: '2026-11-22T00:00:00.000Z',
    rootLocation: 'file:/registry',
  });
}

const api = '/api/service-registry';
const ENDPOINTS = [
  '/graph',
  '/impact/x-api',
  '/findings',
  '/services/x-api',
  '/services/x-api/summary',
  '/projects/shop/summary',
  '/deprecations',
  '/deprecations/x-api',
  '/deprecations/x-api/history',
  '/services/x-api/deprecated-dependencies',
  '/sla',
  '/sla/x-api',
  '/openslo',
];
const withRegistry = (path: string, registry: string) =>
  `${api}${path}${path.includes('?') ? '&' : '?'}registry=${registry}`;

describe('service-registry backend: which registry answers', () => {
  const config = {
    catalog: {
      providers: {
        serviceRegistry: {
          prod: { target: '/registries/prod' },
          staging: { target: '/registries/staging' },
        },
      },
    },
  };

  it('answers 503 for a configured registry not ingested yet, on every endpoint', async () => {
    const snapshots = new InMemoryServiceRegistrySnapshotService();
    publish(snapshots, 'prod');
    const { server } = await startRegistryBackend(snapshots, { config });
    for (const path of ENDPOINTS) {
      const res = await request(server).get(withRegistry(path, 'staging'));
      expect([path, res.status]).toEqual([path, 503]);
      expect(res.body.error.message).toBe(
        'registry "staging" has not been ingested yet since this backend started: try again in a minute, and see the catalog\'s logs if it lasts',
      );
    }
  });

  it('answers 404 naming an unknown registry and the ones there are, on every endpoint', async () => {
    const snapshots = new InMemoryServiceRegistrySnapshotService();
    publish(snapshots, 'prod');
    const { server } = await startRegistryBackend(snapshots, { config });
    for (const path of ENDPOINTS) {
      const res = await request(server).get(withRegistry(path, 'nope'));
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body.error.message).toBe(
        'no registry "nope": give registry= one of prod, staging (catalog.providers.serviceRegistry)',
      );
    }
  });

  it('names the registry it answered from in every JSON answer but the OpenSLO documents', async () => {
    const snapshots = new InMemoryServiceRegistrySnapshotService();
    publish(snapshots, 'prod');
    snapshots.publish({
      ...snapshots.get('prod')!,
      providerId: 'staging',
      registry: loadRegistry([
        {
          path: 'services/catalog.toml',
          text: '[service.x-api]\nversion = "1.0.0"\nstatus = "deprecated"\ndeprecation_date = 2026-06-01\nsunset_date = 2027-06-01\n',
        },
        {
          path: 'projects/shop/services.toml',
          text: '[project]\nname = "Shop"\n[service.shop-web]\nversion = "1.0.0"\nrequires = ["x-api"]\n',
        },
      ]),
    });
    const { server } = await startRegistryBackend(snapshots, { config });
    for (const path of ENDPOINTS.filter(p => p !== '/openslo')) {
      const res = await request(server).get(withRegistry(path, 'staging'));
      expect([path, res.status, res.body.registry]).toEqual([
        path,
        200,
        'staging',
      ]);
    }
  });

  it('without `registry`, answers from `default`, else from the only registry, else asks which', async () => {
    const single = new InMemoryServiceRegistrySnapshotService();
    publish(single, 'main');
    const one = await startRegistryBackend(single, {
      config: {
        catalog: {
          providers: { serviceRegistry: { main: { target: '/r' } } },
        },
      },
    });
    const graph = await request(one.server).get(`${api}/graph`);
    expect(graph.status).toBe(200);
    expect(graph.body.registry).toBe('main');

    const several = new InMemoryServiceRegistrySnapshotService();
    publish(several, 'prod');
    publish(several, 'staging');
    const two = await startRegistryBackend(several, { config });
    const ambiguous = await request(two.server).get(`${api}/graph`);
    expect(ambiguous.status).toBe(404);
    expect(ambiguous.body.error.message).toBe(
      'no registry "default": give registry= one of prod, staging (catalog.providers.serviceRegistry)',
    );

    const withDefault = new InMemoryServiceRegistrySnapshotService();
    publish(withDefault, 'default');
    const single2 = await startRegistryBackend(withDefault, {
      config: {
        catalog: { providers: { serviceRegistry: { target: '/r' } } },
      },
    });
    const res = await request(single2.server).get(`${api}/findings`);
    expect(res.body.registry).toBe('default');
  });
});
