import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * A schedule's duration (`frequency`, `timeout`, `initialDelay`, as Backstage's scheduler takes
 * them: a luxon `Duration` or a `HumanDuration`) in milliseconds; undefined for a cron or manual
 * frequency, or anything that is no duration.
 *
 * @param value - the duration as the schedule holds it
 * @public
 */
export function scheduleDurationMilliseconds(
  value: unknown,
): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if ('cron' in value || 'trigger' in value) return undefined;
  if ('toMillis' in value && typeof value.toMillis === 'function') {
    return value.toMillis();
  }
  return durationToMilliseconds(value as HumanDuration);
}
