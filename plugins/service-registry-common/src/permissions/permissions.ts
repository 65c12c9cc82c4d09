import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the service registry through the service-registry backend: graph, impact, findings,
 * deprecations, SLA and the registry records.
 *
 * @public
 */
export const serviceRegistryReadPermission = createPermission({
  name: 'service-registry.registry.read',
  attributes: { action: 'read' },
});

/**
 * Remind, by hand, the owners of a deprecated service's consumers where its migration stands
 * (a Backstage notification to each of them; needs the notifications backend module). A reminder
 * also needs {@link serviceRegistryReadPermission}: its answer names the consumers and owners.
 *
 * @public
 */
export const serviceRegistryRemindPermission = createPermission({
  name: 'service-registry.deprecation.remind',
  attributes: { action: 'update' },
});

/**
 * Every permission of the service-registry plugins.
 *
 * @public
 */
export const serviceRegistryPermissions = [
  serviceRegistryReadPermission,
  serviceRegistryRemindPermission,
];
