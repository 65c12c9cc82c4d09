import { InputError } from '@backstage/errors';
import {
  DependencyRef,
  LoadedRegistry,
  parseDependencyString,
} from '@service-registry/plugin-service-registry-common';
import {
  checkDependencies,
  DependencyConsumer,
  dependencyId,
} from './dependencies';
import { isTable } from './tomlTable';

/** What an update adds to and removes from a service's dependency lists. */
export interface DependencyEdits {
  /** Entries to add to `dependencies.requires` / `dependencies.optional`. */
  add?: { requires?: string[]; optional?: string[] };
  /** Services to stop depending on, in either list. */
  remove?: string[];
}

/** An entry as the registry writes it in a list of strings. */
function written(ref: { service: string; range?: string }): string {
  return ref.range === undefined ? ref.service : `${ref.service}@${ref.range}`;
}

/**
 * The entries of a list as strings, each with the id of the service it names. A string entry is
 * kept as written, an entry the registry reports as invalid (`"Not_An_Id"`) included, so that
 * editing another entry leaves it alone; an inline table becomes `"id@range"` (the editor keeps
 * the inline table as written, as it says the same).
 */
function writtenEntries(
  refs: readonly DependencyRef[],
  raw: unknown,
): { id: string; entry: string }[] {
  if (!Array.isArray(raw)) {
    return refs.map(ref => ({ id: ref.service, entry: written(ref) }));
  }
  const out: { id: string; entry: string }[] = [];
  for (const value of raw) {
    if (typeof value === 'string') {
      out.push({ id: parseDependencyString(value).service, entry: value });
    } else if (isTable(value) && typeof value.service === 'string') {
      const range =
        typeof value.version === 'string' ? value.version : undefined;
      out.push({
        id: value.service,
        entry: written({ service: value.service, range }),
      });
    }
  }
  return out;
}

/**
 * The dependency lists of a service after adding and removing entries, each list only when it
 * changes. Adding a service that the same list already holds replaces its entry where it is (a
 * new range); other added entries go at the end of their list (a service listed in the other
 * list moves). Added entries get the same checks as a new service's; removing a service that is
 * not listed is refused. The entries that stay are returned as written, so that the editor
 * keeps their text: inline tables (returned as `"id@range"`, which they say the same as),
 * comments and the list's layout stay as they are.
 *
 * @param current - the service's lists as the registry has them
 * @param edits - what to add and remove
 * @param registry - the registry, to check added services (and to read the lists as written)
 * @param consumer - the service's id, and its project (whose view of the added services counts)
 * @returns the new `requires` and `optional` lists, as the registry writes them
 */
export function editDependencies(
  current: { requires: DependencyRef[]; optional: DependencyRef[] },
  edits: DependencyEdits,
  registry: LoadedRegistry,
  consumer: DependencyConsumer,
): { requires?: string[]; optional?: string[] } {
  const self = consumer.id;
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
    consumer,
    'addDependencies.requires',
  );
  const addedOptional = checkDependencies(
    edits.add?.optional ?? [],
    registry,
    consumer,
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
  }

  const rawDependencies = registry.services.get(self)?.raw.dependencies;
  const rawList = (list: 'requires' | 'optional') =>
    isTable(rawDependencies) ? rawDependencies[list] : undefined;
  const next = (
    entries: { id: string; entry: string }[],
    added: string[],
    addedElsewhere: string[],
  ) => {
    const pending = new Map(added.map(entry => [dependencyId(entry), entry]));
    const going = new Set([
      ...removed,
      ...pending.keys(),
      ...addedElsewhere.map(dependencyId),
    ]);
    const out: string[] = [];
    let changed = added.length > 0;
    for (const { id, entry } of entries) {
      const replacement = pending.get(id);
      if (replacement !== undefined) {
        // the same list: the new entry takes the place of the one written
        out.push(replacement);
        pending.delete(id);
      } else if (going.has(id)) changed = true;
      else out.push(entry);
    }
    return changed ? [...out, ...pending.values()] : undefined;
  };
  const result: { requires?: string[]; optional?: string[] } = {};
  const requires = next(
    writtenEntries(current.requires, rawList('requires')),
    addedRequires,
    addedOptional,
  );
  const optional = next(
    writtenEntries(current.optional, rawList('optional')),
    addedOptional,
    addedRequires,
  );
  if (requires) result.requires = requires;
  if (optional) result.optional = optional;
  return result;
}
