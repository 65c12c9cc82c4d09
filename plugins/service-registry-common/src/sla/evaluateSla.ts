import { keyPosition } from '../load/filePositions';
import { tomlBasicString } from '../load/keyPath';
import {
  RegistryPolicies,
  RegistryService,
  SlaPolicy,
  SlaValues,
} from '../model/types';
import { allowedDowntimePer30Days } from './allowedDowntime';
import { compareSlaWithPolicy, SlaPolicyComparison } from './compareWithPolicy';
import { SlaCompliance, SlaEvaluation, SlaTargetEvaluation } from './types';

/** A value as written, for a message: a string quoted with escapes (never a raw control character). */
function describeInvalid(raw: unknown): string {
  return typeof raw === 'string' ? tomlBasicString(raw) : String(raw);
}

const LABELS: Record<string, string> = {
  support_hours: 'Support hours',
  break_handling: 'Break handling',
};

/** A comparison as the SLA card shows it: label, unit and, for a gap, what is wrong. */
function targetEvaluation(
  comparison: SlaPolicyComparison,
  sla: SlaValues | undefined,
  policy: SlaPolicy | undefined,
): SlaTargetEvaluation {
  const { key, numeric, status } = comparison;
  const result: SlaTargetEvaluation = {
    key,
    label: numeric?.label ?? LABELS[key] ?? key,
    status,
  };
  if (numeric) result.unit = numeric.unit;
  if (comparison.declared !== undefined) {
    result.declared = comparison.declared;
    result.declaredText = comparison.declaredText;
  }
  if (comparison.required !== undefined) {
    result.required = comparison.required;
    result.requiredText = comparison.requiredText;
  }
  if (!policy || (status !== 'weaker' && status !== 'missing')) return result;
  // numbers are shown as written, text quoted
  const show = (text: string | undefined) =>
    numeric ? `${text}` : `"${text}"`;
  const need = `${policy.tier} tier requires ${show(comparison.requiredText)}`;
  if (status === 'weaker') {
    result.message = `${key} ${show(
      comparison.declaredText,
    )} declared, ${need}`;
  } else if (comparison.invalid) {
    result.message = `${key} ${describeInvalid(
      sla?.raw[key],
    )} is not a valid value, ${need}`;
  } else {
    result.message = `no ${key} declared, ${need}`;
  }
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
 * effective tier, target by target. The verdicts come from `compareSlaWithPolicy`, which the
 * `policy/sla-below-tier` and `policy/sla-missing` validation rule uses too: a target is `weaker`
 * exactly when validation reports it below the tier, `missing` when validation reports it missing
 * (or, for a value that cannot be read, reports that value). Support hours outside the scale and
 * break handling are shown next to the policy's without a verdict. Adds the downtime the declared
 * and required availabilities allow per 30 days.
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
  const targets = compareSlaWithPolicy(sla, policy).map(c =>
    targetEvaluation(c, sla, policy),
  );
  const source = keyPosition(service, 'sla') ?? service.source;
  const evaluation: SlaEvaluation = {
    service: service.id,
    name: service.name,
    project: service.project ?? null,
    owner: service.effectiveOwner,
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
