import { LoadedRegistry, RegistryService } from '../model/types';
import { dependencyGraphOf } from './dependencyGraphOf';
import { DependencyEdge, DependencyGraph } from './types';

/**
 * Whether a service, or a project's view of one, is retired: it no longer runs (the lifecycle
 * removes it from the catalog), so the dependencies it still declares are history, not
 * consumption. A retired consumer counts as no consumer: its dependencies produce no dependency,
 * lifecycle, version-range or SLA finding, and it is listed as no one's consumer. Its own fields
 * are still checked as any service's.
 *
 * @param service - a service, or a project's view of one; undefined for none
 * @public
 */
export function isRetired(service: RegistryService | undefined): boolean {
  return service?.status === 'retired';
}

const anyRetiredByRegistry = new WeakMap<LoadedRegistry, boolean>();

/**
 * Whether any service, or any project's view of one, is retired (computed once per registry):
 * when none is, every consumer counts and nothing needs filtering.
 *
 * @param registry - the loaded registry
 * @public
 */
export function anyRetired(registry: LoadedRegistry): boolean {
  let any = anyRetiredByRegistry.get(registry);
  if (any === undefined) {
    any = [...registry.services.values()].some(isRetired);
    for (const views of registry.overrides.values()) {
      if (any) break;
      any = [...views.values()].some(isRetired);
    }
    anyRetiredByRegistry.set(registry, any);
  }
  return any;
}

/**
 * The dependencies of `graph` that run, in the graph's terms (see `buildDependencyGraph`): an
 * edge of a project's override (`viaProject`) when that project's view of the consumer is not
 * retired; an edge of a declaration when the declaration is not retired, dropped (`droppedBy`)
 * by the projects whose view of the consumer is retired; for a retired global declaration, one
 * `viaProject` edge per project whose view of it keeps running and keeps the entry.
 */
function withoutRetired(
  registry: LoadedRegistry,
  graph: DependencyGraph,
): DependencyGraph {
  const edges: DependencyEdge[] = [];
  const outgoing = new Map<string, DependencyEdge[]>();
  const incoming = new Map<string, DependencyEdge[]>();
  const add = (edge: DependencyEdge) => {
    edges.push(edge);
    const out = outgoing.get(edge.from);
    if (out) out.push(edge);
    else outgoing.set(edge.from, [edge]);
    const into = incoming.get(edge.to);
    if (into) into.push(edge);
    else incoming.set(edge.to, [edge]);
  };
  const viewOf = (project: string, id: string) =>
    registry.overrides.get(project)?.get(id);
  for (const edge of graph.edges) {
    const declaration = registry.services.get(edge.from);
    if (edge.viaProject !== undefined) {
      const consumer = viewOf(edge.viaProject, edge.from) ?? declaration;
      if (!isRetired(consumer)) add(edge);
      continue;
    }
    const projects = [...(declaration?.overriddenBy ?? [])].sort();
    const keeps = (project: string) => !edge.droppedBy?.includes(project);
    if (!isRetired(declaration)) {
      const retiredIn = projects.filter(
        p => keeps(p) && isRetired(viewOf(p, edge.from)),
      );
      if (retiredIn.length === 0) add(edge);
      else {
        const droppedBy = [...(edge.droppedBy ?? []), ...retiredIn].sort();
        add({ ...edge, droppedBy });
      }
      continue;
    }
    // retired globally: the dependency runs in the projects whose view of the consumer runs
    for (const project of projects) {
      const view = viewOf(project, edge.from);
      if (view && keeps(project) && !isRetired(view)) {
        const copy: DependencyEdge = { ...edge, viaProject: project };
        delete copy.droppedBy;
        add(copy);
      }
    }
  }
  return { nodes: graph.nodes, edges, outgoing, incoming };
}

const runningGraphs = new WeakMap<DependencyGraph, DependencyGraph>();

/**
 * The dependency graph of what runs: `graph` without the dependencies of retired consumers (see
 * {@link isRetired}), view by view. A project whose override retires a global service drops its
 * dependencies in that project's view only (the global declaration and the other projects' views
 * keep them); a global service retired but kept running by a project's override keeps its
 * dependencies in that project's view only (as `viaProject` edges). Nodes are the graph's: a
 * retired provider is still declared. What consumers, impact and migrations count: a retired
 * service consumes nothing. The graph itself when nothing is retired; built once per graph.
 *
 * @param registry - the loaded registry
 * @param graph - its dependency graph (default: {@link dependencyGraphOf} the registry)
 * @public
 */
export function runningGraphOf(
  registry: LoadedRegistry,
  graph: DependencyGraph = dependencyGraphOf(registry),
): DependencyGraph {
  let running = runningGraphs.get(graph);
  if (!running) {
    running = anyRetired(registry) ? withoutRetired(registry, graph) : graph;
    runningGraphs.set(graph, running);
  }
  return running;
}
