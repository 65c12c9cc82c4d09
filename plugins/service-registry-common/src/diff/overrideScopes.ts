import { getServiceForProject } from '../model/getServiceForProject';
import { LoadedRegistry } from '../model/types';
import { inheritsChange } from './inheritedChange';
import { BreakingChangeKind, DiffContext, DiffScope } from './types';

/**
 * The projects whose view of a service a diff compares too: those that override it in base or
 * head, when it is a global service in both (sorted; none otherwise).
 *
 * @param base - the registry before
 * @param head - the registry after
 * @param id - the service id
 */
export function overridingProjects(
  base: LoadedRegistry,
  head: LoadedRegistry,
  id: string,
): string[] {
  const before = base.services.get(id);
  const after = head.services.get(id);
  if (!before || !after || before.project !== undefined) return [];
  if (after.project !== undefined) return [];
  if (before.overriddenBy.length === 0 && after.overriddenBy.length === 0) {
    return [];
  }
  return [...new Set([...before.overriddenBy, ...after.overriddenBy])].sort();
}

/**
 * Whether a project's view of a global service sees a kind of change as the global declaration
 * does (see {@link inheritsChange}).
 *
 * @param ctx - the diff context
 * @param id - a global service in base and head
 * @param project - a project overriding it
 * @param kind - the kind of change
 */
export function viewInherits(
  ctx: DiffContext,
  id: string,
  project: string,
  kind: BreakingChangeKind,
): boolean {
  return inheritsChange(
    kind,
    {
      before: getServiceForProject(ctx.base, project, id)!,
      after: getServiceForProject(ctx.head, project, id)!,
    },
    { before: ctx.base.services.get(id)!, after: ctx.head.services.get(id)! },
  );
}

/**
 * The scope of the global declaration of a service some projects override: its changes affect
 * global consumers, consumers of other projects, and consumers of an overriding project whose
 * view sees the same change.
 *
 * @param ctx - the diff context
 * @param id - a global service in base and head
 * @param projects - the projects overriding it
 */
export function globalScope(
  ctx: DiffContext,
  id: string,
  projects: readonly string[],
): DiffScope {
  const overriding = new Set(projects);
  const inherits = new Map<string, boolean>();
  return {
    affects(consumerProject, kind) {
      if (consumerProject === undefined || !overriding.has(consumerProject)) {
        return true;
      }
      const key = `${consumerProject}\u0000${kind}`;
      let value = inherits.get(key);
      if (value === undefined) {
        value = viewInherits(ctx, id, consumerProject, kind);
        inherits.set(key, value);
      }
      return value;
    },
  };
}

/**
 * The scope of a project's view of an overridden service: its changes affect the project's
 * consumers only.
 *
 * @param project - the project
 */
export function projectScope(project: string): DiffScope {
  return {
    project,
    affects: consumerProject => consumerProject === project,
  };
}
