/* The response of the service-registry backend's `GET /graph`, shared by the backend and the UI. */

/**
 * A service of the registry graph, as served by `GET /api/service-registry/graph`.
 *
 * @public
 */
export interface RegistryGraphNode {
  /** The service id (also the name of its catalog Component). */
  id: string;
  /** Display name. */
  name: string;
  /** False for a service that something depends on but no registry file declares. */
  declared: boolean;
  /** The declaring project, or null for a global service (and for missing ones). */
  project: string | null;
  /** Owning team, as written in the registry: the service's own, or else its project's. */
  owner?: string;
  /** Lifecycle status: development, beta, ga, maintenance, deprecated, retired. */
  status?: string;
  /** Effective tier: critical, high, medium, low. */
  tier?: string;
  /** Kind of service (microservice, web, api, ...). */
  type?: string;
  /** Current version. */
  version?: string;
  /** Deprecation date, `YYYY-MM-DD`. */
  deprecationDate?: string;
  /** Sunset date, `YYYY-MM-DD`. */
  sunsetDate?: string;
  /** Id of the replacing service. */
  replacement?: string;
  /** Where the service is declared. */
  source?: { file: string; line: number };
}

/**
 * A dependency of the registry graph: `from` depends on `to`.
 *
 * @public
 */
export interface RegistryGraphEdge {
  /** The consumer. */
  from: string;
  /** The provider. */
  to: string;
  /** True for an optional dependency. */
  optional: boolean;
  /** The semver range the consumer asks for, when given. */
  range?: string;
}

/**
 * A project of the registry.
 *
 * @public
 */
export interface RegistryGraphProject {
  /** The project id (its directory name). */
  id: string;
  /** Display name. */
  name?: string;
  /** Owning team. */
  owner?: string;
  /** Tier of the project. */
  tier?: string;
}

/**
 * The whole dependency graph of one registry.
 *
 * @public
 */
export interface RegistryGraph {
  /** The registry (catalog provider) id. */
  registry: string;
  /** When the snapshot was taken. */
  updatedAt: string;
  /** Health of the snapshot. */
  state: 'ok' | 'degraded' | 'blocked' | string;
  /** Every service, declared ones first, then missing ones. */
  nodes: RegistryGraphNode[];
  /** Every dependency. */
  edges: RegistryGraphEdge[];
  /** Dependency cycles, each a closed path (`['a', 'b', 'a']`). */
  cycles: string[][];
  /** The projects of the registry. */
  projects: RegistryGraphProject[];
}
