import { createPlugin } from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/**
 * The service-registry frontend plugin: topology, SLA, deprecation and findings views.
 *
 * @public
 */
export const serviceRegistryPlugin = createPlugin({
  id: 'service-registry',
  routes: {
    root: rootRouteRef,
  },
});
