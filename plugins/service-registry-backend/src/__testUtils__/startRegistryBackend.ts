import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  InMemoryServiceRegistrySnapshotService,
  serviceRegistrySnapshotServiceRef,
} from '@service-registry/plugin-service-registry-node';
import { serviceRegistryPlugin } from '../plugin';

/*
 * Each backend gets its own in-memory SQLite from TestDatabases, which destroys the connections
 * after the test file (the default test database leaves every backend's connection pool, and its
 * reaping timer, open: jest then has to force its worker to exit).
 */
const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

/** Who calls the backend in a test. */
export interface StartRegistryBackendOptions {
  /** The permission framework denies every request. */
  deny?: boolean;
  /** Requests carry no credentials (unless a test sets a header). */
  anonymous?: boolean;
  /** The app config (e.g. the registries configured under `catalog.providers.serviceRegistry`). */
  config?: NonNullable<
    Parameters<typeof mockServices.rootConfig.factory>[0]
  >['data'];
}

/**
 * Starts a real backend with the service-registry plugin reading registry snapshots from the
 * given in-memory snapshot service (what the catalog provider publishes in a portal).
 */
export async function startRegistryBackend(
  snapshots: InMemoryServiceRegistrySnapshotService,
  options: StartRegistryBackendOptions = {},
) {
  const { server } = await startTestBackend({
    features: [
      serviceRegistryPlugin,
      mockServices.database.factory({
        knex: await databases.init('SQLITE_3'),
      }),
      createServiceFactory({
        service: serviceRegistrySnapshotServiceRef,
        deps: {},
        factory: () => snapshots,
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: options.anonymous
          ? mockCredentials.none()
          : mockCredentials.user(),
      }),
      ...(options.config
        ? [mockServices.rootConfig.factory({ data: options.config })]
        : []),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return { server, snapshots };
}
