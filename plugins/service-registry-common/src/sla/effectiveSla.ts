import {
  RegistryPolicies,
  RegistryService,
  ServiceTier,
  SlaPolicy,
  SlaValues,
} from '../model/types';
import { formatSlaTarget, NumericSlaTarget } from './targets';

/**
 * What a service effectively commits to for one numeric target: its own `sla` value, else what
 * the `[sla.<tier>]` policy of its effective tier requires.
 *
 * @public
 */
export interface EffectiveSlaValue {
  /** The normalised value (percent or milliseconds). */
  value: number;
  /** The value as written (`"99.9%"`, `"1.5s"`), or the number with its unit. */
  text: string;
  /** True when the value comes from the tier's policy, not the service's own `sla`. */
  fromPolicy: boolean;
  /** The tier of that policy, when `fromPolicy`. */
  tier?: ServiceTier;
}

/**
 * The `[sla.<tier>]` policy of a service's effective tier (its own tier, else its project's).
 *
 * @param service - the service (or a project's view of it)
 * @param policies - the registry's policies
 * @returns the policy, or undefined when the service has no tier or the tier no policy
 * @public
 */
export function slaPolicyOf(
  service: RegistryService,
  policies: RegistryPolicies,
): SlaPolicy | undefined {
  return service.effectiveTier
    ? policies.sla[service.effectiveTier]
    : undefined;
}

/**
 * One effective target from a service's `sla` and its tier's policy: the declared value, else
 * the policy's (see {@link EffectiveSlaValue}).
 *
 * @param target - the numeric target
 * @param sla - the service's `sla`, if any
 * @param policy - the policy of its effective tier, if any
 * @returns the value, or undefined when neither sets it
 * @public
 */
export function effectiveSlaValue(
  target: NumericSlaTarget,
  sla: SlaValues | undefined,
  policy: SlaPolicy | undefined,
): EffectiveSlaValue | undefined {
  const declared = sla?.[target.field];
  if (sla && declared !== undefined) {
    return {
      value: declared,
      text: formatSlaTarget(sla, target)!,
      fromPolicy: false,
    };
  }
  const required = policy?.[target.field];
  if (policy && required !== undefined) {
    return {
      value: required,
      text: formatSlaTarget(policy, target)!,
      fromPolicy: true,
      tier: policy.tier,
    };
  }
  return undefined;
}

/**
 * One effective target of a service in a registry (see {@link effectiveSlaValue}).
 *
 * @param service - the service (or a project's view of it)
 * @param policies - the registry's policies
 * @param target - the numeric target
 * @public
 */
export function effectiveSlaOf(
  service: RegistryService,
  policies: RegistryPolicies,
  target: NumericSlaTarget,
): EffectiveSlaValue | undefined {
  return effectiveSlaValue(target, service.sla, slaPolicyOf(service, policies));
}

/**
 * An effective value for people: `99.9%`, or `99.9% (high tier policy)` when it comes from the
 * tier's policy; with `whose`, `99.9% (db)` or `99.9% (db, high tier policy)`.
 *
 * @param value - the effective value
 * @param whose - the service it belongs to, if it should be named
 * @public
 */
export function describeEffectiveSla(
  value: EffectiveSlaValue,
  whose?: string,
): string {
  const notes = [
    ...(whose !== undefined ? [whose] : []),
    ...(value.fromPolicy ? [`${value.tier} tier policy`] : []),
  ];
  return notes.length > 0 ? `${value.text} (${notes.join(', ')})` : value.text;
}
