import { RegistryFinding, RegistryService, SlaPolicy } from '../../model/types';
import {
  compareSlaWithPolicy,
  SlaPolicyComparison,
} from '../../sla/compareWithPolicy';
import { supportHoursAtLeast, supportHoursLevel } from '../../sla/supportHours';
import { NumericSlaTarget } from '../../sla/targets';
import { declaredPosition } from '../declaredPosition';
import {
  aboutService,
  makeFinding,
  serviceLabel,
  tableHeader,
} from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/** Support hours lower on the scale than the policy's (see `compareSlaWithPolicy`). */
function weakerSupportHours(
  service: RegistryService,
  comparison: SlaPolicyComparison,
  policy: SlaPolicy,
): RegistryFinding {
  const need = comparison.requiredText!;
  const level = supportHoursLevel(need);
  const longer = level ? supportHoursAtLeast(level).slice(1).join(', ') : '';
  return makeFinding(
    policy.tier === 'critical' ? 'error' : 'warning',
    'policy/sla-below-tier',
    `${serviceLabel(service.id)}: support_hours "${
      comparison.declaredText
    }" declared, ${
      policy.tier
    } tier requires "${need}": set sla.support_hours = "${need}"${
      longer ? ` (or a longer coverage: ${longer})` : ''
    }, or move the service to another tier.`,
    declaredPosition(service, 'sla.support_hours', 'sla', 'tier'),
    aboutService(service),
  );
}

/** A number weaker than the policy's. */
function weakerValue(
  service: RegistryService,
  comparison: SlaPolicyComparison,
  check: NumericSlaTarget,
  policy: SlaPolicy,
): RegistryFinding {
  const tier = policy.tier;
  const need = comparison.requiredText;
  return makeFinding(
    tier === 'critical' ? 'error' : 'warning',
    'policy/sla-below-tier',
    `${serviceLabel(service.id)}: ${check.key} ${
      comparison.declaredText
    } declared, ${tier} tier requires ${need}: ${
      check.higherIsBetter ? 'raise' : 'lower'
    } sla.${check.key} to ${need} or ${
      check.higherIsBetter ? 'more' : 'less'
    }, or move the service to a tier whose policy it meets.`,
    declaredPosition(service, `sla.${check.key}`, 'sla', 'tier'),
    aboutService(service),
  );
}

/** The targets the policy sets and the service does not declare (an unreadable value is reported by the loader). */
function missingValues(
  service: RegistryService,
  comparisons: SlaPolicyComparison[],
  policy: SlaPolicy,
): RegistryFinding | undefined {
  const missing = comparisons.filter(c => c.status === 'missing' && !c.invalid);
  if (missing.length === 0) return undefined;
  const wanted = missing
    .map(c => `${c.key} = "${c.requiredText ?? ''}"`)
    .join(', ');
  return makeFinding(
    'warning',
    'policy/sla-missing',
    `${serviceLabel(service.id)} is ${
      policy.tier
    } tier but declares no ${missing.map(c => c.key).join(', ')}: the ${
      policy.tier
    } tier policy requires them. Add them under ${tableHeader(
      'service',
      service.id,
      'sla',
    )}, e.g. ${wanted}.`,
    declaredPosition(service, 'sla', 'tier'),
    aboutService(service),
  );
}

/**
 * `policy/sla-below-tier` (error for the critical tier, warning otherwise): each service-level
 * value weaker than the `[sla.<tier>]` policy of the service's effective tier (availability
 * lower; response times, error rate, rto or rpo higher; support hours lower on the scale
 * best-effort < business < extended < 24/7, see `compareSupportHours`; text outside that scale is
 * not compared; break handling is never compared). `policy/sla-missing` (warning): values the
 * policy sets that the service does not declare. The verdicts are those of
 * `compareSlaWithPolicy`, which `evaluateSla` (the SLA pages and cards) shows too. Retired services
 * are not checked.
 *
 * @param ctx - the validation context
 */
export function slaBelowTier(ctx: ValidationContext): RegistryFinding[] {
  return checkServicesAndViews(ctx, service => {
    if (service.status === 'retired' || !service.effectiveTier) {
      return NO_FINDINGS;
    }
    const policy = ctx.registry.policies.sla[service.effectiveTier];
    if (!policy) return NO_FINDINGS;
    const comparisons = compareSlaWithPolicy(service.sla, policy);
    const findings: RegistryFinding[] = [];
    for (const comparison of comparisons) {
      if (comparison.status !== 'weaker') continue;
      findings.push(
        comparison.numeric
          ? weakerValue(service, comparison, comparison.numeric, policy)
          : weakerSupportHours(service, comparison, policy),
      );
    }
    const missing = missingValues(service, comparisons, policy);
    if (missing) findings.push(missing);
    return findings;
  });
}
