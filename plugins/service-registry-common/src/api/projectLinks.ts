import { DependencyEdge, DependencyGraph } from '../graph/types';
import { LoadedRegistry } from '../model/types';
import { ProjectSummaryLink } from './projectSummaryResponse';

/**
 * The project an edge's consumer counts as, as `computeConsumers` counts it: the project of an
 * override that alone declares the dependency, else the consumer's own project; null for a global
 * consumer.
 */
export function consumerProjectOf(
  graph: DependencyGraph,
  edge: DependencyEdge,
): string | null {
  return edge.viaProject ?? graph.nodes.get(edge.from)?.project ?? null;
}

/** The project of an edge's provider; null for a global service, undefined for an undeclared one. */
export function providerProjectOf(
  graph: DependencyGraph,
  edge: DependencyEdge,
): string | null | undefined {
  const node = graph.nodes.get(edge.to);
  if (!node) return undefined;
  return node.project ?? null;
}

interface Group {
  byService: Map<string, { required: Set<string>; optional: Set<string> }>;
  required: number;
  optional: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : Number(a > b));

/** Projects by id, the global services (null) last, as `groupByProject` orders them. */
function compareProjects(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return byId(a, b);
}

/**
 * Groups dependency edges by the project on their other side: for each other project (or the
 * global services, null), the providers used, the consumers of each (required, or optional only),
 * and how many edges of each kind.
 *
 * @param registry - the loaded registry (for the projects' names and the services' statuses)
 * @param edges - the edges, each with the other side's project
 */
export function projectLinks(
  registry: LoadedRegistry,
  edges: Array<{ edge: DependencyEdge; other: string | null }>,
): ProjectSummaryLink[] {
  const groups = new Map<string | null, Group>();
  for (const { edge, other } of edges) {
    let group = groups.get(other);
    if (!group) {
      group = { byService: new Map(), required: 0, optional: 0 };
      groups.set(other, group);
    }
    let consumers = group.byService.get(edge.to);
    if (!consumers) {
      consumers = { required: new Set(), optional: new Set() };
      group.byService.set(edge.to, consumers);
    }
    if (edge.optional) {
      group.optional++;
      consumers.optional.add(edge.from);
    } else {
      group.required++;
      consumers.required.add(edge.from);
    }
  }
  return [...groups.keys()].sort(compareProjects).map(project => {
    const group = groups.get(project)!;
    const name =
      project === null ? undefined : registry.projects.get(project)?.name;
    return {
      project,
      ...(name !== undefined ? { name } : {}),
      services: [...group.byService.keys()].sort(byId).map(service => {
        const { required, optional } = group.byService.get(service)!;
        const status = registry.services.get(service)?.status;
        return {
          service,
          ...(status !== undefined ? { status } : {}),
          requiredBy: [...required].sort(byId),
          optionalFor: [...optional].filter(c => !required.has(c)).sort(byId),
        };
      }),
      edges: group.required + group.optional,
      required: group.required,
      optional: group.optional,
    };
  });
}
