import {
  RegistryFinding,
  RegistryService,
  SlaPolicy,
  SlaValues,
} from '../../model/types';
import {
  compareSupportHours,
  formatSlaTarget,
  isWeakerSlaValue,
  NUMERIC_SLA_TARGETS as CHECKS,
  NumericSlaTarget,
  ROUND_THE_CLOCK_SUPPORT as ROUND_THE_CLOCK,
} from '../../sla/targets';
import { aboutService, makeFinding, servicePosition } from '../findings';
import { ValidationContext } from '../types';

/** A value as written (`"99.9%"`, `"100ms"`), or the number with its unit. */
function shown(values: SlaValues, check: NumericSlaTarget): string {
  return formatSlaTarget(values, check) ?? '';
}

function weakerValues(
  service: RegistryService,
  sla: SlaValues,
  policy: SlaPolicy,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const tier = policy.tier;
  const severity = tier === 'critical' ? 'error' : 'warning';
  for (const check of CHECKS) {
    const required = policy[check.field];
    const declared = sla[check.field];
    if (required === undefined || declared === undefined) continue;
    if (!isWeakerSlaValue(check, declared, required)) continue;
    const need = shown(policy, check);
    findings.push(
      makeFinding(
        severity,
        'policy/sla-below-tier',
        `Service "${service.id}": ${check.key} ${shown(
          sla,
          check,
        )} declared, ${tier} tier requires ${need}: ${
          check.higherIsBetter ? 'raise' : 'lower'
        } sla.${check.key} to ${need} or ${
          check.higherIsBetter ? 'more' : 'less'
        }, or move the service to a tier whose policy it meets.`,
        servicePosition(service, `sla.${check.key}`, 'sla'),
        aboutService(service),
      ),
    );
  }
  if (
    policy.supportHours?.trim() === ROUND_THE_CLOCK &&
    sla.supportHours !== undefined &&
    compareSupportHours(sla.supportHours, policy.supportHours) === 'weaker'
  ) {
    findings.push(
      makeFinding(
        severity,
        'policy/sla-below-tier',
        `Service "${service.id}": support_hours "${sla.supportHours}" declared, ${tier} tier requires "${ROUND_THE_CLOCK}": set sla.support_hours = "${ROUND_THE_CLOCK}", or move the service to another tier.`,
        servicePosition(service, 'sla.support_hours', 'sla'),
        aboutService(service),
      ),
    );
  }
  return findings;
}

function missingValues(
  service: RegistryService,
  policy: SlaPolicy,
): RegistryFinding | undefined {
  const declared = service.sla?.raw ?? {};
  const keys = [
    ...CHECKS.filter(c => policy[c.field] !== undefined).map(c => c.key),
    ...(policy.supportHours !== undefined ? ['support_hours'] : []),
  ];
  const missing = keys.filter(key => declared[key] === undefined);
  if (missing.length === 0) return undefined;
  const wanted = missing
    .map(key => {
      const check = CHECKS.find(c => c.key === key);
      const value = check
        ? shown(policy, check)
        : (policy.supportHours ?? '').trim();
      return `${key} = "${value}"`;
    })
    .join(', ');
  return makeFinding(
    'warning',
    'policy/sla-missing',
    `Service "${service.id}" is ${
      policy.tier
    } tier but declares no ${missing.join(', ')}: the ${
      policy.tier
    } tier policy requires them. Add them under [service.${
      service.id
    }.sla], e.g. ${wanted}.`,
    servicePosition(service, 'sla', 'tier'),
    aboutService(service),
  );
}

/**
 * `policy/sla-below-tier` (error for the critical tier, warning otherwise): each service-level
 * value weaker than the `[sla.<tier>]` policy of the service's effective tier (availability
 * lower; response times, error rate, rto or rpo higher; support hours other than 24/7 when the
 * policy asks for 24/7). `policy/sla-missing` (warning): values the policy sets that the service
 * does not declare. Retired services are not checked.
 *
 * @param ctx - the validation context
 */
export function slaBelowTier(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const service of ctx.services) {
    if (service.status === 'retired' || !service.effectiveTier) continue;
    const policy = ctx.registry.policies.sla[service.effectiveTier];
    if (!policy) continue;
    if (service.sla) {
      for (const f of weakerValues(service, service.sla, policy))
        findings.push(f);
    }
    const missing = missingValues(service, policy);
    if (missing) findings.push(missing);
  }
  return findings;
}
