import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PROJECT,
  GLOBAL_PROJECT_ID,
} from '@service-registry/plugin-service-registry-common';

/**
 * The registry project a System stands for: the project the provider wrote in its
 * `service-registry.io/project` annotation, else the System's name, and `GLOBAL_PROJECT_ID` for the
 * shared System of the global services (the provider's `sharedSystem`, which carries no project
 * annotation).
 *
 * @param entity - a System the service-registry provider ingested
 * @param sharedSystem - the name of the System of the global services
 */
export function projectIdOfSystem(
  entity: Entity,
  sharedSystem: string,
): string {
  const declared = entity.metadata.annotations?.[ANNOTATION_PROJECT];
  if (declared) return declared;
  return entity.metadata.name === sharedSystem
    ? GLOBAL_PROJECT_ID
    : entity.metadata.name;
}
