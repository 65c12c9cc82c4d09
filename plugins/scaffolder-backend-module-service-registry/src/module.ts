import { createBackendModule } from '@backstage/backend-plugin-api';

/**
 * Scaffolder module that registers the service-registry actions.
 *
 * @public
 */
export const scaffolderModuleServiceRegistry = createBackendModule({
  moduleId: 'service-registry',
  pluginId: 'scaffolder',
  register({ registerInit }) {
    registerInit({
      deps: {},
      async init() {},
    });
  },
});
