import { getServiceForProject } from '../model/getServiceForProject';
import { fieldChanges } from './fieldChanges';
import { DiffContext, FieldChange, ServiceChange } from './types';

const key = (change: FieldChange) =>
  JSON.stringify([change.path, change.before, change.after]);

/**
 * The changes of a project's view of an overridden global service (the global declaration merged
 * with the project's override), less those the global declaration makes too: what the project's
 * override changes for it.
 *
 * @param ctx - the diff context
 * @param id - a global service in base and head
 * @param project - a project that overrides it in base or head
 * @param globalChanges - the changes of the global declaration
 */
export function viewChange(
  ctx: DiffContext,
  id: string,
  project: string,
  globalChanges: readonly FieldChange[],
): ServiceChange | undefined {
  const before = getServiceForProject(ctx.base, project, id);
  const after = getServiceForProject(ctx.head, project, id);
  if (!before || !after) return undefined;
  const global = new Set(globalChanges.map(key));
  const changes = fieldChanges(before.raw, after.raw).filter(
    change => !global.has(key(change)),
  );
  if (changes.length === 0) return undefined;
  return { service: id, project, override: true, changes };
}
