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
 * Every permission of the service-registry plugins.
 *
 * @public
 */
export const serviceRegistryPermissions = [serviceRegistryReadPermission];
