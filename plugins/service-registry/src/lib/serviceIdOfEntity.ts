import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_SERVICE_ID } from '@service-registry/plugin-service-registry-common';

/**
 * The registry id of the service a Component stands for, which the cards ask the backend for: the
 * provider's `service-registry.io/service-id` annotation (an entity transformer may have renamed
 * the Component, `acme-shop-api` for the service `shop-api`, or moved it to another namespace),
 * else the Component's name, as the provider names it (a Component ingested before the annotation
 * existed, or whose annotation is empty).
 *
 * @param entity - the Component of the page the card is on
 */
export function serviceIdOfEntity(entity: Entity): string {
  const id = entity.metadata.annotations?.[ANNOTATION_SERVICE_ID]?.trim();
  return id ? id : entity.metadata.name;
}
