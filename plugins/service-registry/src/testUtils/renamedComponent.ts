import { Entity } from '@backstage/catalog-model';

/**
 * The Component of the registry service `shop-api` as an entity transformer of the catalog
 * provider renamed it (`acme-shop-api`): its `service-registry.io/service-id` annotation keeps the
 * registry id, which the cards must ask the backend for.
 *
 * @param annotations - more annotations (they may override the registry id's)
 */
export function renamedComponent(
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'acme-shop-api',
      annotations: {
        'service-registry.io/registry-id': 'default',
        'service-registry.io/service-id': 'shop-api',
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}
