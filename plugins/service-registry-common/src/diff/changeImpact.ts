import { getServiceForProject } from '../model/getServiceForProject';
import { groupByProject } from '../graph/groupByProject';
import { ImpactedService, ImpactReport } from '../graph/types';
import {
  ConsumerView,
  edgeProjects,
  requiresIn,
  resolvedProject,
  runningConsumer,
} from './consumerViews';
import { compareViews, directConsumers } from './directConsumers';
import { BreakingChangeKind, DiffContext } from './types';

/**
 * Who a change of some kinds to a service affects: its direct consumers that require it (see
 * {@link directConsumers}: those that see the compared declaration, and required it in base and
 * still do in head), then, breadth first on the base graph, whoever requires an affected consumer
 * as its project sees it (a project's view of an overridden consumer is affected apart from the
 * global declaration: the services of that project follow the view, the others the global
 * declaration) and still does in head. Each service is listed once per view of it that is
 * affected (see {@link ConsumerView}), at that view's smallest depth, in the project it is affected
 * in: a project's view of a global service belongs to that project, and every project whose view
 * is affected is listed, unless the global declaration is affected at the same or a smaller depth
 * (it stands for them, and names them in `overriddenIn`). By depth, then id, the global
 * declaration first, then by project.
 * Retired consumers do not count (see `runningConsumer`): a view of a consumer retired in base or
 * in head is not affected, and what depends on it is not reached through it; a project whose
 * override retires a global consumer leaves out that project's view only.
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
  // by view: each project's view of a global consumer is affected apart
  const found = new Map<string, ImpactedService>();
  // the keys of the projects' views found of each consumer
  const projectViews = new Map<string, string[]>();
  // the projects whose views of a global consumer its global declaration stands for
  const standsFor = new Map<string, Set<string>>();
  const folded = (consumer: string, project: string) => {
    const projects = standsFor.get(consumer);
    if (projects) projects.add(project);
    else standsFor.set(consumer, new Set([project]));
  };
  const reached = new Set<string>();
  const record = (view: ConsumerView, depth: number, via: string) => {
    const key = keyOf(view.id, view.project);
    // the breadth-first walk meets each view first at its smallest depth
    if (found.has(key)) return;
    if (key !== view.id) {
      // a project's view: the global declaration affected as near stands for it
      const global = found.get(view.id);
      if (global && global.depth <= depth) {
        folded(view.id, view.project!);
        return;
      }
      const keys = projectViews.get(view.id);
      if (keys) keys.push(key);
      else projectViews.set(view.id, [key]);
    } else {
      // the global declaration stands for the projects' views affected as near
      for (const other of projectViews.get(view.id) ?? []) {
        const known = found.get(other);
        if (known && known.depth >= depth) {
          found.delete(other);
          folded(view.id, known.project!);
        }
      }
    }
    const node = nodes.get(view.id);
    const owner =
      view.project === undefined || view.project === node?.project
        ? node?.owner
        : getServiceForProject(ctx.base, view.project, view.id)?.effectiveOwner;
    const project = view.project ?? null;
    found.set(
      key,
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
          const consumer: ConsumerView =
            project === undefined
              ? { id: edge.from }
              : { id: edge.from, project };
          // a consumer retired in base required nothing before the change
          if (!runningConsumer(ctx.base, consumer)) continue;
          reached.add(key);
          next.push(consumer);
          record(consumer, depth, provider.id);
        }
      }
    }
    frontier = next.sort(compareViews);
  }
  for (const [consumer, projects] of standsFor) {
    const global = found.get(consumer);
    if (global) global.overriddenIn = [...projects].sort();
  }
  const services = [...found.values()].sort(
    (a, b) =>
      a.depth - b.depth ||
      compareViews(
        { id: a.id, project: a.project ?? undefined },
        { id: b.id, project: b.project ?? undefined },
      ),
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
