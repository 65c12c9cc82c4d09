import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { serviceRegistryApiRef } from '../api/ServiceRegistryApi';
import { ServiceRegistryClient } from '../api/ServiceRegistryClient';

/**
 * The `ServiceRegistryApi` of the new frontend system: the client of the service-registry
 * backend, through the app's discovery and fetch APIs (so that requests carry the user's token).
 *
 * @alpha
 */
export const serviceRegistryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: serviceRegistryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ServiceRegistryClient({ discoveryApi, fetchApi }),
    }),
});
