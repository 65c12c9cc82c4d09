import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The root of the plugin's pages: the portal-wide topology.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'service-registry',
});

/**
 * The deprecations page: every deprecated service with its migration.
 *
 * @public
 */
export const deprecationsRouteRef = createRouteRef({
  id: 'service-registry:deprecations',
});

/**
 * The SLA overview page: every service's declared SLA against its tier policy.
 *
 * @public
 */
export const slaRouteRef = createRouteRef({
  id: 'service-registry:sla',
});

/**
 * The findings page: every validation finding of the registry.
 *
 * @public
 */
export const findingsRouteRef = createRouteRef({
  id: 'service-registry:findings',
});
