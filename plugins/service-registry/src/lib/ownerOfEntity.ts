import { Entity } from '@backstage/catalog-model';

/**
 * The owner of an entity in the catalog, as its `spec.owner` says (an entity ref, or a name the
 * catalog reads as a group's); undefined when it has none.
 *
 * @param entity - the entity of the page a card is on
 */
export function ownerOfEntity(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  return typeof owner === 'string' && owner.trim() !== ''
    ? owner.trim()
    : undefined;
}
