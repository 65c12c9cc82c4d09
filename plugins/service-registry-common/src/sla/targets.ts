import { SlaValues } from '../model/types';

/**
 * The numeric fields of {@link SlaValues} (percentages and durations in milliseconds).
 *
 * @public
 */
export type NumericSlaField =
  | 'availability'
  | 'responseTimeP50Ms'
  | 'responseTimeP95Ms'
  | 'responseTimeP99Ms'
  | 'errorRate'
  | 'rtoMs'
  | 'rpoMs';

/**
 * How one numeric service-level target is read and compared.
 *
 * @public
 */
export interface NumericSlaTarget {
  /** The key as written in TOML (`response_time_p99`). */
  key: string;
  /** The normalised field of {@link SlaValues}. */
  field: NumericSlaField;
  /** Label for people (`Response time p99`). */
  label: string;
  /** Whether a higher value is the stronger commitment (availability), else a lower one is. */
  higherIsBetter: boolean;
  /** Unit of the normalised number, appended to numbers written without one. */
  unit: '%' | 'ms';
}

/**
 * The numeric service-level targets, in the order they are shown and checked: availability,
 * response times p50, p95 and p99, error rate, RTO and RPO.
 *
 * @public
 */
export const NUMERIC_SLA_TARGETS: readonly NumericSlaTarget[] = [
  {
    key: 'availability',
    field: 'availability',
    label: 'Availability',
    higherIsBetter: true,
    unit: '%',
  },
  {
    key: 'response_time_p50',
    field: 'responseTimeP50Ms',
    label: 'Response time p50',
    higherIsBetter: false,
    unit: 'ms',
  },
  {
    key: 'response_time_p95',
    field: 'responseTimeP95Ms',
    label: 'Response time p95',
    higherIsBetter: false,
    unit: 'ms',
  },
  {
    key: 'response_time_p99',
    field: 'responseTimeP99Ms',
    label: 'Response time p99',
    higherIsBetter: false,
    unit: 'ms',
  },
  {
    key: 'error_rate',
    field: 'errorRate',
    label: 'Error rate',
    higherIsBetter: false,
    unit: '%',
  },
  {
    key: 'rto',
    field: 'rtoMs',
    label: 'Recovery time objective (RTO)',
    higherIsBetter: false,
    unit: 'ms',
  },
  {
    key: 'rpo',
    field: 'rpoMs',
    label: 'Recovery point objective (RPO)',
    higherIsBetter: false,
    unit: 'ms',
  },
];

/**
 * The numeric target of a TOML key (`response_time_p99`): one look-up for the modules that name
 * targets by key. Throws for a key that is no numeric target (a programming error).
 *
 * @param key - the key as written in TOML
 */
export function slaTargetByKey(key: string): NumericSlaTarget {
  const target = NUMERIC_SLA_TARGETS.find(t => t.key === key);
  if (!target) throw new Error(`no numeric SLA target "${key}"`);
  return target;
}

/**
 * A numeric target as written (`"99.9%"`, `"1.5s"`), or its normalised number with the unit
 * (`99.9%`, `1500ms`) when it was written as a bare number.
 *
 * @param values - a service's `sla` or a tier policy
 * @param target - the target
 * @returns the text, or undefined when the value is not set
 * @public
 */
export function formatSlaTarget(
  values: SlaValues,
  target: NumericSlaTarget,
): string | undefined {
  const raw = values.raw[target.key];
  if (typeof raw === 'string') return raw.trim();
  const value = values[target.field];
  return value === undefined ? undefined : `${value}${target.unit}`;
}

/**
 * Whether a declared value is a weaker commitment than the required one: lower availability,
 * higher response time, error rate, RTO or RPO. Equal values meet the requirement.
 *
 * @param target - the target compared
 * @param declared - the service's normalised value
 * @param required - the policy's normalised value
 * @public
 */
export function isWeakerSlaValue(
  target: NumericSlaTarget,
  declared: number,
  required: number,
): boolean {
  return target.higherIsBetter ? declared < required : declared > required;
}
