import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { serviceRegistryApiRef } from './api/ServiceRegistryApi';
import { ServiceRegistryClient } from './api/ServiceRegistryClient';
import { rootRouteRef } from './routes';

/**
 * The service-registry frontend plugin: topology, SLA, deprecation and findings views.
 *
 * @public
 */
export const serviceRegistryPlugin = createPlugin({
  id: 'service-registry',
  apis: [
    createApiFactory({
      api: serviceRegistryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ServiceRegistryClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The portal-wide dependency map of the registry (mount it at `/service-registry`).
 *
 * @public
 */
export const ServiceRegistryTopologyPage = serviceRegistryPlugin.provide(
  createRoutableExtension({
    name: 'ServiceRegistryTopologyPage',
    component: () =>
      import('./components/ServiceRegistryTopologyPage').then(
        m => m.ServiceRegistryTopologyPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Entity card: upstream and downstream dependencies of the current service.
 *
 * @public
 */
export const EntityServiceTopologyCard = serviceRegistryPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceTopologyCard',
    component: {
      lazy: () =>
        import('./components/EntityServiceTopologyCard').then(
          m => m.EntityServiceTopologyCard,
        ),
    },
  }),
);
