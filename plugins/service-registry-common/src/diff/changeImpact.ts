import { computeImpact } from '../graph/computeImpact';
import { ImpactReport } from '../graph/types';
import { consumerProjectOf, stillRequires } from './scope';
import { BreakingChangeKind, DiffContext } from './types';

/**
 * Who a change of some kinds to a service affects: a walk of the base graph (who depended on it
 * before) over the dependencies head keeps (a consumer that drops the dependency, or is removed,
 * in the same change is not affected), its direct consumers limited to those that see the
 * compared declaration (see {@link DiffContext.scope}).
 *
 * @param ctx - the diff context
 * @param id - the changed service
 * @param kinds - the kinds of the change
 */
export function changeImpact(
  ctx: DiffContext,
  id: string,
  kinds: readonly BreakingChangeKind[],
): ImpactReport {
  const scope = ctx.scope;
  return computeImpact(ctx.baseGraph, id, {
    follow: edge =>
      stillRequires(ctx.headGraph, edge) &&
      (edge.to !== id ||
        !scope ||
        kinds.some(kind =>
          scope.affects(consumerProjectOf(ctx.baseGraph, edge), kind),
        )),
  });
}
