import { DependencyEdge } from '../graph/types';
import { getServiceForProject } from '../model/getServiceForProject';
import {
  LoadedRegistry,
  RegistryFinding,
  RegistryService,
  SourcePosition,
} from '../model/types';
import { quoted } from './findings';
import { asOverrideFinding, findingKey, overrideViews } from './projectViews';
import { anyRetired, isRetired } from '../graph/runningGraphOf';
import { ValidationContext } from './types';

/**
 * Says whose declaration a provider is, when it is a project's override (the consumer's project
 * sees it instead of the global declaration): ` in project "pa"'s override`, else nothing.
 *
 * @param ctx - the validation context
 * @param provider - the provider of a {@link DependencyUse}
 */
export function overrideNote(
  ctx: ValidationContext,
  provider: RegistryService,
): string {
  return provider.project !== undefined &&
    ctx.registry.services.get(provider.id) !== provider
    ? ` in project ${quoted(provider.project)}'s override`
    : '';
}

/**
 * The consumer side of an edge, as findings need it: the declaring service, the project it is
 * declared for, the position of the entry and the list it sits in.
 */
export interface EdgeSite {
  /** The consumer service (global declaration for an override edge). */
  consumer: RegistryService;
  /** The finding's service and project. */
  about: { service: string; project?: string };
  /** The entry's position. */
  position: SourcePosition;
  /** `dependencies.requires` or `dependencies.optional`. */
  list: string;
}

/**
 * Resolves the consumer side of an edge.
 *
 * @param ctx - the validation context
 * @param edge - an edge of the graph
 */
export function edgeSite(
  ctx: ValidationContext,
  edge: DependencyEdge,
): EdgeSite {
  const consumer = ctx.registry.services.get(edge.from)!;
  const project = edge.viaProject ?? consumer.project;
  return {
    consumer,
    about:
      project === undefined
        ? { service: edge.from }
        : { service: edge.from, project },
    position: edge.position ?? consumer.source,
    list: edge.optional ? 'dependencies.optional' : 'dependencies.requires',
  };
}

/**
 * The project a dependency is declared for: the project of an override that declares it, else the
 * consumer's project (undefined for a global consumer).
 *
 * @param ctx - the validation context
 * @param edge - an edge of the graph
 */
export function consumerProject(
  ctx: ValidationContext,
  edge: DependencyEdge,
): string | undefined {
  return edge.viaProject ?? ctx.graph.nodes.get(edge.from)?.project;
}

/**
 * One dependency as its consumer sees it: the consumer (the project's view for an override), its
 * project, and the provider resolved to that project's view (see `getServiceForProject`).
 */
export interface DependencyUse {
  /** The edge of the graph; for an entry a project view inherits, the global declaration's edge. */
  edge: DependencyEdge;
  /** The consumer: the declaring service, or the project's view of an overridden one. */
  consumer: RegistryService;
  /** The consumer's project; undefined for a global consumer. */
  project?: string;
  /** The provider as the consumer's project sees it; undefined when no file declares it. */
  provider?: RegistryService;
}

/** An entry of a project view the view inherits from the global declaration. */
export interface InheritedUse extends DependencyUse {
  project: string;
  /** The same entry, as the global declaration uses it. */
  global: DependencyUse;
}

/**
 * An edge of the graph as its consumer sees it, resolved only as far as a check reads it (the
 * graph's edges are many and most checks stop at the edge itself). One object serves every edge.
 */
class EdgeUse implements DependencyUse {
  edge!: DependencyEdge;
  private resolved = false;
  private consumerValue!: RegistryService;
  private providerValue: RegistryService | undefined;
  private providerResolved = false;

  constructor(private readonly registry: LoadedRegistry) {}

  /** Points the object at another edge. */
  reset(edge: DependencyEdge): this {
    this.edge = edge;
    this.resolved = false;
    this.providerResolved = false;
    return this;
  }

  get project(): string | undefined {
    return this.edge.viaProject ?? this.consumer.project;
  }

  get consumer(): RegistryService {
    if (!this.resolved) {
      const { from, viaProject } = this.edge;
      this.consumerValue =
        (viaProject !== undefined
          ? this.registry.overrides.get(viaProject)?.get(from)
          : undefined) ?? this.registry.services.get(from)!;
      this.resolved = true;
    }
    return this.consumerValue;
  }

  get provider(): RegistryService | undefined {
    if (!this.providerResolved) {
      const { registry, edge } = this;
      // getServiceForProject, without the look-ups a registry without overrides does not need
      let view: RegistryService | undefined;
      if (registry.overrides.size > 0) {
        const project = this.project;
        if (project !== undefined) {
          view = registry.overrides.get(project)?.get(edge.to);
        }
      }
      this.providerValue = view ?? registry.services.get(edge.to);
      this.providerResolved = true;
    }
    return this.providerValue;
  }
}

function useOf(ctx: ValidationContext, edge: DependencyEdge): DependencyUse {
  const use = new EdgeUse(ctx.registry).reset(edge);
  return {
    edge,
    consumer: use.consumer,
    project: use.project,
    provider: use.provider,
  };
}

const inheritedByRegistry = new WeakMap<LoadedRegistry, InheritedUse[]>();

/**
 * The entries project views inherit from the global declaration (the graph has one edge for
 * them, the global one), used as the project sees them: by the view, with the providers of its
 * project. Listed once per registry, from the overridden services only. A retired view consumes
 * nothing (see {@link isRetired}): its entries are not listed, whether or not the global
 * declaration is retired.
 *
 * @param ctx - the validation context
 */
export function inheritedUses(ctx: ValidationContext): InheritedUse[] {
  let list = inheritedByRegistry.get(ctx.registry);
  if (list) return list;
  list = [];
  for (const { project, view, global } of overrideViews(ctx)) {
    if (isRetired(view)) continue;
    const edges = ctx.graph.outgoing.get(global.id) ?? [];
    for (const ref of [
      ...view.dependencies.requires,
      ...view.dependencies.optional,
    ]) {
      const same = (e: DependencyEdge) =>
        e.to === ref.service &&
        e.optional === ref.optional &&
        e.range === ref.range;
      // an entry the override adds has its own edge (viaProject); the others are inherited
      if (edges.some(e => e.viaProject === project && same(e))) continue;
      const edge = edges.find(e => e.viaProject === undefined && same(e));
      if (!edge) continue;
      list.push({
        edge,
        consumer: view,
        project,
        provider: getServiceForProject(ctx.registry, project, ref.service),
        global: useOf(ctx, edge),
      });
    }
  }
  inheritedByRegistry.set(ctx.registry, list);
  return list;
}

/**
 * Runs a check of one dependency on every edge of the graph, each as its consumer sees it (see
 * {@link DependencyUse}), then on the entries project views inherit: those add only what the
 * project's view changes (a finding the global declaration's entry raises too is not repeated),
 * reported at the consumer's override. Retired consumers consume nothing (see
 * {@link isRetired}): the dependencies of a retired consumer, as its project sees it, are not
 * checked. So a project whose override retires a global service drops its dependencies from that
 * project's view only, and a global service retired but kept running by a project's override has
 * its dependencies checked in that project's view (reported at the override).
 *
 * @param ctx - the validation context
 * @param check - the finding about one dependency, if any (it must not keep the use it is given);
 *   never called with a retired consumer
 */
export function checkDependencies(
  ctx: ValidationContext,
  check: (use: DependencyUse) => RegistryFinding | undefined,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  // a registry without retired services (the common case) needs no consumer resolved for this
  const checkRunning = anyRetired(ctx.registry)
    ? (use: DependencyUse) => (isRetired(use.consumer) ? undefined : check(use))
    : check;
  // one object for every edge: checks read it, never keep it
  const use = new EdgeUse(ctx.registry);
  for (const edge of ctx.graph.edges) {
    const finding = checkRunning(use.reset(edge));
    if (finding) findings.push(finding);
  }
  for (const inherited of inheritedUses(ctx)) {
    const finding = checkRunning(inherited);
    if (!finding) continue;
    const global = checkRunning(inherited.global);
    if (global && findingKey(global) === findingKey(finding)) continue;
    findings.push(
      asOverrideFinding(finding, inherited.consumer, inherited.project),
    );
  }
  return findings;
}
