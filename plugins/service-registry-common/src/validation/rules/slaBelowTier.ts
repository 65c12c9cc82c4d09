import {
  RegistryFinding,
  RegistryService,
  SlaPolicy,
  SlaValues,
} from '../../model/types';
import {
  compareSupportHours,
  supportHoursAtLeast,
  supportHoursLevel,
} from '../../sla/supportHours';
import {
  formatSlaTarget,
  isWeakerSlaValue,
  NUMERIC_SLA_TARGETS as CHECKS,
  NumericSlaTarget,
} from '../../sla/targets';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/** A value as written (`"99.9%"`, `"100ms"`), or the number with its unit. */
function shown(values: SlaValues, check: NumericSlaTarget): string {
  return formatSlaTarget(values, check) ?? '';
}

/** Support hours below the policy's on the scale; values outside the scale are not compared. */
function weakerSupportHours(
  service: RegistryService,
  sla: SlaValues,
  policy: SlaPolicy,
): RegistryFinding | undefined {
  const declared = sla.supportHours;
  const required = policy.supportHours;
  if (typeof declared !== 'string' || typeof required !== 'string') {
    return undefined;
  }
  if (compareSupportHours(declared, required) !== 'weaker') return undefined;
  const need = required.trim();
  const longer = supportHoursAtLeast(supportHoursLevel(required)!)
    .slice(1)
    .join(', ');
  return makeFinding(
    policy.tier === 'critical' ? 'error' : 'warning',
    'policy/sla-below-tier',
    `Service "${service.id}": support_hours "${declared.trim()}" declared, ${
      policy.tier
    } tier requires "${need}": set sla.support_hours = "${need}"${
      longer ? ` (or a longer coverage: ${longer})` : ''
    }, or move the service to another tier.`,
    declaredPosition(service, 'sla.support_hours', 'sla', 'tier'),
    aboutService(service),
  );
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
        declaredPosition(service, `sla.${check.key}`, 'sla', 'tier'),
        aboutService(service),
      ),
    );
  }
  const hours = weakerSupportHours(service, sla, policy);
  if (hours) findings.push(hours);
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
    declaredPosition(service, 'sla', 'tier'),
    aboutService(service),
  );
}

/**
 * `policy/sla-below-tier` (error for the critical tier, warning otherwise): each service-level
 * value weaker than the `[sla.<tier>]` policy of the service's effective tier (availability
 * lower; response times, error rate, rto or rpo higher; support hours lower on the scale
 * best-effort < business < extended < 24/7, see `compareSupportHours`; text outside that scale is
 * not compared). `policy/sla-missing` (warning): values the policy sets that the service
 * does not declare. Retired services are not checked.
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
    const findings = service.sla
      ? weakerValues(service, service.sla, policy)
      : [];
    const missing = missingValues(service, policy);
    if (missing) findings.push(missing);
    return findings;
  });
}
