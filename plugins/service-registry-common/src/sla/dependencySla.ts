import { RegistryPolicies, RegistryService } from '../model/types';
import { EffectiveSlaValue, effectiveSlaOf } from './effectiveSla';
import {
  isWeakerSlaValue,
  NUMERIC_SLA_TARGETS,
  NumericSlaTarget,
} from './targets';

/**
 * The targets on which a consumer's promise is compared with what a provider it requires
 * promises: availability and p99 response time.
 *
 * @public
 */
export const DEPENDENCY_SLA_TARGETS: readonly NumericSlaTarget[] =
  NUMERIC_SLA_TARGETS.filter(
    t => t.key === 'availability' || t.key === 'response_time_p99',
  );

/**
 * A target on which a consumer promises more than a provider it requires: a higher availability,
 * or a faster p99 response time.
 *
 * @public
 */
export interface DependencySlaShortfall {
  /** The target. */
  target: NumericSlaTarget;
  /** What the consumer promises (its own `sla`, else its tier's policy). */
  consumer: EffectiveSlaValue;
  /** What the provider promises (its own `sla`, else its tier's policy). */
  provider: EffectiveSlaValue;
}

/**
 * Where a provider's effective SLA is weaker than what its consumer promises (see
 * {@link DEPENDENCY_SLA_TARGETS}; effective values: see `effectiveSlaOf`): a consumer cannot
 * promise more than what it requires. A target either side has no value for is not compared.
 *
 * @param consumer - the consumer (as its project sees it)
 * @param provider - the provider (as the consumer's project sees it)
 * @param policies - the registry's policies
 * @returns the shortfalls, in target order; empty when the provider covers the consumer
 * @public
 */
export function dependencySlaShortfalls(
  consumer: RegistryService,
  provider: RegistryService,
  policies: RegistryPolicies,
): DependencySlaShortfall[] {
  const shortfalls: DependencySlaShortfall[] = [];
  for (const target of DEPENDENCY_SLA_TARGETS) {
    const promised = effectiveSlaOf(consumer, policies, target);
    if (!promised) continue;
    const offered = effectiveSlaOf(provider, policies, target);
    if (!offered) continue;
    if (isWeakerSlaValue(target, offered.value, promised.value)) {
      shortfalls.push({ target, consumer: promised, provider: offered });
    }
  }
  return shortfalls;
}
