import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

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

/**
 * The pending changes page: the registry's branches not merged yet, with what they break.
 *
 * @public
 */
export const pendingChangesRouteRef = createRouteRef({
  id: 'service-registry:pending-changes',
});

/**
 * The scaffolder's page of one template, where the registry card's "Change this service" and
 * "Deprecate" buttons lead (with the form prefilled). Bind it to
 * `scaffolderPlugin.routes.selectedTemplate` in the app's `bindRoutes`; unbound, the buttons are
 * not shown.
 *
 * @public
 */
export const createFromTemplateRouteRef = createExternalRouteRef({
  id: 'service-registry:create-from-template',
  optional: true,
  params: ['namespace', 'templateName'],
});
