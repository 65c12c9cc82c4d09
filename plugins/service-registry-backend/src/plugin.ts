import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { serviceRegistryPermissions } from '@service-registry/plugin-service-registry-common';
import { serviceRegistrySnapshotServiceRef } from '@service-registry/plugin-service-registry-node';
import { createRouter } from './service/createRouter';

/**
 * The service-registry backend plugin: HTTP API over the last good registry snapshot
 * (graph, impact, findings, service records), for the portal's UI.
 *
 * @public
 */
export const serviceRegistryPlugin = createBackendPlugin({
  pluginId: 'service-registry',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        logger: coreServices.logger,
        snapshots: serviceRegistrySnapshotServiceRef,
      },
      async init({ httpRouter, permissionsRegistry, ...deps }) {
        permissionsRegistry.addPermissions(serviceRegistryPermissions);
        httpRouter.use(await createRouter(deps));
      },
    });
  },
});
