import { Entity } from '@backstage/catalog-model';

/**
 * What the catalog says of an entity that a registry record may leave out: its owner, type and
 * lifecycle (`spec.owner`, `spec.type`, `spec.lifecycle`), each where it is a non-empty string.
 */
export interface CatalogFacts {
  /** An entity ref, or a name the catalog reads as a group's. */
  owner?: string;
  type?: string;
  lifecycle?: string;
}

/**
 * The facts of an entity a registry card sets beside the record's, where the record declares
 * none (the provider's defaults, or what a transformer made of them).
 *
 * @param entity - the entity of the page a card is on
 */
export function catalogFactsOfEntity(entity: Entity): CatalogFacts {
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  return {
    owner: text(entity.spec?.owner),
    type: text(entity.spec?.type),
    lifecycle: text(entity.spec?.lifecycle),
  };
}
