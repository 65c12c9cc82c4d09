import { keyPosition } from '../load/filePositions';
import { LoadedRegistry } from '../model/types';
import { fieldChanges } from './fieldChanges';
import { ProjectChange } from './types';

/**
 * The projects both registries have whose declaration changed (see {@link ProjectChange}), with
 * the services a changed `tier` reaches (those of head that take their project's tier).
 *
 * @param base - the registry before
 * @param head - the registry after
 * @returns the changes, by project id
 */
export function projectChangesOf(
  base: LoadedRegistry,
  head: LoadedRegistry,
): ProjectChange[] {
  const changes: ProjectChange[] = [];
  const ids = [...head.projects.keys()].filter(id => base.projects.has(id));
  for (const id of ids.sort()) {
    const before = base.projects.get(id)!;
    const after = head.projects.get(id)!;
    const fields = fieldChanges(before.raw, after.raw);
    if (fields.length === 0) continue;
    const tierChanged = fields.some(c => c.path === 'tier');
    const tierInheritedBy = tierChanged
      ? after.services
          .filter(service => {
            const declared = head.services.get(service);
            // its own services only (an override's tier is its global service's business)
            return declared?.project === id && declared.raw.tier === undefined;
          })
          .sort()
      : [];
    const first = fields.find(c => c.after !== undefined);
    const position = (first && keyPosition(after, first.path)) ?? after.source;
    changes.push({ project: id, changes: fields, tierInheritedBy, position });
  }
  return changes;
}
