import { SlaValues } from '../model/types';
import { CheckContext, checkFieldAt, checkUnknownFields } from './fieldCheck';
import { checkTextAt } from './controlCharacters';
import { durationSpec, percentSpec } from './fieldSpecs';
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
  return {
    availability: checkFieldAt(
      ctx,
      table.availability,
      path,
      'availability',
      percentSpec,
    ),
    responseTimeP50Ms: checkFieldAt(
      ctx,
      table.response_time_p50,
      path,
      'response_time_p50',
      durationSpec,
    ),
    responseTimeP95Ms: checkFieldAt(
      ctx,
      table.response_time_p95,
      path,
      'response_time_p95',
      durationSpec,
    ),
    responseTimeP99Ms: checkFieldAt(
      ctx,
      table.response_time_p99,
      path,
      'response_time_p99',
      durationSpec,
    ),
    errorRate: checkFieldAt(
      ctx,
      table.error_rate,
      path,
      'error_rate',
      percentSpec,
    ),
    breakHandling: checkTextAt(
      ctx,
      table.break_handling,
      path,
      'break_handling',
    ),
    supportHours: checkTextAt(ctx, table.support_hours, path, 'support_hours'),
    rtoMs: checkFieldAt(ctx, table.rto, path, 'rto', durationSpec),
    rpoMs: checkFieldAt(ctx, table.rpo, path, 'rpo', durationSpec),
    raw: table,
  };
}
