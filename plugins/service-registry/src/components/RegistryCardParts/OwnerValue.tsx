import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { Missing } from './FactList';

/**
 * An owner of the catalog (an entity's `spec.owner`) as the catalog's pages name it: a group of
 * the default namespace by its name (`platform-team`), anything else by its ref.
 */
function catalogOwnerName(owner: string): string {
  try {
    return humanizeEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
      { defaultKind: 'group' },
    );
  } catch {
    return owner;
  }
}

/**
 * The owner of a registry record, as a fact of a card: the owner the registry gives it, or, when
 * it gives none, that it declares none and who owns its entity in the catalog instead (the
 * provider's `defaultOwner`, or what a transformer made of it), so that the card does not seem to
 * contradict the page's header.
 *
 * @param props - `owner`: the registry's owner in words, if any; `catalogOwner`: the entity's
 *   `spec.owner`, where the card has an entity
 */
export function OwnerValue(props: { owner?: string; catalogOwner?: string }) {
  const { owner, catalogOwner } = props;
  if (owner) return <>{owner}</>;
  return (
    <Missing>
      {catalogOwner
        ? `none declared; the catalog shows ${catalogOwnerName(catalogOwner)}`
        : 'none'}
    </Missing>
  );
}
