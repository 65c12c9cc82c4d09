import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  PROJECT_ENTITY_QUERY,
  SERVICE_ENTITY_QUERY,
} from '@service-registry/plugin-service-registry-common';
import {
  CatalogLookupApi,
  lookupRegistryEntityRefs,
} from './lookupRegistryEntityRefs';
import { registryComponent, registrySystem } from '../testUtils/registryEntity';

/** The lookup of services alone: the refs of their Components, by service id. */
async function lookupServiceEntityRefs(
  catalog: CatalogLookupApi,
  serviceIds: readonly string[],
  registry: string | undefined,
  signal: AbortSignal,
) {
  const [refs] = await lookupRegistryEntityRefs(
    catalog,
    [{ query: SERVICE_ENTITY_QUERY, ids: serviceIds }],
    registry,
    signal,
  );
  return refs;
}

const signal = () => new AbortController().signal;

describe('lookupRegistryEntityRefs', () => {
  it("finds services' Components and projects' Systems in the same lookup, a request for each kind", async () => {
    const shopApi = registryComponent('acme-shop-api', {
      serviceId: 'shop-api',
    });
    const catalog = catalogApiMock({
      entities: [
        shopApi,
        registrySystem('shop-system', {
          project: 'shop',
          namespace: 'platform',
        }),
        registrySystem('other-crm', { project: 'crm', registry: 'other' }),
        registrySystem('shared'),
        // the provider annotates a project's Components with the project too
        {
          ...shopApi,
          metadata: {
            ...shopApi.metadata,
            name: 'crm-api',
            annotations: {
              'service-registry.io/registry-id': 'default',
              'service-registry.io/project': 'crm',
            },
          },
        },
      ],
    });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const [services, projects] = await lookupRegistryEntityRefs(
      catalog,
      [
        { query: SERVICE_ENTITY_QUERY, ids: ['shop-api'] },
        { query: PROJECT_ENTITY_QUERY, ids: ['shop', 'crm'] },
      ],
      'default',
      signal(),
    );
    expect(Object.fromEntries(services)).toEqual({
      'shop-api': {
        kind: 'component',
        namespace: 'default',
        name: 'acme-shop-api',
      },
    });
    expect(Object.fromEntries(projects)).toEqual({
      shop: { kind: 'system', namespace: 'platform', name: 'shop-system' },
    });
    expect(getEntities.mock.calls.map(([request]) => request!.filter)).toEqual([
      {
        kind: 'Component',
        'metadata.annotations.service-registry.io/registry-id': 'default',
        'metadata.annotations.service-registry.io/service-id': ['shop-api'],
      },
      {
        kind: 'System',
        'metadata.annotations.service-registry.io/registry-id': 'default',
        'metadata.annotations.service-registry.io/project': ['shop', 'crm'],
      },
    ]);
  });

  it('asks nothing for kinds with no ids', async () => {
    const catalog = catalogApiMock({ entities: [] });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const answers = await lookupRegistryEntityRefs(
      catalog,
      [
        { query: SERVICE_ENTITY_QUERY, ids: [] },
        { query: PROJECT_ENTITY_QUERY, ids: [] },
      ],
      'default',
      signal(),
    );
    expect(answers.map(refs => refs.size)).toEqual([0, 0]);
    expect(getEntities).not.toHaveBeenCalled();
  });
});

describe('lookupRegistryEntityRefs of services', () => {
  it('finds the Component of each service by its service-id annotation, renamed or moved, in one request', async () => {
    const catalog = catalogApiMock({
      entities: [
        registryComponent('acme-shop-api', { serviceId: 'shop-api' }),
        registryComponent('cart', { serviceId: 'cart', namespace: 'shop' }),
        registryComponent('auth', { serviceId: 'auth' }),
        registryComponent('acme-unasked', { serviceId: 'unasked' }),
      ],
    });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const refs = await lookupServiceEntityRefs(
      catalog,
      ['shop-api', 'cart', 'ghost'],
      'default',
      signal(),
    );
    expect(Object.fromEntries(refs)).toEqual({
      'shop-api': {
        kind: 'component',
        namespace: 'default',
        name: 'acme-shop-api',
      },
      cart: { kind: 'component', namespace: 'shop', name: 'cart' },
    });
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities.mock.calls[0][0]).toMatchObject({
      filter: {
        kind: 'Component',
        'metadata.annotations.service-registry.io/registry-id': 'default',
        'metadata.annotations.service-registry.io/service-id': [
          'shop-api',
          'cart',
          'ghost',
        ],
      },
    });
  });

  it('takes only the Components of the registry named, and, with none named, a service id only one Component claims', async () => {
    const catalog = catalogApiMock({
      entities: [
        registryComponent('acme-shop-api', { serviceId: 'shop-api' }),
        registryComponent('other-shop-api', {
          serviceId: 'shop-api',
          registry: 'other',
        }),
        registryComponent('acme-cart', {
          serviceId: 'cart',
          registry: 'other',
        }),
      ],
    });
    const inDefault = await lookupServiceEntityRefs(
      catalog,
      ['shop-api', 'cart'],
      'default',
      signal(),
    );
    expect(Object.fromEntries(inDefault)).toEqual({
      'shop-api': {
        kind: 'component',
        namespace: 'default',
        name: 'acme-shop-api',
      },
    });
    const unnamed = await lookupServiceEntityRefs(
      catalog,
      ['shop-api', 'cart'],
      undefined,
      signal(),
    );
    expect(Object.fromEntries(unnamed)).toEqual({
      cart: { kind: 'component', namespace: 'default', name: 'acme-cart' },
    });
  });

  it('splits many ids into a few requests that each keep their URL short', async () => {
    const ids = Array.from({ length: 200 }, (_, k) => `service-number-${k}`);
    const catalog = catalogApiMock({
      entities: ids.map(id =>
        registryComponent(`acme-${id}`, { serviceId: id }),
      ),
    });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const refs = await lookupServiceEntityRefs(
      catalog,
      ids,
      'default',
      signal(),
    );
    expect(refs.size).toBe(200);
    expect(refs.get('service-number-199')?.name).toBe(
      'acme-service-number-199',
    );
    expect(getEntities.mock.calls.length).toBeGreaterThan(1);
    expect(getEntities.mock.calls.length).toBeLessThanOrEqual(6);
    for (const [request] of getEntities.mock.calls) {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(request!.filter as object)) {
        for (const v of [value].flat()) query.append('filter', `${key}=${v}`);
      }
      expect(query.toString().length).toBeLessThan(6000);
    }
  });

  it('asks nothing for no ids, and stops when aborted', async () => {
    const catalog = catalogApiMock({ entities: [] });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    expect(
      (await lookupServiceEntityRefs(catalog, [], 'default', signal())).size,
    ).toBe(0);
    expect(getEntities).not.toHaveBeenCalled();
    const controller = new AbortController();
    controller.abort();
    await expect(
      lookupServiceEntityRefs(catalog, ['a'], 'default', controller.signal),
    ).rejects.toThrow(/abort/i);
    expect(getEntities).not.toHaveBeenCalled();
  });
});
