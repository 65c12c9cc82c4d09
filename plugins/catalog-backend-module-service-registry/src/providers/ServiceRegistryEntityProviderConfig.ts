import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  MAX_REGISTRY_FILE_BYTES_LIMIT,
  ownerToEntityRef,
} from '@service-registry/plugin-service-registry-common';
import { readTaskSchedule } from '@service-registry/plugin-service-registry-node';
import { directoryOfTarget } from '../lib/directoryOfTarget';

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
  /** Files larger than this many bytes are not read (default: the readers' 16 MiB). */
  maxFileBytes?: number;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 3 },
};

// a config key (Backstage's rule, without `:`, which no entity name takes), and the status
// Resource is `service-registry-<id>`, whose name has at most 63 characters
const ID_PATTERN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i;
const MAX_ID_LENGTH = 46;

/** The settings of one registry; any other key is refused, naming it. */
const SETTINGS: ReadonlySet<string> = new Set([
  'target',
  'schedule',
  'sharedSystem',
  'defaultOwner',
  'ownerGroups',
  'guard',
  'maxFileBytes',
]);
const GUARD_SETTINGS: ReadonlySet<string> = new Set([
  'maxRemovalShare',
  'rejectEmpty',
]);

/** Refuses the keys of `config` that are not among `known`, naming the first. */
function refuseUnknownKeys(
  config: Config,
  known: ReadonlySet<string>,
  key: string,
  hint = '',
): void {
  const unknown = config.keys().filter(k => !known.has(k));
  if (unknown.length > 0) {
    throw new InputError(
      `${key}.${unknown[0]} is not a setting of a registry; the settings are ${[
        ...known,
      ].join(', ')}${hint}`,
    );
  }
}
const KEY = 'catalog.providers.serviceRegistry';

/**
 * The target with the user name and password of a URL (`scheme://user:password@host`, also after
 * the `url:` of a location reference) replaced by `***`; any other target as it is.
 */
function withoutUserInfo(target: string): string {
  return target.replace(
    /^((?:url:)?[a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i,
    '$1***@',
  );
}

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
    // a keyed registry next to the single form would be ignored without a word
    return [
      readOne(
        'default',
        root,
        KEY,
        ` (several registries are each keyed by id, with no target of their own directly under ${KEY})`,
      ),
    ];
  }
  const byStatusName = new Map<string, string>();
  return root.keys().map(id => {
    if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) {
      throw new InputError(
        `${KEY}.${id}: a provider id is letters and digits, starting with a letter, in parts joined by single '-' or '_' (at most ${MAX_ID_LENGTH} characters), e.g. "platform" or "team-2"`,
      );
    }
    const same = byStatusName.get(id.toLowerCase());
    if (same !== undefined) {
      throw new InputError(
        `${KEY}: the provider ids "${same}" and "${id}" differ only in case, and would share one status Resource; rename one of them`,
      );
    }
    byStatusName.set(id.toLowerCase(), id);
    return readOne(id, root.getConfig(id), `${KEY}.${id}`);
  });
}

function readOne(
  id: string,
  config: Config,
  key: string,
  unknownKeyHint?: string,
): ServiceRegistryEntityProviderConfig {
  refuseUnknownKeys(config, SETTINGS, key, unknownKeyHint);
  const guard = config.getOptionalConfig('guard');
  if (guard) refuseUnknownKeys(guard, GUARD_SETTINGS, `${key}.guard`);
  const maxRemovalShare =
    config.getOptionalNumber('guard.maxRemovalShare') ?? 0.5;
  if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
    throw new InputError(
      `${key}.guard.maxRemovalShare must be between 0 and 1, got ${maxRemovalShare}`,
    );
  }
  const sharedSystem = config.getOptionalString('sharedSystem') ?? 'shared';
  if (!KubernetesValidatorFunctions.isValidObjectName(sharedSystem)) {
    throw new InputError(
      `${key}.sharedSystem must be a catalog entity name (letters and digits joined by '-', '_' or '.', at most 63 characters), got "${sharedSystem}"`,
    );
  }
  const defaultOwner = config.getOptionalString('defaultOwner') ?? 'unknown';
  if (!ownerToEntityRef(defaultOwner)) {
    throw new InputError(
      `${key}.defaultOwner must name a team (e.g. "platform-team") or an entity ref (e.g. "group:default/platform-team"), got "${defaultOwner}"`,
    );
  }
  const maxFileBytes = config.getOptionalNumber('maxFileBytes');
  if (
    maxFileBytes !== undefined &&
    !(
      Number.isSafeInteger(maxFileBytes) &&
      maxFileBytes > 0 &&
      maxFileBytes <= MAX_REGISTRY_FILE_BYTES_LIMIT
    )
  ) {
    throw new InputError(
      `${key}.maxFileBytes must be a whole number of bytes above 0 and up to ${MAX_REGISTRY_FILE_BYTES_LIMIT} (256 MiB, the largest file a reader holds as text; e.g. 33554432 for 32 MiB), got ${maxFileBytes}`,
    );
  }
  const target = config.getString('target');
  // what the messages show of the target: never a user name or password written into it
  const shown = withoutUserInfo(target);
  // a scheme of two characters or more (`C:\registry` is a Windows directory), with `//` or not:
  // Backstage's location references (`url:https://…`) would otherwise read as a relative directory
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(target)?.[1];
  if (scheme && !/^(https?|file)$/i.test(scheme)) {
    const hint = /^url:https?:\/\//i.test(target)
      ? ` (write the URL without the "url:" of a catalog location: "${shown.slice(
          4,
        )}")`
      : '';
    throw new InputError(
      `${key}.target must be a directory or an http(s) URL read through the integrations, got the scheme "${scheme}:" in "${shown}"${hint}`,
    );
  }
  // the target is every entity's location annotation, the status Resource's and the logs'
  if (shown !== target) {
    throw new InputError(
      `${key}.target must not carry a user name or password (got ${shown}): every entity of the registry, its status Resource and the logs show the target, and the registry is read with the credentials of the host's integration (integrations.github, integrations.gitlab, …). Write the URL without them, and configure the token in the integration.`,
    );
  }
  if (/^file:/i.test(target)) {
    try {
      directoryOfTarget(target);
    } catch (error) {
      throw new InputError(`${key}.target: ${(error as Error).message}`);
    }
  }
  return {
    id,
    target,
    schedule: readTaskSchedule(config, 'schedule', DEFAULT_SCHEDULE, {
      at: key,
    }),
    sharedSystem,
    defaultOwner,
    ownerGroups: config.getOptionalBoolean('ownerGroups') ?? true,
    maxRemovalShare,
    rejectEmpty: config.getOptionalBoolean('guard.rejectEmpty') ?? true,
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
  };
}
