import { ServiceStatus, ServiceTier } from '../model/types';

/**
 * How one declared service-level target compares with the policy of the service's tier:
 *
 * - `meets`: the service declares it and it is at least as strong as the policy;
 * - `weaker`: the service declares a weaker commitment (validation reports it as
 *   `policy/sla-below-tier`);
 * - `missing`: the policy sets it and the service does not declare it (validation reports it as
 *   `policy/sla-missing`), or declares an invalid value (reported as a schema error);
 * - `no-policy`: the tier's policy does not set it (or the service has no tier or no policy), or
 *   the two values are not compared: support hours outside the scale (on either side) that are not
 *   the policy's text, a break handling other than the policy's, or none (break handling is not a
 *   tier requirement).
 *
 * The verdicts are those of `compareSlaWithPolicy`, shared by `evaluateSla` and validation.
 *
 * @public
 */
export type SlaTargetStatus = 'meets' | 'weaker' | 'missing' | 'no-policy';

/**
 * All target statuses.
 *
 * @public
 */
export const SLA_TARGET_STATUSES: readonly SlaTargetStatus[] = [
  'meets',
  'weaker',
  'missing',
  'no-policy',
];

/**
 * One target of a service's SLA next to its tier's policy.
 *
 * @public
 */
export interface SlaTargetEvaluation {
  /** The TOML key (`availability`, `response_time_p99`, `support_hours`, `break_handling`, ...). */
  key: string;
  /** Label for people (`Response time p99`). */
  label: string;
  /** Unit of `declared` and `required` for numeric targets: `%` or `ms`. */
  unit?: '%' | 'ms';
  /** The service's value, normalised (percent, milliseconds, or the text for support hours and break handling). */
  declared?: number | string;
  /** The service's value as written (`"99.9%"`, `"1.5s"`). */
  declaredText?: string;
  /** The policy's value, normalised like `declared`. */
  required?: number | string;
  /** The policy's value as written. */
  requiredText?: string;
  /** The comparison. */
  status: SlaTargetStatus;
  /** For `weaker` and `missing`: what is wrong, e.g. `99.9% declared, critical tier requires 99.99%`. */
  message?: string;
}

/**
 * Overall SLA standing of a service against its tier's policy:
 *
 * - `compliant`: every target the policy sets is declared and met;
 * - `non-compliant`: at least one declared target is weaker than the policy;
 * - `incomplete`: nothing is weaker, but the policy sets targets the service does not declare;
 * - `no-policy`: the service has no effective tier, or its tier has no `[sla.<tier>]` policy.
 *
 * @public
 */
export type SlaCompliance =
  | 'compliant'
  | 'non-compliant'
  | 'incomplete'
  | 'no-policy';

/**
 * All compliance values, the worst first.
 *
 * @public
 */
export const SLA_COMPLIANCE_VALUES: readonly SlaCompliance[] = [
  'non-compliant',
  'incomplete',
  'compliant',
  'no-policy',
];

/**
 * Downtime an availability target allows over a 30-day window.
 *
 * @public
 */
export interface AllowedDowntime {
  /** The availability, in percent. */
  availability: number;
  /** Allowed downtime in seconds (rounded to the millisecond). */
  seconds: number;
  /** Allowed downtime in minutes (rounded to 1/1000 minute). */
  minutes: number;
  /** For people: `43.2 min`, `4.3 min`, `7 h 12 min`, `25.9 s`. */
  text: string;
}

/**
 * A service's declared SLA next to the policy of its effective tier.
 *
 * @public
 */
export interface SlaEvaluation {
  /** The service id. */
  service: string;
  /** Its display name. */
  name: string;
  /** Its project, null for a global service. */
  project: string | null;
  /** Its owner, as written: the service's own, or else its project's. */
  owner?: string;
  /** Its lifecycle status. */
  status?: ServiceStatus;
  /** Its effective tier (declared, or inherited from the project). */
  tier?: ServiceTier;
  /**
   * Where the effective tier comes from: `service` when the service declares it, `project` when
   * it inherits its project's; absent when it has none.
   */
  tierSource?: 'service' | 'project';
  /** Whether the registry has an `[sla.<tier>]` policy for that tier. */
  hasPolicy: boolean;
  /** Whether the service declares an `sla` table at all. */
  declaresSla: boolean;
  /** Overall standing. */
  compliance: SlaCompliance;
  /** Every target (availability, p50, p95, p99, error rate, RTO, RPO, support hours, break handling), in that order. */
  targets: SlaTargetEvaluation[];
  /** The messages of the `weaker` and `missing` targets, in target order. */
  gaps: string[];
  /** Downtime the declared availability allows per 30 days, when it declares one. */
  allowedDowntime?: AllowedDowntime;
  /** Downtime the tier's policy allows per 30 days, when the policy sets an availability. */
  policyAllowedDowntime?: AllowedDowntime;
  /** File and line of the service's `sla` table, else of the service. */
  source: { file: string; line: number };
}

/**
 * Counts of services by SLA compliance.
 *
 * @public
 */
export interface SlaComplianceCounts {
  /** Services counted. */
  services: number;
  /** `compliant` services. */
  compliant: number;
  /** `non-compliant` services. */
  nonCompliant: number;
  /** `incomplete` services. */
  incomplete: number;
  /** `no-policy` services. */
  noPolicy: number;
}

/**
 * One service in the SLA overview.
 *
 * @public
 */
export interface SlaOverviewService {
  /** The service id. */
  id: string;
  /** Display name. */
  name: string;
  /** Project, null for a global service. */
  project: string | null;
  /** Owner, as written. */
  owner?: string;
  /** Lifecycle status. */
  status?: ServiceStatus;
  /** Effective tier. */
  tier?: ServiceTier;
  /** Overall standing. */
  compliance: SlaCompliance;
  /** Targets weaker than the policy. */
  weaker: number;
  /** Targets the policy sets and the service does not declare. */
  missing: number;
  /** The gaps, for people. */
  gaps: string[];
  /** Declared availability, percent. */
  availability?: number;
  /** Declared p99 response time, milliseconds. */
  responseTimeP99Ms?: number;
}

/**
 * The services of one tier in the SLA overview.
 *
 * @public
 */
export interface SlaOverviewTier {
  /** The tier; null for services with no effective tier. */
  tier: ServiceTier | null;
  /** The tier's policy targets as written (`{ availability: "99.99%", ... }`), when it has one. */
  policy?: Record<string, string>;
  /** Its services, by id. */
  services: SlaOverviewService[];
  /** Their counts. */
  counts: SlaComplianceCounts;
}

/**
 * Compliance counts of one project's services (project null: the global services).
 *
 * @public
 */
export interface SlaOverviewProject {
  /** The project id, or null for the global services. */
  project: string | null;
  /** The project's display name. */
  name?: string;
  /** Its counts. */
  counts: SlaComplianceCounts;
}

/**
 * Filters of {@link slaOverview}.
 *
 * @public
 */
export interface SlaOverviewOptions {
  /**
   * Only the services of this project, by its id (a project named `global` included), or, with
   * `null`, only the global services (those of no project).
   */
  project?: string | null;
  /** Only the services of this effective tier. */
  tier?: ServiceTier;
  /**
   * Only the services of this owner: the service's own, or else its project's (as the catalog
   * shows it); a leading `@` is ignored on both sides.
   */
  owner?: string;
}

/**
 * Every (non-retired) service's SLA standing, by tier, with compliance counts per project.
 *
 * @public
 */
export interface SlaOverview {
  /** Tiers from critical to low, then services without a tier; tiers with no matching service are left out. */
  tiers: SlaOverviewTier[];
  /** Projects by id, the global services (null) last; only those with a matching service. */
  projects: SlaOverviewProject[];
  /** Counts over every matching service. */
  counts: SlaComplianceCounts;
}

/**
 * Body of `GET /api/service-registry/sla`.
 *
 * @public
 */
export interface SlaOverviewResponse extends SlaOverview {
  /** The registry (provider id). */
  registry: string;
  /** Time of the ingestion the answer comes from. */
  updatedAt: string;
}

/**
 * Body of `GET /api/service-registry/sla/:service`.
 *
 * @public
 */
export interface SlaServiceResponse {
  /** The registry. */
  registry: string;
  /** The service's SLA next to its tier's policy, with the allowed downtimes. */
  evaluation: SlaEvaluation;
}
