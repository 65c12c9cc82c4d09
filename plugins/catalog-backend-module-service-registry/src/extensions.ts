import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ServiceRegistryEntityTransformer } from './providers/ServiceRegistryEntityProvider';

/**
 * Lets other backend modules change or filter the entities the service-registry provider emits,
 * e.g. to add annotations, map owners to existing groups, or drop some services.
 *
 * @public
 */
export interface ServiceRegistryEntityProviderExtensionPoint {
  /** Adds a transformer; transformers run in the order they were added. */
  addTransformer(transformer: ServiceRegistryEntityTransformer): void;
}

/**
 * Extension point of `catalogModuleServiceRegistryEntityProvider`.
 *
 * @public
 */
export const serviceRegistryEntityProviderExtensionPoint =
  createExtensionPoint<ServiceRegistryEntityProviderExtensionPoint>({
    id: 'catalog.service-registry-entity-provider',
  });
