import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  InMemoryServiceRegistrySnapshotService,
  serviceRegistrySnapshotServiceRef,
} from '@service-registry/plugin-service-registry-node';
import { serviceRegistryPlugin } from '../plugin';

/** Who calls the backend in a test. */
export interface StartRegistryBackendOptions {
  /** The permission framework denies every request. */
  deny?: boolean;
  /** Requests carry no credentials (unless a test sets a header). */
  anonymous?: boolean;
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
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return { server, snapshots };
}
