import {
  ConsumerView,
  consumerViewsOf,
  entriesOn,
  viewKey,
} from './consumerViews';
import { minLeavesOut, raisedCompatMin } from './raisedCompatMin';
import { servedThroughCompatWith } from './servedThroughCompatWith';
import { BreakingChangeKind, DiffContext } from './types';

/**
 * A direct consumer of a changed service, as the project it is used in sees it (see
 * {@link ConsumerView}).
 */
export interface DirectConsumer extends ConsumerView {
  /**
   * False when it requires the service before and after the change; true when it uses it
   * optionally before or after (`dependencies.optional`).
   */
  optional: boolean;
}

/**
 * The direct consumers a change of some kinds to a service reaches: every consumer, as each
 * project that uses it sees it, that depends on the service in base and still does in head (a
 * consumer that drops the dependency, or is removed, in the same change is not affected), among
 * those that see the compared declaration (see {@link DiffContext.scope}) and that one of the
 * kinds breaks: for `compat-min-raised`, only the views whose range in head (as the view writes
 * it) the new minimum leaves out, in `dependencies.requires` (or, for a consumer that uses the
 * service optionally, in either list); for `major-version-bump`, not the views whose ranges a
 * `compat_with` entry of the new version lies in (see `servedThroughCompatWith`: validation
 * counts them satisfied); by id, the global declaration first, then by project.
 * A view of a consumer retired in base or in head does not count (see `runningConsumer`): it
 * consumes nothing on that side, so a service only retired services declare can be removed or
 * retired, and a consumer retired in the same change is not affected (as one removed).
 *
 * @param ctx - the diff context
 * @param id - the changed service
 * @param kinds - the kinds of the change
 */
export function directConsumers(
  ctx: DiffContext,
  id: string,
  kinds: readonly BreakingChangeKind[],
): DirectConsumer[] {
  const seen = new Set<string>();
  const consumers: DirectConsumer[] = [];
  const scope = ctx.scope;
  // the new minimum, when a raised compat_version_min is among the kinds
  const raised = kinds.includes('compat-min-raised')
    ? raisedCompatMin(ctx, id)
    : undefined;
  for (const view of [
    ...consumerViewsOf(ctx.base, ctx.baseGraph, id),
    ...consumerViewsOf(ctx.head, ctx.headGraph, id),
  ]) {
    const key = viewKey(view);
    if (seen.has(key)) continue;
    seen.add(key);
    const sees = kinds.filter(
      kind => !scope || scope.affects(view.project, kind),
    );
    if (sees.length === 0) continue;
    const consumer: ConsumerView =
      view.project === undefined
        ? { id: view.id }
        : { id: view.id, project: view.project };
    const before = entriesOn(ctx.base, consumer, id);
    const after = entriesOn(ctx.head, consumer, id);
    if (before.requires.length + before.optional.length === 0) continue;
    if (after.requires.length + after.optional.length === 0) continue;
    const optional =
      before.requires.length === 0 || after.requires.length === 0;
    // a raised minimum breaks only the ranges it leaves out; a new major version, only the
    // ranges none of its compat_with entries lies in
    const breaks = (kind: BreakingChangeKind) => {
      if (kind === 'major-version-bump') {
        return (
          servedThroughCompatWith(ctx.head, consumer, id, optional).length === 0
        );
      }
      return (
        kind !== 'compat-min-raised' ||
        (raised !== undefined &&
          (optional
            ? [...after.requires, ...after.optional]
            : after.requires
          ).some(entry => minLeavesOut(entry.range, raised.min)))
      );
    };
    if (!sees.some(breaks)) continue;
    consumers.push({ ...consumer, optional });
  }
  return consumers.sort(compareViews);
}

/**
 * Orders consumer views by id, the global declaration first, then by project.
 *
 * @param a - a view
 * @param b - another view
 */
export function compareViews(a: ConsumerView, b: ConsumerView): number {
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.project === b.project) return 0;
  if (a.project === undefined) return -1;
  if (b.project === undefined) return 1;
  return a.project < b.project ? -1 : 1;
}
