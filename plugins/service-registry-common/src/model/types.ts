/**
 * One TOML file of the registry, as handed to {@link loadRegistry}.
 *
 * @public
 */
export interface RegistryFileInput {
  /** Path relative to the registry root, with forward slashes, e.g. `services/catalog.toml`. */
  path: string;
  /** The file's text (a UTF-8 BOM and CRLF line endings are accepted). */
  text: string;
  /**
   * Set by a reader whose file's bytes are not valid UTF-8 (TOML files must be): where the first
   * invalid byte is (`text` then holds U+FFFD in its place). The loader reports the file as not
   * valid TOML there and ignores it, as for a syntax error.
   */
  notUtf8?: {
    /** 1-based line of the first invalid byte. */
    line: number;
    /** 1-based column (UTF-16 code units of the valid text before it, plus one). */
    column: number;
    /** The byte's value, 0 to 255. */
    byte: number;
  };
  /**
   * Set by a reader that did not read the file because it is larger than its limit (see
   * `RegistryReadOptions.maxFileBytes` and `tooLargeRegistryFile`; `text` is then a placeholder).
   * The loader reports the file as `toml/file-too-large`, with its size and the limit, and
   * ignores it, as for a syntax error (it is one of `LoadedRegistry.failedFiles`).
   */
  tooLarge?: {
    /** The file's size in bytes. */
    bytes: number;
    /** The reader's limit in bytes, which the size is above. */
    limit: number;
  };
}

export {
  DEFAULT_MAX_REGISTRY_FILE_BYTES,
  MAX_REGISTRY_FILE_BYTES_LIMIT,
  tooLargeRegistryFile,
} from './registryFileSize';
export type { RegistryReadOptions } from './registryFileSize';

/**
 * A place in a registry file. Line and column are 1-based; the column counts UTF-16 code units,
 * like the TOML parser and most editors.
 *
 * @public
 */
export interface SourcePosition {
  /** Path of the file relative to the registry root. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column of the first character of the key or header. */
  column: number;
}

/**
 * Lifecycle status of a service (the lifecycle of the management strategy).
 *
 * @public
 */
export type ServiceStatus =
  | 'development'
  | 'beta'
  | 'ga'
  | 'maintenance'
  | 'deprecated'
  | 'retired';

/**
 * All service statuses, in lifecycle order.
 *
 * @public
 */
export const SERVICE_STATUSES: readonly ServiceStatus[] = [
  'development',
  'beta',
  'ga',
  'maintenance',
  'deprecated',
  'retired',
];

/**
 * Criticality tier of a service or a project.
 *
 * @public
 */
export type ServiceTier = 'critical' | 'high' | 'medium' | 'low';

/**
 * All tiers, from the most to the least critical.
 *
 * @public
 */
export const SERVICE_TIERS: readonly ServiceTier[] = [
  'critical',
  'high',
  'medium',
  'low',
];

/**
 * Declared difficulty of migrating off a deprecated service.
 *
 * @public
 */
export type MigrationDifficulty = 'easy' | 'moderate' | 'hard';

/**
 * All migration difficulties.
 *
 * @public
 */
export const MIGRATION_DIFFICULTIES: readonly MigrationDifficulty[] = [
  'easy',
  'moderate',
  'hard',
];

/**
 * One entry of `dependencies.requires` or `dependencies.optional`: `"id"`, `"id@^1.0"` or
 * `{ service = "id", version = ">=1.0.0" }`.
 *
 * @public
 */
export interface DependencyRef {
  /** Id of the service depended on. */
  service: string;
  /** Semver range the provider's version must satisfy, when given. */
  range?: string;
  /** The entry as written: the string itself, or the inline table rendered as TOML. */
  raw: string;
  /**
   * Where the entry is written, when known. May be computed when first read (an enumerable
   * getter that keeps its value): reading it can scan the file for its key positions.
   */
  position?: SourcePosition;
  /** True for entries of `dependencies.optional`. */
  optional: boolean;
}

/**
 * Service-level values, normalised to numbers: percentages as numbers (`"99.9%"` is `99.9`) and
 * durations in milliseconds (`"1.5s"` is `1500`). The values as written stay in `raw`.
 *
 * @public
 */
export interface SlaValues {
  /** Availability in percent. */
  availability?: number;
  /** Median response time in milliseconds. */
  responseTimeP50Ms?: number;
  /** 95th percentile response time in milliseconds. */
  responseTimeP95Ms?: number;
  /** 99th percentile response time in milliseconds. */
  responseTimeP99Ms?: number;
  /** Error rate in percent. */
  errorRate?: number;
  /** How breaking situations are handled, e.g. `graceful`. */
  breakHandling?: string;
  /** Support hours, e.g. `24/7` or `business`. */
  supportHours?: string;
  /** Recovery time objective in milliseconds. */
  rtoMs?: number;
  /** Recovery point objective in milliseconds. */
  rpoMs?: number;
  /** The table as written. */
  raw: Record<string, unknown>;
}

/**
 * The `governance` sub-table of a service.
 *
 * @public
 */
export interface ServiceGovernance {
  /** Who must approve changes, e.g. `@platform-team`. */
  approvers: string[];
  /** Link to the change log. */
  changeLog?: string;
  /** Days of notice before a breaking change. */
  breakChangesNotice?: number;
}

/**
 * The `migration` sub-table of a (deprecated) service.
 *
 * @public
 */
export interface ServiceMigration {
  /** Link to the migration guide. */
  guideUrl?: string;
  /** Date (`YYYY-MM-DD`) until which the old service is supported. */
  supportUntil?: string;
  /** Declared difficulty. */
  migrationDifficulty?: MigrationDifficulty;
  /** Estimated effort in hours. */
  estimatedEffortHours?: number;
}

/**
 * One release of `services/versions.toml` (`[[service.<id>.release]]`).
 *
 * @public
 */
export interface ServiceRelease {
  /** The released version, when it is valid semver. */
  version?: string;
  /** Release date (`YYYY-MM-DD`), when valid. */
  date?: string;
  /** The release table as written. */
  raw: Record<string, unknown>;
  /** The `[[service.<id>.release]]` header. Computed when first read, like {@link RegistryService.positions}. */
  source: SourcePosition;
}

/**
 * Monitoring of a service declared in a project's `monitoring.toml`
 * (`[service.<id>.metrics]`, `[service.<id>.alerts]`).
 *
 * @public
 */
export interface ServiceMonitoring {
  /** The project whose `monitoring.toml` declares it. */
  project: string;
  /** The `metrics` table as written. */
  metrics?: Record<string, unknown>;
  /** The `alerts` table as written. */
  alerts?: Record<string, unknown>;
  /** The whole `[service.<id>]` table of the monitoring file. */
  raw: Record<string, unknown>;
  /** The first header of this service in the monitoring file. */
  source: SourcePosition;
  /**
   * Position of each key below `[service.<id>]` in the monitoring file, by dotted path relative
   * to it (`metrics.availability_threshold`). Computed when first read, like
   * {@link RegistryService.positions}; absent on monitoring not made by `loadRegistry`.
   */
  positions?: Record<string, SourcePosition>;
}

/**
 * A service of the registry, typed. Invalid values are left out of the typed fields (and
 * reported as findings) but kept in `raw`.
 *
 * @public
 */
export interface RegistryService {
  /** The id (`[service.<id>]`). */
  id: string;
  /** Display name; defaults to the id. */
  name: string;
  /** Free text description. */
  description?: string;
  /** Kind of service: microservice, web, api, worker, database, ... */
  type?: string;
  /** Owning team, as written (a leading `@` is allowed). */
  owner?: string;
  /**
   * The declared owner, or else the owner of the service's project (as written): the team the
   * catalog shows as the service's owner, and the one the portal's owner filters match.
   */
  effectiveOwner?: string;
  /** Current version (valid semver). */
  version?: string;
  /** Lifecycle status. */
  status?: ServiceStatus;
  /** The tier declared by the service itself. */
  tier?: ServiceTier;
  /** The declared tier, or else the tier of the service's project. */
  effectiveTier?: ServiceTier;
  /** Port, 1 to 65535. */
  port?: number;
  /** Tags. */
  tags: string[];
  /** Source repository URL. */
  repository?: string;
  /** Oldest version still compatible (`compat_version_min`). */
  compatVersionMin?: string;
  /** Versions it stays compatible with (`compat_with`). */
  compatWith: string[];
  /** Deprecation date, `YYYY-MM-DD`. */
  deprecationDate?: string;
  /** Sunset date, `YYYY-MM-DD`. */
  sunsetDate?: string;
  /** Id of the successor of a deprecated service. */
  replacementService?: string;
  /** Declared dependencies. */
  dependencies: { requires: DependencyRef[]; optional: DependencyRef[] };
  /** Consumers as declared by the owner (the truth is computed from the dependency graph). */
  consumers: { projects: string[]; requiredBy: string[] };
  /** Change governance. */
  governance?: ServiceGovernance;
  /** Migration guidance. */
  migration?: ServiceMigration;
  /** Declared service level. */
  sla?: SlaValues;
  /** Free runtime hints for generators (`min_memory_mb`, `cpu`, `replicas`, ...). */
  metadata: Record<string, unknown>;
  /** Id of the project that declares the service; undefined for a global service. */
  project?: string;
  /** The `[service.<id>]` header (of the project file, for a project override view). */
  source: SourcePosition;
  /**
   * Position of each key, keyed by dotted path relative to the service (`port`,
   * `sla.availability`, `dependencies.requires.0`). Computed when first read (an enumerable
   * getter that keeps its value; assigning replaces it): the first read scans the file's key
   * positions once, for all the records of that file, and keeps them compactly in the file's
   * index; each service's object is made when its own `positions` is first read.
   */
  positions: Record<string, SourcePosition>;
  /** Files that contributed, the global catalog first, then the project override. */
  definedIn: string[];
  /** The merged table as written. */
  raw: Record<string, unknown>;
  /** Releases from `services/versions.toml`, in file order. */
  releases: ServiceRelease[];
  /** Monitoring declared by projects' `monitoring.toml` files. */
  monitoring: ServiceMonitoring[];
  /** For a global service: the ids of the projects that override it (see {@link LoadedRegistry.overrides}). */
  overriddenBy: string[];
}

/**
 * A project's `deployment.toml`, kept as written.
 *
 * @public
 */
export interface ProjectDeployment {
  /** The whole file as a table. */
  raw: Record<string, unknown>;
  /** Positions of every key, by dotted path from the file root. Computed when first read, like {@link RegistryService.positions}. */
  positions: Record<string, SourcePosition>;
  /** The file. */
  file: string;
}

/**
 * A project's `monitoring.toml` settings (`[monitoring.<project>]`), kept as written.
 *
 * @public
 */
export interface ProjectMonitoring {
  /** The `[monitoring.<project>]` table. */
  settings: Record<string, unknown>;
  /** The whole file as a table. */
  raw: Record<string, unknown>;
  /** The file. */
  file: string;
}

/**
 * A project of the registry (`projects/<id>/`).
 *
 * @public
 */
export interface RegistryProject {
  /** The directory name. */
  id: string;
  /** Display name; defaults to the id. */
  name: string;
  /** Free text description. */
  description?: string;
  /** Environment, e.g. `production`. */
  environment?: string;
  /** Tier, inherited by the project's services that declare none. */
  tier?: ServiceTier;
  /** Owning team. */
  owner?: string;
  /** The `[project]` or `[project-specific.<id>]` header, or the start of the first file of the project when it declares none. */
  source: SourcePosition;
  /** Position of each key of the declaration, by dotted path relative to it. Computed when first read, like {@link RegistryService.positions}. */
  positions: Record<string, SourcePosition>;
  /** The declaration table as written. */
  raw: Record<string, unknown>;
  /** Ids of the services declared in the project's `services.toml`, overrides included. */
  services: string[];
  /** The project's `deployment.toml`. */
  deployment?: ProjectDeployment;
  /** The project's `monitoring.toml`. */
  monitoring?: ProjectMonitoring;
}

/**
 * Minimum service level of a tier (`[sla.<tier>]` of the policies).
 *
 * @public
 */
export interface SlaPolicy extends SlaValues {
  /** The tier. */
  tier: ServiceTier;
  /** The `[sla.<tier>]` header. */
  source: SourcePosition;
}

/**
 * Who must approve which kind of change (`[change_control]`).
 *
 * @public
 */
export interface ChangeControlPolicy {
  /** Approvers of breaking changes. */
  breakingChangesRequire: string[];
  /** Approvers of version bumps. */
  versionBumpsRequire: string[];
  /** Approvers of configuration changes. */
  configChangesRequire: string[];
  /**
   * Days a deprecated service stays up for its consumers to migrate (`migration_window_days`):
   * the least time from `deprecation_date` to `sunset_date`. Undefined when not set (or not a
   * whole number of at least 1): validation then uses the lifecycle's 6 calendar months.
   */
  migrationWindowDays?: number;
  /**
   * Days of notice a beta service's consumers get before a breaking change
   * (`beta_change_notice_days`; 0: none), for a beta service whose `governance.break_changes_notice`
   * does not say. Undefined when not set (or not a whole number of at least 0): the diff then uses
   * the lifecycle's 30 days.
   */
  betaChangeNoticeDays?: number;
  /** The table as written. */
  raw: Record<string, unknown>;
  /** The `[change_control]` header. */
  source: SourcePosition;
}

/**
 * One string of a policy array, e.g. an entry of `[security] block_on`.
 *
 * @public
 */
export interface PolicyListEntry {
  /** The string as written. */
  value: string;
  /** Where it is written (the array element). */
  position: SourcePosition;
}

/**
 * A policy key holding an array of strings, e.g. `[security] allowed_registries`.
 *
 * @public
 */
export interface PolicyStringList {
  /** Its strings, in order; elements of another type are reported and left out. */
  entries: PolicyListEntry[];
  /** The key. */
  source: SourcePosition;
}

/**
 * What validation applies of `[security]`. Its other keys (`require_tls_between_services`, ...)
 * are carried as written in {@link RegistryPolicies.security} and not checked.
 *
 * @public
 */
export interface SecurityPolicy {
  /**
   * `block_on`: finding codes (`lifecycle/depends-on-deprecated`) or prefixes of codes ending in
   * `/` (`security/`) whose findings `validateRegistry` reports as errors. Undefined when not set
   * (or not an array); the entries are as written (validation reports those that are no code).
   */
  blockOn?: PolicyStringList;
  /**
   * `allowed_registries`: the image registries (`ghcr.io/example-org`) a service's
   * `metadata.image` must come from. Undefined when not set (or not an array): any registry is
   * allowed. Blank entries are reported and left out.
   */
  allowedRegistries?: PolicyStringList;
  /** The `[security]` table as written (the same as {@link RegistryPolicies.security}). */
  raw: Record<string, unknown>;
  /** The `[security]` header. */
  source: SourcePosition;
}

/**
 * The merged tables of `policies/*.toml`.
 *
 * @public
 */
export interface RegistryPolicies {
  /** `[change_control]`. */
  changeControl?: ChangeControlPolicy;
  /** `[sla.<tier>]` by tier. */
  sla: Partial<Record<ServiceTier, SlaPolicy>>;
  /** `[compliance]` as written. */
  compliance?: Record<string, unknown>;
  /** `[security]` as written. */
  security?: Record<string, unknown>;
  /** `[security]` keys that validation applies: `block_on` and `allowed_registries`. */
  securityPolicy?: SecurityPolicy;
  /** All policy tables merged, as written. */
  raw: Record<string, unknown>;
  /** Position of each key, by dotted path from the policy root (`sla.critical.availability`). */
  positions: Record<string, SourcePosition>;
  /** The policy files, in load order. */
  files: string[];
}

/**
 * A deployment pattern of `services/patterns.toml` (`[pattern.<id>]`).
 *
 * @public
 */
export interface RegistryPattern {
  /** The id. */
  id: string;
  /** The table as written. */
  raw: Record<string, unknown>;
  /** The `[pattern.<id>]` header. */
  source: SourcePosition;
}

/**
 * Severity of a finding.
 *
 * @public
 */
export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * A problem found in the registry, at a place a person can go and fix.
 *
 * @public
 */
export interface RegistryFinding {
  /** How bad it is. */
  severity: FindingSeverity;
  /** Stable code, e.g. `toml/syntax`, `toml/file-too-large`, `schema/invalid-enum`. */
  code: string;
  /** What is wrong and how to fix it. Never contains the value of a secret-looking key. */
  message: string;
  /** The file, relative to the registry root. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The service concerned, if any. */
  service?: string;
  /** The project concerned, if any. */
  project?: string;
}

/**
 * A registry loaded from its files.
 *
 * @public
 */
export interface LoadedRegistry {
  /**
   * Every service by id: global services as the catalog declares them, project services as their
   * project declares them. Project overrides of a global service are in `overrides`.
   */
  services: Map<string, RegistryService>;
  /**
   * Project views of overridden global services: project id, then service id, to the global
   * declaration merged field by field with the project's (the project wins).
   */
  overrides: Map<string, Map<string, RegistryService>>;
  /** Every project by id. */
  projects: Map<string, RegistryProject>;
  /** The merged policies. */
  policies: RegistryPolicies;
  /** Deployment patterns by id. */
  patterns: Map<string, RegistryPattern>;
  /** Every input file, sorted. */
  files: string[];
  /**
   * Files that contribute nothing: those that did not parse (`toml/syntax`) and those not read
   * because they are above the readers' size limit (`toml/file-too-large`); see
   * `isUnreadFileFinding`.
   */
  failedFiles: string[];
  /**
   * The services that files which did not parse declare, by id, at their `[service.<id>]`
   * headers (a scan of each broken `services/catalog.toml` and project `services.toml` that skips
   * what it does not understand, see `declaredServiceHeaders`), with those a caller said a file
   * not given to the load declares (`LoadRegistryOptions.unreadGlobals` and
   * `unreadProjectServices`), less those a loaded file declares; absent when there are none. They are not in `services`: validation does not report them as missing dependencies,
   * since the syntax error is what is wrong.
   */
  unreadServices?: ReadonlyMap<string, SourcePosition>;
  /** Everything the loading found wrong. */
  findings: RegistryFinding[];
}
