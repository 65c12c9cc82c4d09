import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PROJECT,
  ANNOTATION_SHARED_SYSTEM,
  GLOBAL_PROJECT_ID,
} from '@service-registry/plugin-service-registry-common';

/**
 * The registry project a System stands for: the project the provider wrote in its
 * `service-registry.io/project` annotation, and `GLOBAL_PROJECT_ID` for the shared System of the
 * global services, which the provider marks with `service-registry.io/shared-system` (whatever an
 * entity transformer named it). A System the provider ingested before it wrote those annotations
 * stands for the project of its name, or for the global services when its name is `sharedSystem`.
 *
 * @param entity - a System the service-registry provider ingested
 * @param sharedSystem - the name of the System of the global services
 */
export function projectIdOfSystem(
  entity: Entity,
  sharedSystem: string,
): string {
  const annotations = entity.metadata.annotations;
  const declared = annotations?.[ANNOTATION_PROJECT];
  if (declared) return declared;
  if (annotations?.[ANNOTATION_SHARED_SYSTEM]) return GLOBAL_PROJECT_ID;
  return entity.metadata.name === sharedSystem
    ? GLOBAL_PROJECT_ID
    : entity.metadata.name;
}
