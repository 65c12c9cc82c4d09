import { ServiceStatus, ServiceTier } from '../model/types';
import { SlaComplianceCounts } from '../sla/types';

/**
 * The project id that stands for the global services (`services/catalog.toml`) in
 * {@link buildProjectSummary} and `GET /api/service-registry/projects/:project/summary`.
 *
 * A project id is the name of its folder under `projects/`, and `global` is a valid one
 * (`projects/global/`), so the global services need an id no project can have: a colon is outside
 * the project id pattern (1 to 63 lowercase letters, digits or `-`; a folder named otherwise is
 * reported as `schema/invalid-id`) and is not allowed in a catalog entity name either, so no
 * project of the registry, and no System of the catalog, is named `:global`.
 *
 * @public
 */
export const GLOBAL_PROJECT_ID = ':global';

/**
 * Findings counted by severity.
 *
 * @public
 */
export interface ProjectSummaryFindingCounts {
  /** Findings of severity `error`. */
  errors: number;
  /** Findings of severity `warning`. */
  warnings: number;
  /** Findings of severity `info`. */
  infos: number;
}

/**
 * What the registry declares for a project (`[project]` or `[project-specific.<id>]`).
 *
 * @public
 */
export interface ProjectSummaryFacts {
  /** The project id (its folder name); null for the global services. */
  id: string | null;
  /** Display name (the id when the project declares none; `Global services` for the global services). */
  name: string;
  /** Free text description. */
  description?: string;
  /** Owning team, as written. */
  owner?: string;
  /** The project's tier, inherited by its services that declare none. */
  tier?: ServiceTier;
  /** Environment, e.g. `production`. */
  environment?: string;
}

/**
 * One service of a project, as the project page lists it.
 *
 * @public
 */
export interface ProjectSummaryService {
  /** The service id. */
  id: string;
  /** Display name. */
  name: string;
  /** Lifecycle status. */
  status?: ServiceStatus;
  /** Current version. */
  version?: string;
  /** The tier the service declares itself. */
  tier?: ServiceTier;
  /** The declared tier, or else the project's. */
  effectiveTier?: ServiceTier;
  /** Owning team, as written. */
  owner?: string;
  /** Port. */
  port?: number;
  /** How many findings the registry's validation has about the service, by severity. */
  findings: ProjectSummaryFindingCounts;
  /**
   * The deprecated or retired services it depends on (required or optional), as its project sees
   * them (its overrides included), sorted; empty when there is none.
   */
  deprecatedDependencies: string[];
  /** For a global service: the projects that override it. */
  overriddenBy: string[];
}

/**
 * A global service a project overrides in its `services.toml`.
 *
 * @public
 */
export interface ProjectSummaryOverride {
  /** The global service's id. */
  id: string;
  /** Its display name, as the project sees it. */
  name: string;
  /** The top-level fields the override writes (`port`, `metadata`, …), sorted. */
  fields: string[];
  /**
   * The global service's lifecycle status, as its own declaration says it (the status the catalog
   * follows, whatever the override writes: a `retired` service has no catalog page, so a reader
   * writes it as text). Absent when it declares none.
   */
  status?: ServiceStatus;
}

/**
 * One service on the other side of a project's dependencies: the provider, and the consumers that
 * use it.
 *
 * @public
 */
export interface ProjectSummaryLinkedService {
  /** The provider. */
  service: string;
  /**
   * The provider's lifecycle status, as its own declaration says it (the status the catalog
   * follows: a `retired` provider has no catalog page, so a reader writes it as text). Absent when
   * it declares none. Every provider listed is declared: dependencies on services no file declares
   * are left out.
   */
  status?: ServiceStatus;
  /** The consumers that require it, sorted. */
  requiredBy: string[];
  /** The consumers that use it optionally only, sorted. */
  optionalFor: string[];
}

/**
 * The dependencies between a project and one other project (or the global services), in one
 * direction.
 *
 * @public
 */
export interface ProjectSummaryLink {
  /** The other project's id; null for the global services. */
  project: string | null;
  /** The other project's display name. */
  name?: string;
  /** The providers of the dependencies, by id. */
  services: ProjectSummaryLinkedService[];
  /** How many dependency edges (a consumer's entry for a provider) go this way. */
  edges: number;
  /** How many of them are required (`dependencies.requires`). */
  required: number;
  /** How many of them are optional (`dependencies.optional`). */
  optional: number;
}

/**
 * Body of `GET /api/service-registry/projects/:project/summary`: what the registry knows about one
 * project (or, for {@link GLOBAL_PROJECT_ID}, about the global services): its facts, its services,
 * the global services it overrides, its dependencies on other projects and on the global services,
 * its consumers in other projects, its findings and the SLA compliance of its services. It holds no
 * table as written, and its values pass through `hideSecretValues`.
 *
 * @public
 */
export interface ProjectSummaryResponse {
  /** The registry (catalog provider) id. */
  registry: string;
  /** The project's facts. */
  project: ProjectSummaryFacts;
  /** Where the project is declared (`services/catalog.toml` for the global services). */
  source: {
    /** File relative to the registry root. */
    file: string;
    /** 1-based line of the declaration. */
    line: number;
    /** The line's page, for a registry read from a URL (see `findingLink`). */
    url?: string;
  };
  /** The project's own services (overrides of global services are in `overrides`), by id. */
  services: ProjectSummaryService[];
  /** The global services the project overrides, by id (none for the global services). */
  overrides: ProjectSummaryOverride[];
  /**
   * What the project's services (and its overrides) depend on in other projects and among the
   * global services: one entry per other project, by id, the global services (null) last.
   * Dependencies inside the project and on services no file declares are left out.
   */
  dependencies: ProjectSummaryLink[];
  /**
   * The services of other projects (and global services) that depend on the project's services:
   * one entry per consuming project, by id, the global consumers (null) last.
   */
  consumers: ProjectSummaryLink[];
  /**
   * Findings of the project counted by severity: those that name the project, or are about one of
   * its services (for the global services: those that name no project and are about a global
   * service or in `services/catalog.toml`).
   */
  findings: ProjectSummaryFindingCounts;
  /** SLA compliance of its services that are not retired (as on the SLA overview). */
  sla: SlaComplianceCounts;
}
