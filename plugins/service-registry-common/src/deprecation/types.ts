import {
  MigrationDifficulty,
  ServiceStatus,
  ServiceTier,
} from '../model/types';

/**
 * Where the migration off a deprecated (or retired) service stands:
 *
 * - `overdue`: consumers remain and the sunset date has passed (or the service is already retired);
 * - `at-risk`: consumers remain and the sunset is less than 30 days away (today included);
 * - `on-track`: consumers remain and the sunset is 30 days away or more;
 * - `no-sunset`: consumers remain and no sunset date is announced;
 * - `done`: nothing depends on it any more.
 *
 * @public
 */
export type DeprecationStatus =
  | 'overdue'
  | 'at-risk'
  | 'on-track'
  | 'no-sunset'
  | 'done';

/**
 * All deprecation statuses, the most urgent first (the order of {@link computeDeprecations}).
 *
 * @public
 */
export const DEPRECATION_STATUSES: readonly DeprecationStatus[] = [
  'overdue',
  'at-risk',
  'no-sunset',
  'on-track',
  'done',
];

/** Rank of each status in {@link DEPRECATION_STATUSES}. */
export const DEPRECATED_STATUS_ORDER: Readonly<
  Record<DeprecationStatus, number>
> = {
  overdue: 0,
  'at-risk': 1,
  'no-sunset': 2,
  'on-track': 3,
  done: 4,
};

/**
 * Days before the sunset under which a migration with consumers left is `at-risk`.
 *
 * @public
 */
export const AT_RISK_DAYS = 30;

/**
 * The successor of a deprecated service, as the registry knows it.
 *
 * @public
 */
export interface ReplacementInfo {
  /** Its id, as `replacement_service` names it. */
  id: string;
  /** Whether the registry declares it. */
  exists: boolean;
  /** Its display name, when declared. */
  name?: string;
  /** Its lifecycle status, when declared. */
  status?: ServiceStatus;
  /** Whether it is itself deprecated (consumers would migrate twice). */
  deprecated: boolean;
  /** Whether it is retired (not a valid successor). */
  retired: boolean;
  /**
   * Where consumers should migrate, as the service's project sees its successors: this
   * replacement when it is live, else the first live service down its chain of replacements (as
   * `lifecycle/depends-on-deprecated` names it); undefined when the chain reaches no live service.
   */
  migrateTo?: string;
}

/**
 * A service that still depends on a deprecated one.
 *
 * @public
 */
export interface DeprecationConsumer {
  /** The consumer's id. */
  id: string;
  /** Its display name (the id when it is not declared). */
  name: string;
  /** Its project (for a global service, the project whose override adds the dependency), null for a global one. */
  project: string | null;
  /** Its owner, else its project's owner. */
  owner?: string;
  /** Its lifecycle status. */
  status?: ServiceStatus;
  /** Its effective tier. */
  tier?: ServiceTier;
  /** True when it lists the deprecated service under `dependencies.optional` only. */
  optional: boolean;
  /** The version range it asks for, when given. */
  range?: string;
}

/**
 * The migration off one deprecated service (or a retired one that still has consumers).
 *
 * @public
 */
export interface DeprecationRecord {
  /** The deprecated service's id. */
  service: string;
  /** Its display name. */
  name: string;
  /** Its project, null for a global service. */
  project: string | null;
  /** Its owner. */
  owner?: string;
  /** Its effective tier. */
  tier?: ServiceTier;
  /** Its lifecycle status. */
  lifecycle: 'deprecated' | 'retired';
  /** `deprecation_date`. */
  deprecationDate?: string;
  /** `sunset_date`. */
  sunsetDate?: string;
  /** `migration.support_until`. */
  supportUntil?: string;
  /** Days from today to the sunset: negative once it has passed. */
  daysToSunset?: number;
  /** Days since the deprecation date (negative when announced for later). */
  daysSinceDeprecation?: number;
  /** The successor, when `replacement_service` names one. */
  replacement?: ReplacementInfo;
  /** `migration.guide_url`. */
  guideUrl?: string;
  /** `migration.migration_difficulty`. */
  difficulty?: MigrationDifficulty;
  /** `migration.estimated_effort_hours`: the effort of migrating one consumer. */
  effortHoursPerConsumer?: number;
  /** Services that require it (`dependencies.requires`), by id. */
  consumers: DeprecationConsumer[];
  /** Services that only use it optionally (`dependencies.optional`), by id. */
  optionalConsumers: DeprecationConsumer[];
  /** Projects of all its consumers, sorted (global consumers belong to none). */
  projects: string[];
  /** Consumers left, required and optional. */
  remainingConsumers: number;
  /** Estimated effort left: consumers left × `estimated_effort_hours`, when the hours are declared. */
  remainingEffortHours?: number;
  /** Where the migration stands. */
  status: DeprecationStatus;
  /** One sentence for people. */
  message: string;
}

/**
 * Counts of deprecation records by status.
 *
 * @public
 */
export type DeprecationCounts = Record<DeprecationStatus, number> & {
  /** Every record. */
  total: number;
};

/**
 * A service that a consumer depends on and that is deprecated or retired (the consumer's
 * warning banner).
 *
 * @public
 */
export interface DeprecatedDependency {
  /** The deprecated or retired service. */
  service: string;
  /** Its display name. */
  name: string;
  /** Its lifecycle status. */
  lifecycle: 'deprecated' | 'retired';
  /** True when the consumer lists it under `dependencies.optional` only. */
  optional: boolean;
  /** The version range the consumer asks for, when given. */
  range?: string;
  /** Set when only the consumer's override in this project declares the dependency. */
  viaProject?: string;
  /** `deprecation_date`. */
  deprecationDate?: string;
  /** `sunset_date`. */
  sunsetDate?: string;
  /** Days from today to the sunset: negative once it has passed. */
  daysToSunset?: number;
  /** The successor to migrate to. */
  replacement?: ReplacementInfo;
  /** `migration.guide_url`. */
  guideUrl?: string;
  /** `migration.migration_difficulty`. */
  difficulty?: MigrationDifficulty;
  /** `migration.estimated_effort_hours`. */
  effortHours?: number;
  /** Where the whole migration off that service stands. */
  status: DeprecationStatus;
  /** `error` for a retired service or a passed sunset, else `warning`. */
  severity: 'error' | 'warning';
  /** One sentence for the consumer, e.g. `requires "old-api", which is deprecated (sunset on 2026-05-20, 186 days ago): migrate to "new-api" (guide: …).` */
  message: string;
}

/**
 * One point of a deprecated service's burn-down, as the backend records it at ingestions
 * (`GET /deprecations/:service/history`).
 *
 * @public
 */
export interface DeprecationHistoryPoint {
  /** ISO time of the ingestion the count comes from. */
  recordedAt: string;
  /** Services that required it. */
  consumers: number;
  /** Services that only used it optionally. */
  optionalConsumers: number;
  /** `consumers + optionalConsumers`. */
  remainingConsumers: number;
  /** Where its migration stood. */
  status: DeprecationStatus;
}

/**
 * Body of `GET /api/service-registry/deprecations`.
 *
 * @public
 */
export interface DeprecationsResponse {
  /** The registry (provider id). */
  registry: string;
  /** The day days are counted from. */
  today: string;
  /** Time of the ingestion the answer comes from. */
  updatedAt: string;
  /** Records by status, over the project and owner filters (before the status filter). */
  counts: DeprecationCounts;
  /** The records, the most urgent first. */
  items: DeprecationRecord[];
}

/**
 * Body of `GET /api/service-registry/deprecations/:service`.
 *
 * @public
 */
export interface DeprecationDetailResponse {
  /** The registry. */
  registry: string;
  /** The day days are counted from. */
  today: string;
  /** The migration record. */
  record: DeprecationRecord;
  /** Its burn-down, oldest first. */
  history: DeprecationHistoryPoint[];
}

/**
 * Body of `GET /api/service-registry/deprecations/:service/history`.
 *
 * @public
 */
export interface DeprecationHistoryResponse {
  /** The registry. */
  registry: string;
  /** The deprecated service. */
  service: string;
  /** Its burn-down, oldest first. */
  items: DeprecationHistoryPoint[];
}

/**
 * Body of `GET /api/service-registry/services/:service/deprecated-dependencies`.
 *
 * @public
 */
export interface DeprecatedDependenciesResponse {
  /** The registry. */
  registry: string;
  /** The day days are counted from. */
  today: string;
  /** The consumer. */
  service: string;
  /** Dependencies by severity. */
  counts: { errors: number; warnings: number };
  /** The deprecated and retired dependencies, errors first. */
  items: DeprecatedDependency[];
}
