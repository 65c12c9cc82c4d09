import {
  DependencyGraph,
  ImpactedService,
  ImpactOptions,
  ImpactReport,
} from './types';
import { groupByProject } from './groupByProject';

/**
 * Everything that depends on a service, directly or transitively: a breadth-first walk of the
 * incoming edges (O(V + E)), so each affected service gets its minimum depth. A consumer that
 * only a project override declares belongs to that project.
 *
 * @param graph - the dependency graph
 * @param serviceId - the changed service (it may be missing from the graph and still have consumers)
 * @param options - follow optional dependencies; limit the depth; walk only some edges
 * @public
 */
export function computeImpact(
  graph: DependencyGraph,
  serviceId: string,
  options: ImpactOptions = {},
): ImpactReport {
  const maxDepth = options.maxDepth ?? Infinity;
  const found = new Map<string, ImpactedService>();
  let frontier = [serviceId];
  let depth = 0;
  let truncated = false;
  while (frontier.length > 0) {
    if (depth >= maxDepth) {
      truncated = frontier.some(id =>
        (graph.incoming.get(id) ?? []).some(
          e =>
            (options.includeOptional || !e.optional) &&
            e.from !== serviceId &&
            !found.has(e.from) &&
            (!options.follow || options.follow(e)),
        ),
      );
      break;
    }
    depth++;
    const next: string[] = [];
    for (const id of frontier) {
      for (const edge of graph.incoming.get(id) ?? []) {
        if (edge.optional && !options.includeOptional) continue;
        if (edge.from === serviceId || found.has(edge.from)) continue;
        if (options.follow && !options.follow(edge)) continue;
        const node = graph.nodes.get(edge.from);
        found.set(edge.from, {
          id: edge.from,
          depth,
          project: edge.viaProject ?? node?.project ?? null,
          ...(node?.owner !== undefined ? { owner: node.owner } : {}),
          via: id,
        });
        next.push(edge.from);
      }
    }
    frontier = next.sort();
  }
  const services = [...found.values()].sort(
    (a, b) => a.depth - b.depth || (a.id < b.id ? -1 : Number(a.id > b.id)),
  );
  const byProject = groupByProject(services);
  const projects = byProject
    .map(g => g.project)
    .filter((p): p is string => p !== null);
  const direct = services.filter(s => s.depth === 1).length;
  return {
    service: serviceId,
    declared: graph.nodes.has(serviceId),
    services,
    byProject,
    projects,
    counts: {
      services: services.length,
      direct,
      transitive: services.length - direct,
      projects: projects.length,
    },
    truncated,
  };
}
