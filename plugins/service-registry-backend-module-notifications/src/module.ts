import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { serviceRegistrySnapshotServiceRef } from '@service-registry/plugin-service-registry-node';
import { createConsumerNotifier } from './service/createConsumerNotifier';

/**
 * Service-registry backend module that tells the owners of consuming services, through
 * Backstage notifications, when a service they depend on is deprecated, nears or passes its
 * sunset, is retired, or changes in a breaking way; lets users with
 * `service-registry.deprecation.remind` remind them by hand. Needs the notifications backend
 * plugin.
 *
 * @public
 */
export const serviceRegistryModuleNotifications = createBackendModule({
  pluginId: 'service-registry',
  moduleId: 'notifications',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        snapshots: serviceRegistrySnapshotServiceRef,
        notifications: notificationService,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
      },
      async init(deps) {
        await createConsumerNotifier(deps);
      },
    });
  },
});
