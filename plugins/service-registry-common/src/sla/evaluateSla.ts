import {
  RegistryPolicies,
  RegistryService,
  SlaPolicy,
  SlaValues,
} from '../model/types';
import { allowedDowntimePer30Days } from './allowedDowntime';
import { compareSupportHours } from './supportHours';
import {
  formatSlaTarget,
  isWeakerSlaValue,
  NUMERIC_SLA_TARGETS,
  NumericSlaTarget,
} from './targets';
import { SlaCompliance, SlaEvaluation, SlaTargetEvaluation } from './types';

function describeInvalid(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : String(raw);
}

function numericTarget(
  target: NumericSlaTarget,
  sla: SlaValues | undefined,
  policy: SlaPolicy | undefined,
): SlaTargetEvaluation {
  const result: SlaTargetEvaluation = {
    key: target.key,
    label: target.label,
    unit: target.unit,
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
  const need = `${policy.tier} tier requires ${result.requiredText}`;
  if (declared === undefined) {
    const raw = sla?.raw[target.key];
    result.status = 'missing';
    result.message =
      raw === undefined
        ? `no ${target.key} declared, ${need}`
        : `${target.key} ${describeInvalid(raw)} is not a valid value, ${need}`;
  } else if (isWeakerSlaValue(target, declared, required)) {
    result.status = 'weaker';
    result.message = `${target.key} ${result.declaredText} declared, ${need}`;
  } else {
    result.status = 'meets';
  }
  return result;
}

function textTarget(
  key: 'support_hours' | 'break_handling',
  label: string,
  declared: string | undefined,
  required: string | undefined,
  policy: SlaPolicy | undefined,
): SlaTargetEvaluation {
  const result: SlaTargetEvaluation = { key, label, status: 'no-policy' };
  if (declared !== undefined) {
    result.declared = declared.trim();
    result.declaredText = declared.trim();
  }
  if (!policy || required === undefined) return result;
  const need = required.trim();
  result.required = need;
  result.requiredText = need;
  const requirement = `${policy.tier} tier requires "${need}"`;
  if (declared === undefined) {
    result.status = 'missing';
    result.message = `no ${key} declared, ${requirement}`;
    return result;
  }
  const have = declared.trim();
  let comparison: 'meets' | 'weaker' | 'unknown';
  if (key === 'support_hours') comparison = compareSupportHours(have, need);
  else
    comparison = have.toLowerCase() === need.toLowerCase() ? 'meets' : 'weaker';
  if (comparison === 'meets') {
    result.status = 'meets';
    return result;
  }
  result.status = 'weaker';
  result.message = `${key} "${have}" declared, ${requirement}${
    comparison === 'unknown' ? ' (cannot tell whether it covers them)' : ''
  }`;
  return result;
}

function complianceOf(
  hasPolicy: boolean,
  targets: SlaTargetEvaluation[],
): SlaCompliance {
  if (!hasPolicy) return 'no-policy';
  if (targets.some(t => t.status === 'weaker')) return 'non-compliant';
  if (targets.some(t => t.status === 'missing')) return 'incomplete';
  return 'compliant';
}

function tierSourceOf(
  service: RegistryService,
): 'service' | 'project' | undefined {
  if (!service.effectiveTier) return undefined;
  return service.tier ? 'service' : 'project';
}

/**
 * Puts a service's declared service levels (availability, response times p50/p95/p99, error
 * rate, RTO, RPO, support hours, break handling) next to the `[sla.<tier>]` policy of its
 * effective tier, target by target, with the same comparisons as the `policy/sla-below-tier`
 * validation rule; adds the downtime the declared and required availabilities allow per 30 days.
 *
 * @param service - the service
 * @param policies - the registry's policies
 * @public
 */
export function evaluateSla(
  service: RegistryService,
  policies: RegistryPolicies,
): SlaEvaluation {
  const tier = service.effectiveTier;
  const policy = tier ? policies.sla[tier] : undefined;
  const sla = service.sla;
  const targets: SlaTargetEvaluation[] = [
    ...NUMERIC_SLA_TARGETS.map(t => numericTarget(t, sla, policy)),
    textTarget(
      'support_hours',
      'Support hours',
      sla?.supportHours,
      policy?.supportHours,
      policy,
    ),
    textTarget(
      'break_handling',
      'Break handling',
      sla?.breakHandling,
      policy?.breakHandling,
      policy,
    ),
  ];
  const source = service.positions.sla ?? service.source;
  const evaluation: SlaEvaluation = {
    service: service.id,
    name: service.name,
    project: service.project ?? null,
    owner: service.owner,
    status: service.status,
    tier,
    tierSource: tierSourceOf(service),
    hasPolicy: policy !== undefined,
    declaresSla: sla !== undefined,
    compliance: complianceOf(policy !== undefined, targets),
    targets,
    gaps: targets.flatMap(t => (t.message ? [t.message] : [])),
    source: { file: source.file, line: source.line },
  };
  if (sla?.availability !== undefined) {
    evaluation.allowedDowntime = allowedDowntimePer30Days(sla.availability);
  }
  if (policy?.availability !== undefined) {
    evaluation.policyAllowedDowntime = allowedDowntimePer30Days(
      policy.availability,
    );
  }
  return evaluation;
}
