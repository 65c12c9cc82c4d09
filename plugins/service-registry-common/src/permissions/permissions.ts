import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
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
 * A resource permission on the deprecated service's catalog entity (resource type
 * `catalog-entity`, the resource ref `component:default/<service id>`): a policy may allow or
 * deny it outright, or answer with the catalog's conditions, such as
 * `createCatalogConditionalDecision(permission, catalogConditions.isEntityOwner({ claims: user.identity.ownershipEntityRefs }))`
 * from `@backstage/plugin-catalog-backend/alpha` to let
 * only the owners of a deprecated service remind its consumers. The catalog evaluates the
 * conditions on the entity; a service without an entity in the catalog gets no conditional
 * allowance.
 *
 * @public
 */
export const serviceRegistryRemindPermission = createPermission({
  name: 'service-registry.deprecation.remind',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
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
