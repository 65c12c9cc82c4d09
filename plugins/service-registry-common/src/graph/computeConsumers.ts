import { DependencyGraph, ServiceConsumers } from './types';

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The services and projects that depend directly on a service, from the graph; to be compared
 * with what its owner declares in `consumers`.
 *
 * @param graph - the dependency graph
 * @param id - the provider
 * @public
 */
export function computeConsumers(
  graph: DependencyGraph,
  id: string,
): ServiceConsumers {
  const required = new Set<string>();
  const optional = new Set<string>();
  const projects = new Set<string>();
  const optionalProjects = new Set<string>();
  for (const edge of graph.incoming.get(id) ?? []) {
    if (edge.from === id) continue;
    const project = edge.viaProject ?? graph.nodes.get(edge.from)?.project;
    if (edge.optional) {
      optional.add(edge.from);
      if (project !== undefined) optionalProjects.add(project);
    } else {
      required.add(edge.from);
      if (project !== undefined) projects.add(project);
    }
  }
  return {
    service: id,
    requiredBy: sorted(required),
    optionalFor: sorted([...optional].filter(s => !required.has(s))),
    projects: sorted(projects),
    optionalProjects: sorted(
      [...optionalProjects].filter(p => !projects.has(p)),
    ),
  };
}
