import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_STATUS } from '@service-registry/plugin-service-registry-common';

/**
 * True for a catalog entity whose registry lifecycle status (the `service-registry.io/status`
 * annotation) is `deprecated` or `retired`: show the migration card under it, e.g.
 * `<EntitySwitch.Case if={isServiceRegistryDeprecated}>`.
 *
 * @param entity - the catalog entity
 * @public
 */
export function isServiceRegistryDeprecated(entity: Entity): boolean {
  const status =
    entity.metadata.annotations?.[ANNOTATION_STATUS]?.trim().toLocaleLowerCase(
      'en-US',
    );
  return status === 'deprecated' || status === 'retired';
}
