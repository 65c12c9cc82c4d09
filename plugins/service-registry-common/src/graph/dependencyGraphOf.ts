import { LoadedRegistry } from '../model/types';
import { buildDependencyGraph } from './buildDependencyGraph';
import { DependencyGraph } from './types';

const graphs = new WeakMap<LoadedRegistry, DependencyGraph>();

/**
 * The dependency graph of a loaded registry, built once per registry object and shared by every
 * reader of it (validation, diff, deprecations, the backend's views and notifications all read
 * the same snapshot after an ingestion). Registries and graphs are read-only once built; the
 * graph is forgotten with its registry.
 *
 * @param registry - the loaded registry
 * @public
 */
export function dependencyGraphOf(registry: LoadedRegistry): DependencyGraph {
  let graph = graphs.get(registry);
  if (!graph) {
    graph = buildDependencyGraph(registry);
    graphs.set(registry, graph);
  }
  return graph;
}
