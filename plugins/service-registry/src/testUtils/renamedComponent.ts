import { Entity } from '@backstage/catalog-model';
import { registryComponent } from './registryEntity';

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
  return registryComponent('acme-shop-api', {
    serviceId: 'shop-api',
    annotations,
  });
}
