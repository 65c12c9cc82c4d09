import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * Reads a task schedule (`frequency`, `timeout`, optional `initialDelay` and `scope`, as
 * Backstage's scheduler takes them) from a config key, or gives the fallback when the key is not
 * set. A bad schedule is refused with an error naming the full key and what a schedule looks
 * like, instead of the scheduler's message, which names only the inner key.
 *
 * @param config - the root config, or the config at `options.at`
 * @param key - the key of the schedule in `config`, e.g. `serviceRegistry.notifications.schedule`
 * @param fallback - the schedule when the key is not set
 * @param options - `at`: the full key of `config` when it is not the root, for the message
 * @throws InputError for a schedule the scheduler cannot read
 * @public
 */
export function readTaskSchedule(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
  options: { at?: string } = {},
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(key)) return fallback;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      config.getConfig(key),
    );
  } catch (error) {
    const fullKey = options.at ? `${options.at}.${key}` : key;
    throw new InputError(
      `${fullKey} is not a valid schedule (it needs a frequency and a timeout, e.g. { frequency: { minutes: 5 }, timeout: { minutes: 3 } }): ${
        (error as Error).message
      }`,
    );
  }
}
