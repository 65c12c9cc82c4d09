import { DependencyGraph } from '../../graph/types';
import { LoadedRegistry } from '../../model/types';

/**
 * The services that require `id` in a graph and still exist in `head`, sorted.
 *
 * @param graph - the graph to read consumers from (usually base)
 * @param head - the registry after the change
 * @param id - the provider
 */
export function requiredConsumers(
  graph: DependencyGraph,
  head: LoadedRegistry,
  id: string,
): string[] {
  const consumers = new Set<string>();
  for (const edge of graph.incoming.get(id) ?? []) {
    if (!edge.optional && edge.from !== id && head.services.has(edge.from)) {
      consumers.add(edge.from);
    }
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
