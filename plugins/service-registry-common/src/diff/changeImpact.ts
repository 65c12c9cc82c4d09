import { getServiceForProject } from '../model/getServiceForProject';
import { groupByProject } from '../graph/groupByProject';
import { ImpactedService, ImpactReport } from '../graph/types';
import {
  ConsumerView,
  edgeProjects,
  requiresIn,
  resolvedProject,
} from './consumerViews';
import { compareViews, directConsumers } from './directConsumers';
import { BreakingChangeKind, DiffContext } from './types';

/**
 * Who a change of some kinds to a service affects: its direct consumers that require it (see
 * {@link directConsumers}: those that see the compared declaration, and required it in base and
 * still do in head), then, breadth first on the base graph, whoever requires an affected consumer
 * as its project sees it (a project's view of an overridden consumer is affected apart from the
 * global declaration: the services of that project follow the view, the others the global
 * declaration) and still does in head. Each service is listed once, at its smallest depth, in the
 * project it is affected in: a project's view of a global service belongs to that project, unless
 * the global declaration is affected at the same depth.
 *
 * @param ctx - the diff context
 * @param id - the changed service
 * @param kinds - the kinds of the change
 */
export function changeImpact(
  ctx: DiffContext,
  id: string,
  kinds: readonly BreakingChangeKind[],
): ImpactReport {
  const nodes = ctx.baseGraph.nodes;
  // a project's own service, like a global declaration, has one view: its id is its key
  const keyOf = (consumer: string, project: string | undefined) =>
    project === undefined || project === nodes.get(consumer)?.project
      ? consumer
      : `${consumer}\u0000${project}`;
  const found = new Map<string, ImpactedService>();
  const reached = new Set<string>();
  const record = (view: ConsumerView, depth: number, via: string) => {
    const known = found.get(view.id);
    // the smallest depth; at the same depth, the global declaration
    if (known && (known.depth < depth || view.project !== undefined)) return;
    if (known && known.project === null) return;
    const node = nodes.get(view.id);
    const owner =
      view.project === undefined || view.project === node?.project
        ? node?.owner
        : getServiceForProject(ctx.base, view.project, view.id)?.owner;
    const project = view.project ?? null;
    found.set(
      view.id,
      owner === undefined
        ? { id: view.id, depth, project, via }
        : { id: view.id, depth, project, owner, via },
    );
  };
  let frontier: ConsumerView[] = [];
  for (const consumer of directConsumers(ctx, id, kinds)) {
    if (consumer.optional) continue;
    reached.add(keyOf(consumer.id, consumer.project));
    frontier.push(consumer);
    record(consumer, 1, id);
  }
  let depth = 1;
  while (frontier.length > 0) {
    depth++;
    const next: ConsumerView[] = [];
    for (const provider of frontier) {
      for (const edge of ctx.baseGraph.incoming.get(provider.id) ?? []) {
        if (edge.optional || edge.from === id) continue;
        for (const project of edgeProjects(ctx.base, ctx.baseGraph, edge)) {
          // the consumer uses this view of the provider only
          if (
            resolvedProject(ctx.base, project, provider.id) !== provider.project
          ) {
            continue;
          }
          const key = keyOf(edge.from, project);
          if (reached.has(key)) continue;
          if (!requiresIn(ctx.head, edge.from, project, provider.id)) continue;
          reached.add(key);
          const consumer: ConsumerView =
            project === undefined
              ? { id: edge.from }
              : { id: edge.from, project };
          next.push(consumer);
          record(consumer, depth, provider.id);
        }
      }
    }
    frontier = next.sort(compareViews);
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
    service: id,
    declared: ctx.baseGraph.nodes.has(id),
    services,
    byProject,
    projects,
    counts: {
      services: services.length,
      direct,
      transitive: services.length - direct,
      projects: projects.length,
    },
    truncated: false,
  };
}
