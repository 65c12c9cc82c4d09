import { SlaPolicy, SlaValues } from '../model/types';
import { compareSupportHours } from './supportHours';
import {
  formatSlaTarget,
  isWeakerSlaValue,
  NUMERIC_SLA_TARGETS,
  NumericSlaTarget,
} from './targets';
import { SlaTargetStatus } from './types';

/**
 * One target of a service's SLA compared with the `[sla.<tier>]` policy of its effective tier: the
 * single verdict both the `policy/sla-below-tier` / `policy/sla-missing` validation rule and
 * `evaluateSla` (the SLA pages and cards) report.
 *
 * @public
 */
export interface SlaPolicyComparison {
  /** The TOML key: `availability`, `response_time_p99`, ..., `support_hours`, `break_handling`. */
  key: string;
  /** For a numeric target, how it is read and compared. */
  numeric?: NumericSlaTarget;
  /** The verdict (see {@link SlaTargetStatus}). */
  status: SlaTargetStatus;
  /** The service's value, normalised (percent, milliseconds, or the trimmed text). */
  declared?: number | string;
  /** The service's value as written (`"99.9%"`, `"1.5s"`, `"24/7"`). */
  declaredText?: string;
  /** The policy's value, normalised like `declared`. */
  required?: number | string;
  /** The policy's value as written. */
  requiredText?: string;
  /**
   * The service writes the key but its value cannot be read (the loader reports it as a schema
   * error): the target is `missing`, and the validation rule leaves it to that error.
   */
  invalid?: boolean;
  /**
   * Both sides are written but are not compared: support hours outside the scale (on either side)
   * that differ from the policy's, or a break handling other than the policy's. The status is
   * then `no-policy`: neither a violation nor a gap.
   */
  notCompared?: boolean;
}

/** Text compared as is: trimmed, case and runs of spaces ignored. */
const sameText = (a: string, b: string) =>
  a.trim().toLowerCase().replace(/\s+/g, ' ') ===
  b.trim().toLowerCase().replace(/\s+/g, ' ');

function compareNumeric(
  target: NumericSlaTarget,
  sla: SlaValues | undefined,
  policy: SlaPolicy | undefined,
): SlaPolicyComparison {
  const result: SlaPolicyComparison = {
    key: target.key,
    numeric: target,
    status: 'no-policy',
  };
  const declared = sla?.[target.field];
  if (sla && declared !== undefined) {
    result.declared = declared;
    result.declaredText = formatSlaTarget(sla, target);
  }
  const required = policy?.[target.field];
  if (!policy || required === undefined) return result;
  result.required = required;
  result.requiredText = formatSlaTarget(policy, target);
  if (declared === undefined) {
    result.status = 'missing';
    if (sla?.raw[target.key] !== undefined) result.invalid = true;
  } else {
    result.status = isWeakerSlaValue(target, declared, required)
      ? 'weaker'
      : 'meets';
  }
  return result;
}

function compareText(
  key: 'support_hours' | 'break_handling',
  sla: SlaValues | undefined,
  policy: SlaPolicy | undefined,
): SlaPolicyComparison {
  const field = key === 'support_hours' ? 'supportHours' : 'breakHandling';
  const result: SlaPolicyComparison = { key, status: 'no-policy' };
  const declared = sla?.[field];
  if (declared !== undefined) {
    result.declared = declared.trim();
    result.declaredText = declared.trim();
  }
  const required = policy?.[field];
  if (!policy || required === undefined) return result;
  result.required = required.trim();
  result.requiredText = required.trim();
  if (declared === undefined) {
    // break_handling describes the service: the policy's is shown, never required
    if (key === 'support_hours') {
      result.status = 'missing';
      if (sla?.raw[key] !== undefined) result.invalid = true;
    }
    return result;
  }
  let comparison: 'meets' | 'weaker' | 'unknown';
  if (key === 'support_hours') {
    comparison = compareSupportHours(declared, required);
  } else {
    comparison = sameText(declared, required) ? 'meets' : 'unknown';
  }
  if (comparison === 'unknown') result.notCompared = true;
  else result.status = comparison;
  return result;
}

/**
 * Compares a service's SLA with the policy of its effective tier, target by target, in the order
 * availability, response times p50, p95 and p99, error rate, RTO, RPO, support hours, break
 * handling:
 *
 * - numeric targets: `weaker` when the declared value is a weaker commitment (lower availability;
 *   higher response time, error rate, RTO or RPO), `meets` otherwise, `missing` when the policy
 *   sets it and the service does not declare it (or declares a value that cannot be read);
 * - support hours: on the scale `none < best-effort < business < extended < 24/7` (see
 *   `compareSupportHours`); text outside the scale, on either side, is not compared (`no-policy`,
 *   `notCompared`) unless it is the policy's text (`meets`); `missing` like a number;
 * - break handling (`graceful`, ...) has no scale and is not a tier requirement: the policy's is
 *   shown next to the service's, `meets` when they are the same text, otherwise not compared;
 *   never `weaker` nor `missing`.
 *
 * Without a policy (no effective tier, or no `[sla.<tier>]` for it), every target is `no-policy`.
 *
 * @param sla - the service's `sla`, if it declares one
 * @param policy - the `[sla.<tier>]` policy of its effective tier, if any
 * @public
 */
export function compareSlaWithPolicy(
  sla: SlaValues | undefined,
  policy: SlaPolicy | undefined,
): SlaPolicyComparison[] {
  return [
    ...NUMERIC_SLA_TARGETS.map(t => compareNumeric(t, sla, policy)),
    compareText('support_hours', sla, policy),
    compareText('break_handling', sla, policy),
  ];
}
