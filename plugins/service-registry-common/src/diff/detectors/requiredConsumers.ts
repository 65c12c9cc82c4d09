import { directConsumers } from '../directConsumers';
import { BreakingChangeKind, DiffContext } from '../types';

/**
 * The services that require `id` in base and still require it in head (a consumer that drops the
 * dependency, moves it to `optional`, is removed or retired, in the same change is not affected;
 * a retired service requires nothing, see `runningConsumer`), among
 * those that see the compared declaration (see {@link DiffContext.scope}); a project's view of an
 * overridden consumer counts as the project sees it (its override may keep, change or drop the
 * dependency); sorted, each once.
 *
 * @param ctx - the diff context
 * @param id - the provider
 * @param kind - the kind of change the consumers would see
 */
export function requiredConsumers(
  ctx: DiffContext,
  id: string,
  kind: BreakingChangeKind,
): string[] {
  return [
    ...new Set(
      directConsumers(ctx, id, [kind])
        .filter(c => !c.optional)
        .map(c => c.id),
    ),
  ].sort();
}

/**
 * Quotes and joins ids for messages.
 *
 * @param ids - the ids
 */
export function quoted(ids: readonly string[]): string {
  return ids.map(id => `"${id}"`).join(', ');
}
