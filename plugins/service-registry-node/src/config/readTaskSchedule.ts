import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { scheduleDurationMilliseconds } from './scheduleDurationMilliseconds';

/**
 * Reads a task schedule (`frequency`, `timeout`, optional `initialDelay` and `scope`, as
 * Backstage's scheduler takes them) from a config key, or gives the fallback when the key is not
 * set. A bad schedule is refused with an error naming the full key and what a schedule looks
 * like, instead of the scheduler's message, which names only the inner key. `scope: 'local'` is
 * refused: the suite's tasks (an ingestion, reminders) must run on one instance per interval.
 *
 * @param config - the root config, or the config at `options.at`
 * @param key - the key of the schedule in `config`, e.g. `serviceRegistry.notifications.schedule`
 * @param fallback - the schedule when the key is not set
 * @param options - `at`: the full key of `config` when it is not the root, for the message
 * @throws InputError for a schedule the scheduler cannot read, or one with `scope: 'local'`
 * @public
 */
export function readTaskSchedule(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
  options: { at?: string } = {},
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(key)) return fallback;
  const fullKey = options.at ? `${options.at}.${key}` : key;
  let schedule: SchedulerServiceTaskScheduleDefinition;
  try {
    schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(
      config.getConfig(key),
    );
  } catch (error) {
    throw new InputError(
      `${fullKey} is not a valid schedule (it needs a frequency and a timeout, e.g. { frequency: { minutes: 5 }, timeout: { minutes: 3 } }): ${
        (error as Error).message
      }`,
    );
  }
  // a local task runs on every instance: each backend would ingest the registry (or send the
  // reminders) at the same time as the others
  if (schedule.scope === 'local') {
    throw new InputError(
      `${fullKey}.scope: 'local' would run this task on every backend instance at once (each one ingesting the registry or sending the reminders); remove it: the task runs on one instance per interval, whichever holds its lock`,
    );
  }
  // the scheduler takes any duration: a negative frequency runs the task back to back, and a
  // timeout of zero lets its lock expire at once (another instance then runs it too)
  for (const [name, value] of [
    ['frequency', schedule.frequency],
    ['timeout', schedule.timeout],
  ] as const) {
    const ms = scheduleDurationMilliseconds(value);
    if (ms !== undefined && !(ms > 0)) {
      throw new InputError(
        `${fullKey}.${name} must be a duration above zero, e.g. { minutes: 5 }, got ${JSON.stringify(
          value,
        )}`,
      );
    }
  }
  return schedule;
}
