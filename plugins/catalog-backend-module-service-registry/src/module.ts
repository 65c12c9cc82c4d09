import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Catalog module that ingests TOML service registries as entities.
 *
 * @public
 */
export const catalogModuleServiceRegistryEntityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'service-registry-entity-provider',
  register(reg) {
    reg.registerInit({
      deps: {},
      async init() {},
    });
  },
});
