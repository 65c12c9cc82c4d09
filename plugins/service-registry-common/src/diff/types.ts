import { DependencyGraph, ImpactReport } from '../graph/types';
import { LoadedRegistry, SourcePosition } from '../model/types';

/**
 * Options of {@link diffRegistries}.
 *
 * @public
 */
export interface DiffOptions {
  /** The day notice periods are measured to, `YYYY-MM-DD` (default: today, UTC). */
  today?: string;
}

/**
 * One changed field of a service. Values are JSON-safe (TOML dates become `YYYY-MM-DD`);
 * values of secret-looking keys are replaced by `"(hidden)"`. `before` is absent for an added
 * field, `after` for a removed one.
 *
 * @public
 */
export interface FieldChange {
  /** Dotted path relative to the service (`sla.availability`, `dependencies.requires`). */
  path: string;
  /** The value in base. */
  before?: unknown;
  /** The value in head. */
  after?: unknown;
}

/**
 * The field changes of a service present in both registries, or of a project's view of a global
 * service it overrides (`override`: the global declaration merged with the project's override).
 *
 * @public
 */
export interface ServiceChange {
  /** The service. */
  service: string;
  /** Its project in head, if any; for an override, the project whose view changed. */
  project?: string;
  /**
   * True for a change of a project's view of an overridden global service: only the changes the
   * global declaration does not make too (those are listed once, on the global service).
   */
  override?: boolean;
  /** The changed fields, by path. */
  changes: FieldChange[];
}

/**
 * Kinds of breaking change.
 *
 * - `service-removed`: a service other services require was removed.
 * - `service-retired`: a service other services require became retired.
 * - `port-changed`: the port changed (or was removed).
 * - `major-version-bump`: the major version went up (the minor one, for 0.x versions).
 * - `compat-min-raised`: `compat_version_min` was raised past what a consumer's range asks for.
 * - `dependency-removed`: a service no longer requires a service it required (the consumer side).
 * - `notice-not-honoured`: a breaking change to a service whose `governance.break_changes_notice`
 *   days have not passed since its `deprecation_date` (or that announced none).
 *
 * @public
 */
export type BreakingChangeKind =
  | 'service-removed'
  | 'service-retired'
  | 'port-changed'
  | 'major-version-bump'
  | 'compat-min-raised'
  | 'dependency-removed'
  | 'notice-not-honoured';

/**
 * A breaking change, with what it affects (computed on the base graph: who depended on the
 * service before the change and still does after it) and who must approve it. A breaking change
 * to a project's view of an overridden global service (the override changed) names that project
 * and affects the consumers in that project only.
 *
 * @public
 */
export interface BreakingChange {
  /** What kind of change. */
  kind: BreakingChangeKind;
  /** The changed service. */
  service: string;
  /**
   * The service's project (in head, else in base), if any; for a change of a project's view of an
   * overridden global service, that project.
   */
  project?: string;
  /** True for a breaking change of a project's view of an overridden global service. */
  override?: boolean;
  /** What changed, who it breaks and what to do. */
  message: string;
  /**
   * Where the change is, in head (in base for a removed service); for a project's view, in the
   * project's override (its header when the changed key is not written there).
   */
  position: SourcePosition;
  /** For `compat-min-raised` and `dependency-removed`: the services at the other end. */
  related?: string[];
  /**
   * Everything that depended on the service in base and still does in head (a consumer that drops
   * the dependency, or is removed, in the same change is not affected); for a project's view, its
   * consumers in that project and what depends on them.
   */
  impact: ImpactReport;
  /** The affected projects (from `impact`). */
  affectedProjects: string[];
  /**
   * Who must approve: the service's `governance.approvers`, the policies'
   * `change_control.breaking_changes_require`, then the owners of the affected projects and
   * services; each once.
   */
  approvers: string[];
}

/**
 * The breaking changes of one service, summed up.
 *
 * @public
 */
export interface ServiceImpactSummary {
  /** The service. */
  service: string;
  /** The kinds of its breaking changes, each once. */
  kinds: BreakingChangeKind[];
  /** Services affected directly or transitively. */
  affectedServices: number;
  /** Services depending on it directly. */
  directConsumers: number;
  /** The affected projects. */
  affectedProjects: string[];
  /** Everyone who must approve. */
  approvers: string[];
}

/**
 * The differences between two versions of a registry.
 *
 * @public
 */
export interface RegistryDiff {
  /** Ids of the services only head declares, sorted. */
  added: string[];
  /** Ids of the services only base declares, sorted. */
  removed: string[];
  /** Services whose fields changed, by id. */
  changed: ServiceChange[];
  /** The breaking changes, by service then kind. */
  breakingChanges: BreakingChange[];
  /** One summary per service with breaking changes, by id. */
  impactByService: ServiceImpactSummary[];
}

/**
 * What the breaking change detectors read.
 *
 * @public
 */
export interface DiffContext {
  /** The registry before. */
  base: LoadedRegistry;
  /** The registry after. */
  head: LoadedRegistry;
  /** The dependency graph of base. */
  baseGraph: DependencyGraph;
  /** The dependency graph of head. */
  headGraph: DependencyGraph;
  /** `YYYY-MM-DD`. */
  today: string;
  /**
   * Which declarations the detectors compare, and whose consumers count (default: the services
   * of `base` and `head` as declared, every consumer).
   */
  scope?: DiffScope;
}

/**
 * What a breaking change detector compares: the global declarations (or project services) as
 * declared, or one project's view of an overridden global service.
 *
 * @public
 */
export interface DiffScope {
  /** The project whose view of the service is compared; undefined for the declarations themselves. */
  project?: string;
  /**
   * Whether a consumer declared for a project (undefined: a global consumer) sees the change of
   * this kind the comparison finds, i.e. resolves the service to the compared declaration.
   */
  affects(
    consumerProject: string | undefined,
    kind: BreakingChangeKind,
  ): boolean;
}

/**
 * A breaking change as a detector finds it, before impact and approvers are added.
 *
 * @public
 */
export type BreakingChangeDraft = Pick<
  BreakingChange,
  'kind' | 'service' | 'message' | 'position' | 'related'
>;

/**
 * Finds one kind of breaking change for one service id (present in base, head or both).
 *
 * @public
 */
export type BreakingChangeDetector = (
  ctx: DiffContext,
  id: string,
) => BreakingChangeDraft[];
