import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogScmEventsServiceRef } from '@backstage/plugin-catalog-node/alpha';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import { validateRegistry } from '@service-registry/plugin-service-registry-common';
import { serviceRegistrySnapshotServiceRef } from '@service-registry/plugin-service-registry-node';
import { serviceRegistryEntityProviderExtensionPoint } from './extensions';
import { createServiceRegistryEntityProviders } from './providers/createServiceRegistryEntityProviders';
import { ServiceRegistryEntityTransformer } from './providers/ServiceRegistryEntityProvider';

/**
 * Catalog module that ingests TOML service registries as entities
 * (config: `catalog.providers.serviceRegistry`).
 *
 * @public
 */
export const catalogModuleServiceRegistryEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'service-registry-entity-provider',
  register(reg) {
    const transformers: ServiceRegistryEntityTransformer[] = [];
    reg.registerExtensionPoint(serviceRegistryEntityProviderExtensionPoint, {
      addTransformer(transformer) {
        transformers.push(transformer);
      },
    });
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        reader: coreServices.urlReader,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        snapshots: serviceRegistrySnapshotServiceRef,
        scmEvents: catalogScmEventsServiceRef,
        metrics: metricsServiceRef,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ processing, ...deps }) {
        const providers = await createServiceRegistryEntityProviders({
          ...deps,
          transformers,
          validate: registry => validateRegistry(registry),
        });
        processing.addEntityProvider(providers);
      },
    });
  },
});
