import { affectsConsumer, stillRequires } from '../scope';
import { BreakingChangeKind, DiffContext } from '../types';

/**
 * The services that require `id` in base and still require it in head (a consumer that drops the
 * dependency, or is removed, in the same change is not affected), among those that see the
 * compared declaration (see {@link DiffContext.scope}); sorted.
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
  const consumers = new Set<string>();
  for (const edge of ctx.headGraph.incoming.get(id) ?? []) {
    if (edge.optional || edge.from === id || consumers.has(edge.from)) continue;
    if (!stillRequires(ctx.baseGraph, edge)) continue;
    if (!affectsConsumer(ctx, ctx.headGraph, edge, kind)) continue;
    consumers.add(edge.from);
  }
  return [...consumers].sort();
}

/**
 * Quotes and joins ids for messages.
 *
 * @param ids - the ids
 */
export function quoted(ids: readonly string[]): string {
  return ids.map(id => `"${id}"`).join(', ');
}
