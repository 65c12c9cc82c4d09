import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_REGISTRY_ID } from '@service-registry/plugin-service-registry-common';

/**
 * True for a catalog entity that the service-registry provider ingested as a service (a Component
 * with the `service-registry.io/registry-id` annotation). Use it with `EntitySwitch.Case` or
 * `EntityLayout.Route`'s `if`.
 *
 * @public
 */
export function isServiceRegistryService(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    Boolean(entity.metadata.annotations?.[ANNOTATION_REGISTRY_ID])
  );
}

/**
 * True for a catalog entity that the service-registry provider ingested as a project: a System
 * with the `service-registry.io/registry-id` annotation (a registry project, or the shared System
 * of the global services). Use it with `EntitySwitch.Case` to show
 * `EntitySystemServiceRegistryCard` on those System pages.
 *
 * @public
 */
export function isServiceRegistryProject(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'system' &&
    Boolean(entity.metadata.annotations?.[ANNOTATION_REGISTRY_ID])
  );
}
