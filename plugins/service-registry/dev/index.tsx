import { createDevApp } from '@backstage/dev-utils';
import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  serviceRegistryPlugin,
  ServiceRegistryTopologyPage,
} from '../src/plugin';
import { serviceRegistryApiRef } from '../src/api';
import { demoGraph, demoImpactOfAuth } from '../src/testUtils/graphFixture';
import { mockServiceRegistryApi } from '../src/testUtils/mockServiceRegistryApi';

// The catalog's entity page is not part of the dev app: a stub receives the node links.
const stubCatalogPlugin = createPlugin({ id: 'dev-catalog-stub' });
const StubEntityPage = stubCatalogPlugin.provide(
  createRoutableExtension({
    name: 'StubEntityPage',
    component: async () => () => <div>Entity page (stub)</div>,
    mountPoint: entityRouteRef,
  }),
);

createDevApp()
  .registerPlugin(serviceRegistryPlugin)
  .registerApi({
    api: serviceRegistryApiRef,
    deps: {},
    factory: () =>
      mockServiceRegistryApi({
        getGraph: async () => demoGraph(),
        getImpact: async () => demoImpactOfAuth(),
      }),
  })
  .addPage({
    element: <ServiceRegistryTopologyPage />,
    title: 'Topology',
    path: '/service-registry',
  })
  .addPage({
    element: <StubEntityPage />,
    path: '/catalog/:namespace/:kind/:name',
  })
  .render();
