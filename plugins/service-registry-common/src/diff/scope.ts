import { DependencyEdge, DependencyGraph } from '../graph/types';
import { getServiceForProject } from '../model/getServiceForProject';
import { RegistryService } from '../model/types';
import { BreakingChangeKind, DiffContext } from './types';

/**
 * The service a detector compares, before and after: the declarations of `base` and `head`, or
 * the project's view of them when the context is scoped to a project.
 *
 * @param ctx - the diff context
 * @param id - the service id
 */
export function comparedServices(
  ctx: DiffContext,
  id: string,
): { before?: RegistryService; after?: RegistryService } {
  const project = ctx.scope?.project;
  return {
    before: getServiceForProject(ctx.base, project, id),
    after: getServiceForProject(ctx.head, project, id),
  };
}

/**
 * The project a dependency of a graph is declared for: the override's project, else the
 * consumer's (undefined for a global consumer).
 *
 * @param graph - the graph of the edge
 * @param edge - the edge
 */
export function consumerProjectOf(
  graph: DependencyGraph,
  edge: DependencyEdge,
): string | undefined {
  return edge.viaProject ?? graph.nodes.get(edge.from)?.project;
}

/**
 * Whether a consumer of the compared service sees a change of this kind (always, unscoped).
 *
 * @param ctx - the diff context
 * @param graph - the graph the edge comes from
 * @param edge - the consumer's edge
 * @param kind - the kind of change
 */
export function affectsConsumer(
  ctx: DiffContext,
  graph: DependencyGraph,
  edge: DependencyEdge,
  kind: BreakingChangeKind,
): boolean {
  return !ctx.scope || ctx.scope.affects(consumerProjectOf(graph, edge), kind);
}

/**
 * Whether a graph still has `edge` as a required dependency (same consumer and provider).
 *
 * @param graph - the other graph (head, for an edge of base)
 * @param edge - the edge
 */
export function stillRequires(
  graph: DependencyGraph,
  edge: DependencyEdge,
): boolean {
  return (graph.outgoing.get(edge.from) ?? []).some(
    e => e.to === edge.to && !e.optional,
  );
}
