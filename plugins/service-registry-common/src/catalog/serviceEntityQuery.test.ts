import {
  PROJECT_ENTITY_QUERY,
  SERVICE_ENTITY_QUERY,
  projectEntityRefOf,
  registryEntityBatches,
  registryEntityFilter,
  registryIdClaimedBy,
  serviceEntityBatches,
  serviceEntityFilter,
  serviceEntityRefOf,
  serviceIdClaimedBy,
  serviceIdOfEntityRef,
} from './serviceEntityQuery';

const SERVICE_ID_KEY = 'metadata.annotations.service-registry.io/service-id';
const PROJECT_KEY = 'metadata.annotations.service-registry.io/project';
const REGISTRY_ID_KEY = 'metadata.annotations.service-registry.io/registry-id';

/** The `filter` query parameter the catalog client sends for a filter, percent-encoded. */
function filterParameter(filter: Record<string, string | string[]>): string {
  const parts = Object.entries(filter).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map(v => `${key}=${v}`),
  );
  return encodeURIComponent(parts.join(','));
}

describe('serviceEntityBatches', () => {
  it("asks each id once, in as few requests as the filter's length allows", () => {
    const ids = Array.from({ length: 250 }, (_, i) => `svc-${i}`);
    const batches = serviceEntityBatches([...ids, 'svc-0', 'svc-1']);
    expect(batches.flat()).toEqual(ids);
    // each request is as full as its filter's 4,000 characters allow: the next id would not fit
    const serviceIdPart = (batch: string[]) =>
      filterParameter({ [SERVICE_ID_KEY]: batch }).length;
    expect(batches.map(serviceIdPart).filter(n => n > 4000)).toEqual([]);
    const fitsTheNextId = batches
      .slice(0, -1)
      .filter(
        (batch, i) => serviceIdPart([...batch, batches[i + 1][0]]) <= 4000,
      );
    expect(fitsTheNextId).toEqual([]);
    expect(batches.length).toBe(5);
  });

  it('keeps the filter a request sends under 4,000 characters, percent-encoded', () => {
    // 63-character ids: fewer than 100 fit in a request's filter
    const ids = Array.from(
      { length: 120 },
      (_, i) => `${'x'.repeat(59)}${String(i).padStart(4, '0')}`,
    );
    const batches = serviceEntityBatches(ids);
    expect(batches.length).toBeGreaterThan(2);
    for (const batch of batches) {
      const filter = serviceEntityFilter(batch);
      const serviceIdPart = filterParameter({
        [SERVICE_ID_KEY]: filter[SERVICE_ID_KEY],
      });
      expect(serviceIdPart.length).toBeLessThanOrEqual(4000);
    }
    expect(batches.flat()).toEqual(ids);
  });

  it('makes no batch of no ids', () => {
    expect(serviceEntityBatches([])).toEqual([]);
  });
});

describe('registryEntityBatches', () => {
  it("sizes the batches of project ids by the project annotation's key, and gives the service ids the batches of serviceEntityBatches", () => {
    const ids = Array.from({ length: 250 }, (_, i) => `project-${i}`);
    const batches = registryEntityBatches(PROJECT_ENTITY_QUERY, ids);
    expect(batches.flat()).toEqual(ids);
    const projectPart = (batch: string[]) =>
      filterParameter({ [PROJECT_KEY]: batch }).length;
    expect(batches.map(projectPart).filter(n => n > 4000)).toEqual([]);
    // each as full as the project key allows (sized by the longer service-id key, they would not be)
    const fitsTheNextId = batches
      .slice(0, -1)
      .filter((batch, i) => projectPart([...batch, batches[i + 1][0]]) <= 4000);
    expect(fitsTheNextId).toEqual([]);
    expect(registryEntityBatches(SERVICE_ENTITY_QUERY, ids)).toEqual(
      serviceEntityBatches(ids),
    );
  });
});

describe('serviceEntityFilter', () => {
  it('asks for the Components annotated with the ids, of the registry when one is named', () => {
    expect(serviceEntityFilter(['shop-api', 'cart'], 'default')).toEqual({
      kind: 'Component',
      [REGISTRY_ID_KEY]: 'default',
      [SERVICE_ID_KEY]: ['shop-api', 'cart'],
    });
    expect(serviceEntityFilter(['shop-api'])).toEqual({
      kind: 'Component',
      [SERVICE_ID_KEY]: ['shop-api'],
    });
  });
});

describe('registryEntityFilter', () => {
  it('asks for the Systems annotated with the project ids, of the registry when one is named', () => {
    expect(
      registryEntityFilter(PROJECT_ENTITY_QUERY, ['shop', 'crm'], 'default'),
    ).toEqual({
      kind: 'System',
      [REGISTRY_ID_KEY]: 'default',
      [PROJECT_KEY]: ['shop', 'crm'],
    });
    expect(registryEntityFilter(PROJECT_ENTITY_QUERY, ['shop'])).toEqual({
      kind: 'System',
      [PROJECT_KEY]: ['shop'],
    });
  });
});

describe('registryIdClaimedBy', () => {
  const asked = new Set(['shop']);

  it("is the project of a System annotated with one of the ids asked, of the registry named, and nothing for the project's Components", () => {
    const annotations = {
      'service-registry.io/project': 'shop',
      'service-registry.io/registry-id': 'default',
    };
    const renamedSystem = {
      kind: 'System',
      metadata: { name: 'shop-system', namespace: 'platform', annotations },
    };
    expect(
      registryIdClaimedBy(
        PROJECT_ENTITY_QUERY,
        renamedSystem,
        asked,
        'default',
      ),
    ).toBe('shop');
    expect(
      registryIdClaimedBy(
        PROJECT_ENTITY_QUERY,
        { ...renamedSystem, kind: 'system' },
        asked,
      ),
    ).toBe('shop');
    expect(
      registryIdClaimedBy(PROJECT_ENTITY_QUERY, renamedSystem, asked, 'other'),
    ).toBeUndefined();
    // the provider annotates a project's Components with the project too
    expect(
      registryIdClaimedBy(
        PROJECT_ENTITY_QUERY,
        { kind: 'Component', metadata: { annotations } },
        asked,
        'default',
      ),
    ).toBeUndefined();
  });
});

describe('serviceIdClaimedBy', () => {
  const entity = (annotations?: Record<string, string>) => ({
    metadata: { annotations },
  });
  const asked = new Set(['shop-api', 'cart']);

  it('is the service id of an entity claiming one of the ids asked, of the registry named', () => {
    const shopApi = entity({
      'service-registry.io/service-id': 'shop-api',
      'service-registry.io/registry-id': 'default',
    });
    expect(serviceIdClaimedBy(shopApi, asked, 'default')).toBe('shop-api');
    expect(serviceIdClaimedBy(shopApi, asked)).toBe('shop-api');
    expect(serviceIdClaimedBy(shopApi, asked, 'other')).toBeUndefined();
  });

  it('takes the annotations as written, as the catalog filter does not', () => {
    expect(
      serviceIdClaimedBy(
        entity({
          'service-registry.io/service-id': 'Shop-API',
          'service-registry.io/registry-id': 'default',
        }),
        asked,
        'default',
      ),
    ).toBeUndefined();
    expect(
      serviceIdClaimedBy(
        entity({
          'service-registry.io/service-id': 'cart',
          'service-registry.io/registry-id': 'Default',
        }),
        asked,
        'default',
      ),
    ).toBeUndefined();
  });

  it('is undefined for an entity without the annotation, claiming an id not asked, or of another kind', () => {
    expect(serviceIdClaimedBy(entity(), asked)).toBeUndefined();
    expect(
      serviceIdClaimedBy(
        {
          kind: 'System',
          metadata: {
            annotations: { 'service-registry.io/service-id': 'cart' },
          },
        },
        asked,
      ),
    ).toBeUndefined();
    expect(
      serviceIdClaimedBy(
        entity({ 'service-registry.io/service-id': 'auth' }),
        asked,
      ),
    ).toBeUndefined();
  });
});

describe('serviceEntityRefOf and serviceIdOfEntityRef', () => {
  it("name a service's Component as the catalog provider does, and read the id back", () => {
    expect(serviceEntityRefOf('shop-api')).toBe('component:default/shop-api');
    expect(serviceIdOfEntityRef(serviceEntityRefOf('shop-api'))).toBe(
      'shop-api',
    );
  });

  it("name a project's System as the catalog provider does", () => {
    expect(projectEntityRefOf('shop')).toBe('system:default/shop');
  });

  it('read no id from the ref of a System, a Group or a Component in another namespace', () => {
    expect(serviceIdOfEntityRef('system:default/shop')).toBeUndefined();
    expect(serviceIdOfEntityRef('group:default/team-shop')).toBeUndefined();
    expect(serviceIdOfEntityRef('component:payments/shop-api')).toBeUndefined();
  });
});
