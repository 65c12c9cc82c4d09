import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createServiceRegistryActions } from './actions';

/**
 * Scaffolder module that registers the service-registry actions: `service-registry:registry:fetch`,
 * `service-registry:service:add`, `service-registry:service:deprecate`,
 * `service-registry:service:update`, `service-registry:validate`,
 * `service-registry:publish:branch` and `service-registry:resolve-reviewers`.
 *
 * @public
 */
export const scaffolderModuleServiceRegistry = createBackendModule({
  moduleId: 'service-registry',
  pluginId: 'scaffolder',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        reader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, config, reader, catalog }) {
        scaffolder.addActions(
          ...createServiceRegistryActions({ config, reader, catalog }),
        );
      },
    });
  },
});
