import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * Settings of one ingested registry, read from `catalog.providers.serviceRegistry`.
 *
 * @public
 */
export interface ServiceRegistryEntityProviderConfig {
  /** Provider id: `default` for a single registry, else the config key. */
  id: string;
  /** Directory path or URL of the registry root. */
  target: string;
  /** When the registry is read. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** System of the global services. */
  sharedSystem: string;
  /** Owner of services and projects that declare none. */
  defaultOwner: string;
  /** Whether to emit Group entities for owners no other source defines. */
  ownerGroups: boolean;
  /** Refuse refreshes that remove more than this share of the entities. */
  maxRemovalShare: number;
  /** Refuse refreshes that would empty a non-empty registry. */
  rejectEmpty: boolean;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 3 },
};

const ID_PATTERN = /^[a-zA-Z0-9_-]{1,63}$/;

/**
 * Reads every configured registry. A single registry (a `target` directly under
 * `catalog.providers.serviceRegistry`) gets the id `default`; several are keyed by id.
 *
 * @public
 */
export function readServiceRegistryProviderConfigs(
  config: Config,
): ServiceRegistryEntityProviderConfig[] {
  const root = config.getOptionalConfig('catalog.providers.serviceRegistry');
  if (!root) {
    return [];
  }
  if (root.has('target')) {
    return [readOne('default', root)];
  }
  return root.keys().map(id => {
    if (!ID_PATTERN.test(id)) {
      throw new InputError(
        `catalog.providers.serviceRegistry.${id}: provider ids may only contain letters, digits, '-' and '_' (at most 63)`,
      );
    }
    return readOne(id, root.getConfig(id));
  });
}

function readOne(
  id: string,
  config: Config,
): ServiceRegistryEntityProviderConfig {
  const maxRemovalShare =
    config.getOptionalNumber('guard.maxRemovalShare') ?? 0.5;
  if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
    throw new InputError(
      `catalog.providers.serviceRegistry (${id}): guard.maxRemovalShare must be between 0 and 1, got ${maxRemovalShare}`,
    );
  }
  return {
    id,
    target: config.getString('target'),
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    sharedSystem: config.getOptionalString('sharedSystem') ?? 'shared',
    defaultOwner: config.getOptionalString('defaultOwner') ?? 'unknown',
    ownerGroups: config.getOptionalBoolean('ownerGroups') ?? true,
    maxRemovalShare,
    rejectEmpty: config.getOptionalBoolean('guard.rejectEmpty') ?? true,
  };
}
