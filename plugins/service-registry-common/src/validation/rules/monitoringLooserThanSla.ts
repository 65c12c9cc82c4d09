import { keyPosition } from '../../load/filePositions';
import { MONITORING_METRIC_SPECS } from '../../load/attachMonitoring';
import { describeValue } from '../../load/describeValue';
import { FieldSpec } from '../../load/fieldCheck';
import {
  RegistryFinding,
  RegistryPolicies,
  RegistryService,
  ServiceMonitoring,
  SourcePosition,
} from '../../model/types';
import { effectiveSlaOf, slaPolicyOf } from '../../sla/effectiveSla';
import {
  isWeakerSlaValue,
  slaTargetByKey,
  NumericSlaTarget,
} from '../../sla/targets';
import { makeFinding, quoted } from '../findings';
import { ValidationContext } from '../types';

/** A metric of `[service.<id>.metrics]` with a service-level counterpart. */
interface Counterpart {
  /** The metric's key (`availability_threshold`). */
  metric: string;
  /** How it reads as a number. */
  spec: FieldSpec<number>;
  /** The SLA target it alerts on (`availability`). */
  target: NumericSlaTarget;
}

/** The metrics compared with the SLA, in the order they are reported. */
const COUNTERPARTS: readonly Counterpart[] = [
  ['availability_threshold', 'availability'],
  ['response_time_p50', 'response_time_p50'],
  ['response_time_p95', 'response_time_p95'],
  ['response_time_p99', 'response_time_p99'],
  ['error_rate_threshold', 'error_rate'],
].map(([metric, key]) => ({
  metric,
  spec: MONITORING_METRIC_SPECS.get(metric)!,
  target: slaTargetByKey(key),
}));

/** What the service commits to for one target, and where that commitment is written. */
interface Commitment {
  value: number;
  /** As written (`"99.9%"` → `99.9%`). */
  text: string;
  /** Where it comes from, for messages. */
  origin: string;
}

const at = (position: SourcePosition) => `${position.file}:${position.line}`;

/** The threshold as a number (percent or milliseconds), or undefined when it is not valid. */
function thresholdOf(
  raw: unknown,
  spec: FieldSpec<number>,
): number | undefined {
  const accepted = spec.accept?.(raw);
  if (accepted !== undefined) return accepted;
  const parsed = spec.schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The service's effective commitment for a target (its own `sla` value, else its tier policy's;
 * see `effectiveSlaOf`), with where it is written.
 */
function commitment(
  service: RegistryService,
  policies: RegistryPolicies,
  target: NumericSlaTarget,
): Commitment | undefined {
  const effective = effectiveSlaOf(service, policies, target);
  if (!effective) return undefined;
  const policy = slaPolicyOf(service, policies);
  const key = `sla.${target.key}`;
  const origin =
    effective.fromPolicy && policy
      ? `the ${policy.tier} tier policy, [sla.${policy.tier}] in ${at(
          policy.source,
        )}`
      : `${key} in ${at(keyPosition(service, key) ?? service.source)}`;
  return { value: effective.value, text: effective.text, origin };
}

/** The value to write instead, in the form the threshold is written in. */
function suggestion(raw: unknown, { target }: Counterpart, sla: Commitment) {
  if (target.unit === 'ms') return JSON.stringify(sla.text);
  return typeof raw === 'string' ? `"${sla.value}%"` : String(sla.value);
}

function checkMonitoring(
  monitoring: ServiceMonitoring,
  service: RegistryService,
  policies: RegistryPolicies,
  findings: RegistryFinding[],
): void {
  const metrics = monitoring.metrics;
  if (!metrics) return;
  for (const counterpart of COUNTERPARTS) {
    const { metric, target } = counterpart;
    const raw = metrics[metric];
    if (raw === undefined) continue;
    const threshold = thresholdOf(raw, counterpart.spec);
    if (threshold === undefined) continue;
    const sla = commitment(service, policies, target);
    if (!sla || !isWeakerSlaValue(target, threshold, sla.value)) continue;
    let looser = 'is above';
    if (target.higherIsBetter) looser = 'is below';
    else if (target.unit === 'ms') looser = 'is slower than';
    findings.push(
      makeFinding(
        'warning',
        'monitoring/threshold-looser-than-sla',
        `Monitoring of ${quoted(service.id)} in project ${quoted(
          monitoring.project,
        )}: metrics.${metric} ${describeValue(raw, metric)} ${looser} the ${
          target.key
        } of its SLA, ${sla.text} (${
          sla.origin
        }): the alert would fire only once the SLA is already broken. ${
          target.higherIsBetter ? 'Raise' : 'Lower'
        } ${metric} to ${suggestion(raw, counterpart, sla)} or ${
          target.higherIsBetter ? 'more' : 'less'
        }.`,
        monitoring.positions?.[`metrics.${metric}`] ??
          monitoring.positions?.metrics ??
          monitoring.source,
        { service: service.id, project: monitoring.project },
      ),
    );
  }
}

/**
 * `monitoring/threshold-looser-than-sla` (warning): a threshold of a project's `monitoring.toml`
 * (`[service.<id>.metrics]`) looser than what the service commits to, so that its alert fires
 * only after the SLA is already broken: `availability_threshold` below the availability,
 * `response_time_p50|p95|p99` slower than the same percentile, `error_rate_threshold` above the
 * error rate. The commitment is the service's own `sla` value, else the `[sla.<tier>]` policy of
 * its effective tier; a target neither sets is not compared. The service is read as the
 * monitoring project sees it (its override, when it has one). Reported at the metric's key;
 * retired services and invalid thresholds (reported by the loader) are not checked.
 *
 * @param ctx - the validation context
 */
export function monitoringLooserThanSla(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const { overrides, policies } = ctx.registry;
  for (const global of ctx.services) {
    // each monitoring entry is on the service the registry lists (and on a project's view)
    for (const monitoring of global.monitoring) {
      const service =
        overrides.get(monitoring.project)?.get(global.id) ?? global;
      if (service.status === 'retired') continue;
      checkMonitoring(monitoring, service, policies, findings);
    }
  }
  return findings;
}
