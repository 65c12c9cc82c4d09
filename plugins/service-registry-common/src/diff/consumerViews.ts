import { DependencyEdge, DependencyGraph } from '../graph/types';
import { getServiceForProject } from '../model/getServiceForProject';
import { DependencyRef, LoadedRegistry, RegistryService } from '../model/types';
import { isRetired } from '../graph/runningGraphOf';

/**
 * A consumer as one project sees it: a service declaration, or a project's view of an overridden
 * global service. `project` is the project it is used in: undefined for the global declaration
 * of a global service, the project of a project's own service, the overriding project for a
 * project's view of a global service. The consumer resolves what it depends on to that
 * project's view (see `getServiceForProject`).
 */
export interface ConsumerView {
  /** The consuming service. */
  id: string;
  /** The project it is used in; undefined for the global declaration. */
  project?: string;
}

/** The projects of a dependency only the global declaration of a consumer has (shared). */
const GLOBAL_ONLY: ReadonlyArray<string | undefined> = Object.freeze([
  undefined,
]);

/**
 * The projects a dependency of a graph is used in (see {@link ConsumerView}): the project of an
 * override that alone declares it, else the consumer's own project; for a global consumer, the
 * global declaration (undefined) and each project whose override keeps the entry as written
 * (the graph has one edge for both, the global one).
 *
 * @param registry - the registry of the graph
 * @param graph - the graph of the edge
 * @param edge - the edge
 */
export function edgeProjects(
  registry: LoadedRegistry,
  graph: DependencyGraph,
  edge: DependencyEdge,
): ReadonlyArray<string | undefined> {
  if (edge.viaProject !== undefined) return [edge.viaProject];
  const own = graph.nodes.get(edge.from)?.project;
  if (own !== undefined) return [own];
  const overriddenBy = registry.services.get(edge.from)?.overriddenBy;
  if (!overriddenBy || overriddenBy.length === 0) return GLOBAL_ONLY;
  const projects: Array<string | undefined> = [undefined];
  for (const project of overriddenBy) {
    const view = registry.overrides.get(project)?.get(edge.from);
    const entries = edge.optional
      ? view?.dependencies.optional
      : view?.dependencies.requires;
    if (entries?.some(r => r.service === edge.to && r.range === edge.range)) {
      projects.push(project);
    }
  }
  return projects;
}

/**
 * The project whose view of a service a consumer used in `project` resolves it to: the project of
 * a project's own service; for a global service, `project` when it overrides it, else undefined
 * (the global declaration).
 *
 * @param registry - the registry
 * @param project - the consumer's project (see {@link ConsumerView})
 * @param id - the service depended on
 */
export function resolvedProject(
  registry: LoadedRegistry,
  project: string | undefined,
  id: string,
): string | undefined {
  const own = registry.services.get(id)?.project;
  if (own !== undefined) return own;
  if (project === undefined) return undefined;
  return registry.overrides.get(project)?.has(id) ? project : undefined;
}

/**
 * A consumer as its project sees it in a registry, when it runs there: undefined when it is not
 * declared, or is retired (a retired service consumes nothing, see `isRetired`; a project whose
 * override retires a global service retires that project's view only).
 *
 * @param registry - the registry
 * @param consumer - the consumer and its project
 */
export function runningConsumer(
  registry: LoadedRegistry,
  consumer: ConsumerView,
): RegistryService | undefined {
  const service = getServiceForProject(registry, consumer.project, consumer.id);
  return isRetired(service) ? undefined : service;
}

/**
 * How a consumer, as its project sees it, depends on a service in a registry: its entries in
 * `dependencies.requires` and in `dependencies.optional` (empty when it does not, is not
 * declared, or is retired: see {@link runningConsumer}).
 *
 * @param registry - the registry
 * @param consumer - the consumer and its project
 * @param id - the service depended on
 */
export function entriesOn(
  registry: LoadedRegistry,
  consumer: ConsumerView,
  id: string,
): { requires: DependencyRef[]; optional: DependencyRef[] } {
  const service = runningConsumer(registry, consumer);
  if (!service) return { requires: [], optional: [] };
  return {
    requires: service.dependencies.requires.filter(r => r.service === id),
    optional: service.dependencies.optional.filter(r => r.service === id),
  };
}

/**
 * Whether a consumer, as its project sees it, requires a service in a registry (an entry of its
 * `dependencies.requires`); never when it is retired (see {@link runningConsumer}).
 *
 * @param registry - the registry
 * @param consumer - the consumer's id
 * @param project - the project it is used in (see {@link ConsumerView})
 * @param id - the service depended on
 */
export function requiresIn(
  registry: LoadedRegistry,
  consumer: string,
  project: string | undefined,
  id: string,
): boolean {
  const service = runningConsumer(
    registry,
    project === undefined ? { id: consumer } : { id: consumer, project },
  );
  return service?.dependencies.requires.some(r => r.service === id) ?? false;
}

/**
 * A key of a consumer view, for sets and maps.
 *
 * @param view - the consumer view
 */
export function viewKey(view: ConsumerView): string {
  return `${view.id}\u0000${view.project ?? ''}`;
}

/**
 * The consumers of a service in a registry, each as each project that uses it sees it (see
 * {@link edgeProjects}), with the edge it comes from; the service itself is left out, and so are
 * the retired consumers (see {@link runningConsumer}): a project whose override retires a global
 * consumer leaves out that project's view only.
 *
 * @param registry - the registry
 * @param graph - its dependency graph
 * @param id - the service depended on
 */
export function consumerViewsOf(
  registry: LoadedRegistry,
  graph: DependencyGraph,
  id: string,
): Array<ConsumerView & { edge: DependencyEdge }> {
  const views: Array<ConsumerView & { edge: DependencyEdge }> = [];
  for (const edge of graph.incoming.get(id) ?? []) {
    if (edge.from === id) continue;
    for (const project of edgeProjects(registry, graph, edge)) {
      const view: ConsumerView =
        project === undefined ? { id: edge.from } : { id: edge.from, project };
      if (runningConsumer(registry, view)) views.push({ ...view, edge });
    }
  }
  return views;
}
