import { Entity } from '@backstage/catalog-model';
import { registryComponent } from '../../testUtils/registryEntity';
import { deprecatedDependencies } from './deprecatedDependencies';

const picked = (entity: Entity | undefined, ref?: string) => ({
  ref: ref ?? `component:default/${entity?.metadata.name}`,
  entity,
});

describe('deprecatedDependencies', () => {
  it('says until when a deprecated service is served and what to depend on instead', () => {
    const v2 = registryComponent('payments-gateway-v2', {
      annotations: {
        'service-registry.io/status': 'deprecated',
        'service-registry.io/sunset-date': '2026-12-10',
        'service-registry.io/replacement': 'payments-gateway-v3',
      },
    });
    expect(deprecatedDependencies([picked(v2)], '2026-12-05')).toEqual([
      {
        ref: 'component:default/payments-gateway-v2',
        id: 'payments-gateway-v2',
        message:
          'payments-gateway-v2 is deprecated: it is served until 2026-12-10. Depend on payments-gateway-v3 instead.',
      },
    ]);
    // the day after its sunset
    expect(deprecatedDependencies([picked(v2)], '2026-12-11')[0].message).toBe(
      'payments-gateway-v2 is deprecated, and its sunset date 2026-12-10 has passed. Depend on payments-gateway-v3 instead.',
    );
  });

  it('names the service by its registry id, and says when no replacement or sunset is named', () => {
    const renamed = registryComponent('acme-old-api', {
      annotations: {
        'service-registry.io/service-id': 'old-api',
        'service-registry.io/status': 'deprecated',
      },
    });
    expect(deprecatedDependencies([picked(renamed)], '2026-12-05')).toEqual([
      {
        ref: 'component:default/acme-old-api',
        id: 'old-api',
        message:
          'old-api is deprecated. Its owners name no replacement: ask them what to depend on instead.',
      },
    ]);
  });

  it('leaves out live services, entities that are no registry service, refs the catalog lacks and repeats', () => {
    const live = registryComponent('shared-auth', {
      annotations: {
        'service-registry.io/status': 'ga',
      },
    });
    const other = registryComponent('website', { annotations: {} });
    const old = registryComponent('legacy-search', {
      annotations: {
        'service-registry.io/status': 'deprecated',
        'service-registry.io/replacement': 'search-service',
      },
    });
    expect(
      deprecatedDependencies(
        [
          picked(live),
          picked(other),
          picked(undefined, 'component:default/gone'),
          picked(old),
          picked(old),
        ],
        '2026-12-05',
      ).map(d => d.id),
    ).toEqual(['legacy-search']);
  });
});
