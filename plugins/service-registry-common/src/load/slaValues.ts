import { SlaValues } from '../model/types';
import { CheckContext, checkField, checkUnknownFields } from './fieldCheck';
import { durationSpec, percentSpec, stringSpec } from './fieldSpecs';
import { KeyPathPart } from './keyPath';

const SLA_KEYS: ReadonlySet<string> = new Set([
  'availability',
  'response_time_p50',
  'response_time_p95',
  'response_time_p99',
  'error_rate',
  'break_handling',
  'support_hours',
  'rto',
  'rpo',
]);

/**
 * Reads a service-level table (a service's `sla` or a policy's `[sla.<tier>]`), normalising
 * percentages and durations; invalid values are reported and left out.
 *
 * @param ctx - where to report
 * @param table - the table as written
 * @param path - its path relative to the record
 */
export function parseSlaValues(
  ctx: CheckContext,
  table: Record<string, unknown>,
  path: readonly KeyPathPart[],
): SlaValues {
  checkUnknownFields(ctx, table, SLA_KEYS, path);
  const at = (key: string) => [...path, key];
  return {
    availability: checkField(
      ctx,
      table.availability,
      at('availability'),
      percentSpec,
    ),
    responseTimeP50Ms: checkField(
      ctx,
      table.response_time_p50,
      at('response_time_p50'),
      durationSpec,
    ),
    responseTimeP95Ms: checkField(
      ctx,
      table.response_time_p95,
      at('response_time_p95'),
      durationSpec,
    ),
    responseTimeP99Ms: checkField(
      ctx,
      table.response_time_p99,
      at('response_time_p99'),
      durationSpec,
    ),
    errorRate: checkField(ctx, table.error_rate, at('error_rate'), percentSpec),
    breakHandling: checkField(
      ctx,
      table.break_handling,
      at('break_handling'),
      stringSpec,
    ),
    supportHours: checkField(
      ctx,
      table.support_hours,
      at('support_hours'),
      stringSpec,
    ),
    rtoMs: checkField(ctx, table.rto, at('rto'), durationSpec),
    rpoMs: checkField(ctx, table.rpo, at('rpo'), durationSpec),
    raw: table,
  };
}
