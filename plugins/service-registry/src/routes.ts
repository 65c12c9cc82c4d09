import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The root of the plugin's pages: the portal-wide topology.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'service-registry',
});
