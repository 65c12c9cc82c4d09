import { ServiceStatus, ServiceTier, SourcePosition } from '../model/types';

/**
 * A service of the dependency graph, with the attributes impact reports and rules need.
 *
 * @public
 */
export interface DependencyNode {
  /** The service id. */
  id: string;
  /** The declaring project; undefined for a global service. */
  project?: string;
  /** Owning team, as written: the service's own, or else its project's. */
  owner?: string;
  /** Lifecycle status. */
  status?: ServiceStatus;
  /** Effective tier (declared, or inherited from the project). */
  tier?: ServiceTier;
  /** Kind of service. */
  type?: string;
  /** Current version. */
  version?: string;
}

/**
 * A declared dependency: `from` requires (or optionally uses) `to`. The target may be missing
 * from the registry (see {@link DependencyGraph.nodes}).
 *
 * @public
 */
export interface DependencyEdge {
  /** The consumer. */
  from: string;
  /** The provider. */
  to: string;
  /** True for an entry of `dependencies.optional`. */
  optional: boolean;
  /** The semver range the consumer asks for, when given. */
  range?: string;
  /**
   * Where the dependency is written: the entry of the list, else the `dependencies.requires`
   * (or `optional`) key, else the `dependencies` table, else the service header.
   */
  position?: SourcePosition;
  /**
   * Set when only a project override of a global service declares this dependency: the project
   * whose view of the service needs it.
   */
  viaProject?: string;
  /**
   * Set on an edge of a declaration (no `viaProject`) when project overrides of the service do
   * not write this dependency (or write it with another kind or range): those projects, sorted.
   * Their views of the service lack it.
   */
  droppedBy?: string[];
}

/**
 * The dependency graph of a registry, with adjacency both ways. Edges to services no file
 * declares are kept (their target has no node), so that consumers of a missing service are known.
 *
 * @public
 */
export interface DependencyGraph {
  /** Every declared service, by id. */
  nodes: Map<string, DependencyNode>;
  /** Every dependency, in declaration order (services by id). */
  edges: DependencyEdge[];
  /** Edges leaving each service (what it depends on), keyed by consumer id. */
  outgoing: Map<string, DependencyEdge[]>;
  /** Edges entering each service id (who depends on it), keyed by provider id, declared or not. */
  incoming: Map<string, DependencyEdge[]>;
}

/**
 * Options of {@link computeImpact}.
 *
 * @public
 */
export interface ImpactOptions {
  /** Follow optional dependencies too (default false: only `requires`). */
  includeOptional?: boolean;
  /** Stop after this many hops (default: no limit). 1 gives the direct consumers only. */
  maxDepth?: number;
  /**
   * Walk only the edges this accepts (default: every edge), e.g. the dependencies a change keeps.
   * Called with each incoming edge considered, after the optional filter.
   */
  follow?: (edge: DependencyEdge) => boolean;
}

/**
 * A service affected by a change to another one.
 *
 * @public
 */
export interface ImpactedService {
  /** The affected service. */
  id: string;
  /** Minimum number of hops to the changed service (1 = depends on it directly). */
  depth: number;
  /** The affected service's project, or null for a global service. */
  project: string | null;
  /** The affected service's owner. */
  owner?: string;
  /** The service it depends on along a shortest path (the changed service at depth 1). */
  via: string;
  /**
   * For the global declaration of a service in the impact of a breaking change: the projects
   * whose overrides of it are affected too, which this entry stands for (sorted; absent when
   * none). Their overrides may declare another `repository` or `owner` to tell.
   */
  overriddenIn?: string[];
}

/**
 * The services of one project affected by a change (project null: the global services).
 *
 * @public
 */
export interface ImpactGroup {
  /** The project id, or null for global services. */
  project: string | null;
  /** Its affected services, by depth then id. */
  services: ImpactedService[];
}

/**
 * Everything that depends, directly or transitively, on a service.
 *
 * @public
 */
export interface ImpactReport {
  /** The changed service. */
  service: string;
  /** Whether the graph declares that service (a missing one can still have consumers). */
  declared: boolean;
  /** Every affected service, by depth then id (the service itself is never included). */
  services: ImpactedService[];
  /** The affected services grouped by project, projects by id, the global group (null) last. */
  byProject: ImpactGroup[];
  /** Ids of the affected projects, sorted (global services are not a project). */
  projects: string[];
  /** Counts. */
  counts: {
    /** Affected services. */
    services: number;
    /** Affected services at depth 1. */
    direct: number;
    /** Affected services at depth 2 or more. */
    transitive: number;
    /** Affected projects. */
    projects: number;
  };
  /** True when `maxDepth` stopped the walk while more consumers remained. */
  truncated: boolean;
}

/**
 * Who depends directly on a service, according to the graph.
 *
 * @public
 */
export interface ServiceConsumers {
  /** The provider. */
  service: string;
  /** Services that require it, sorted. */
  requiredBy: string[];
  /** Services that list it as optional (and do not also require it), sorted. */
  optionalFor: string[];
  /** Projects of the services that require it, sorted (global consumers belong to none). */
  projects: string[];
  /** Projects whose services only use it optionally, sorted. */
  optionalProjects: string[];
}
