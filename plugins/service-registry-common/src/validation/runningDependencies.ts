import { runningGraphOf } from '../graph/runningGraphOf';
import { DependencyGraph } from '../graph/types';
import { ValidationContext } from './types';

export { anyRetired, isRetired } from '../graph/runningGraphOf';

/**
 * The dependency graph of what runs (see `runningGraphOf`): the context's graph without the
 * dependencies of retired consumers, view by view.
 *
 * @param ctx - the validation context
 */
export function runningGraph(ctx: ValidationContext): DependencyGraph {
  return runningGraphOf(ctx.registry, ctx.graph);
}
