import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { NotDeclared } from './NotDeclared';

/**
 * The owner of a registry record, as a fact of a card: the owner the registry gives it, or, when
 * it gives none, that it declares none and who owns its entity in the catalog instead (the
 * provider's `defaultOwner`, or what a transformer made of it), linked and named as the page's
 * header names it.
 *
 * @param props - `owner`: the registry's owner in words, if any; `catalogOwner`: the entity's
 *   `spec.owner` (a ref, or a group's name), where the card has an entity
 */
export function OwnerValue(props: { owner?: string; catalogOwner?: string }) {
  const { owner, catalogOwner } = props;
  if (owner) return <>{owner}</>;
  const ref = catalogOwner ? refOf(catalogOwner) : undefined;
  if (!ref) return <NotDeclared words="none" />;
  return (
    <NotDeclared
      words="none declared"
      catalogShows={<EntityRefLink entityRef={ref} defaultKind="group" />}
    />
  );
}

/** An owner of the catalog as an entity ref (a name is a group of the default namespace). */
function refOf(owner: string) {
  try {
    return parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
}
