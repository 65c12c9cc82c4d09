import { InputError } from '@backstage/errors';
import {
  DependencyRef,
  LoadedRegistry,
} from '@service-registry/plugin-service-registry-common';
import { checkDependencies, dependencyId } from './dependencies';

/** What an update adds to and removes from a service's dependency lists. */
export interface DependencyEdits {
  /** Entries to add to `dependencies.requires` / `dependencies.optional`. */
  add?: { requires?: string[]; optional?: string[] };
  /** Services to stop depending on, in either list. */
  remove?: string[];
}

/** An entry as the registry writes it in a list of strings. */
function written(ref: DependencyRef): string {
  return ref.range === undefined ? ref.service : `${ref.service}@${ref.range}`;
}

/**
 * The dependency lists of a service after adding and removing entries, each list only when it
 * changes. An added entry goes at the end of its list; adding a service that is already listed
 * replaces its entry (a new range, or a move between `requires` and `optional`). Added entries
 * get the same checks as a new service's; removing a service that is not listed is refused.
 * Entries written as inline tables are rewritten as `"id@range"` strings when their list
 * changes.
 *
 * @param current - the service's lists as the registry has them
 * @param edits - what to add and remove
 * @param registry - the registry, to check added services
 * @param self - the service's id
 * @returns the new `requires` and `optional` lists, as the registry writes them
 */
export function editDependencies(
  current: { requires: DependencyRef[]; optional: DependencyRef[] },
  edits: DependencyEdits,
  registry: LoadedRegistry,
  self: string,
): { requires?: string[]; optional?: string[] } {
  const listed = new Set(
    [...current.requires, ...current.optional].map(d => d.service),
  );
  const removed = new Set<string>();
  for (const raw of edits.remove ?? []) {
    const id = dependencyId(raw);
    if (!listed.has(id)) {
      throw new InputError(
        `removeDependencies: ${self} does not depend on ${JSON.stringify(
          id,
        )}; its dependencies are ${
          [...listed].join(', ') || 'none'
        }. Remove it from the list.`,
      );
    }
    removed.add(id);
  }
  const addedRequires = checkDependencies(
    edits.add?.requires ?? [],
    registry,
    self,
    'addDependencies.requires',
  );
  const addedOptional = checkDependencies(
    edits.add?.optional ?? [],
    registry,
    self,
    'addDependencies.optional',
    addedRequires,
  );
  for (const entry of [...addedRequires, ...addedOptional]) {
    const id = dependencyId(entry);
    if (removed.has(id)) {
      throw new InputError(
        `${id} is both added and removed; to change its entry, only add it again (the new entry replaces the one written).`,
      );
    }
    removed.add(id);
  }

  const result: { requires?: string[]; optional?: string[] } = {};
  const next = (list: DependencyRef[], added: string[]) => {
    const kept = list.filter(d => !removed.has(d.service));
    return kept.length === list.length && added.length === 0
      ? undefined
      : [...kept.map(written), ...added];
  };
  const requires = next(current.requires, addedRequires);
  const optional = next(current.optional, addedOptional);
  if (requires) result.requires = requires;
  if (optional) result.optional = optional;
  return result;
}
