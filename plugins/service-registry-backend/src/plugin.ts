import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { serviceRegistryPermissions } from '@service-registry/plugin-service-registry-common';
import {
  configuredRegistryIds,
  serviceRegistrySnapshotServiceRef,
} from '@service-registry/plugin-service-registry-node';
import { DeprecationHistoryStore } from './database/DeprecationHistoryStore';
import { createRouter } from './service/createRouter';
import { pendingChangesFromConfig } from './service/pendingChangesFromConfig';
import { DeprecationHistoryRecorder } from './service/DeprecationHistoryRecorder';

/**
 * The service-registry backend plugin: HTTP API over the last good registry snapshot
 * (graph, impact, findings, service records, deprecations, SLA, OpenSLO), for the portal's UI;
 * records the migration progress of deprecated services at each ingestion in its own database.
 *
 * @public
 */
export const serviceRegistryPlugin = createBackendPlugin({
  pluginId: 'service-registry',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        snapshots: serviceRegistrySnapshotServiceRef,
      },
      async init({
        config,
        httpRouter,
        permissionsRegistry,
        database,
        lifecycle,
        ...deps
      }) {
        permissionsRegistry.addPermissions(serviceRegistryPermissions);
        const history = await DeprecationHistoryStore.create(
          await database.getClient(),
          { skipMigrations: database.migrations?.skip },
        );
        const recorder = new DeprecationHistoryRecorder({
          store: history,
          logger: deps.logger,
        });
        recorder.start(deps.snapshots);
        lifecycle.addShutdownHook(() => recorder.stop());
        httpRouter.use(
          await createRouter({
            ...deps,
            history,
            configuredRegistries: configuredRegistryIds(config),
            pendingChanges: pendingChangesFromConfig(config),
          }),
        );
      },
    });
  },
});
