import { createBackendPlugin } from '@backstage/backend-plugin-api';

/**
 * The service-registry backend plugin: HTTP API over the last good registry snapshot.
 *
 * @public
 */
export const serviceRegistryPlugin = createBackendPlugin({
  pluginId: 'service-registry',
  register(env) {
    env.registerInit({
      deps: {},
      async init() {},
    });
  },
});
