import { Config } from '@backstage/config';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { registryNotFoundMessages } from '@service-registry/plugin-service-registry-common';
import { RegistrySnapshot } from './RegistrySnapshot';
import { ServiceRegistrySnapshotService } from './serviceRegistrySnapshotServiceRef';

/**
 * The ids of the registries configured under `catalog.providers.serviceRegistry`, as the catalog
 * provider reads them: `default` for a single registry (a `target` directly under the key), the
 * keys for several.
 *
 * @param config - the root config
 * @public
 */
export function configuredRegistryIds(config: Config): string[] {
  const root = config.getOptionalConfig('catalog.providers.serviceRegistry');
  if (!root) return [];
  return root.has('target') ? ['default'] : root.keys();
}

/**
 * The registry an API request asks for, chosen the same way on every endpoint: `requested` when
 * given; else `default` when there is one, else the only registry there is (`unnamed`, what a
 * request that names none gets). Also the ids known: the configured ones and those with a
 * snapshot, sorted.
 *
 * @param snapshots - the published snapshots
 * @param requested - the `registry` the request gives, if any
 * @param configured - the configured ids ({@link configuredRegistryIds})
 * @public
 */
export function chooseRegistryId(
  snapshots: Pick<ServiceRegistrySnapshotService, 'list'>,
  requested: string | undefined,
  configured: readonly string[],
): { id: string; unnamed: string; known: string[] } {
  const known = [
    ...new Set([...configured, ...snapshots.list().map(s => s.providerId)]),
  ].sort();
  const unnamed =
    known.length === 1 && known[0] !== 'default' ? known[0] : 'default';
  return { id: requested ?? unnamed, unnamed, known };
}

/**
 * The snapshot of the registry an API request asks for, chosen as {@link chooseRegistryId} says.
 * A configured registry without a snapshot yet (the provider has not run since the backend
 * started) is a `ServiceUnavailableError` (503: try again); any other unknown id a
 * `NotFoundError` naming the registries there are.
 *
 * @param snapshots - the published snapshots
 * @param requested - the `registry` the request gives, if any
 * @param configured - the configured ids ({@link configuredRegistryIds})
 * @public
 */
export function chooseRegistrySnapshot(
  snapshots: Pick<ServiceRegistrySnapshotService, 'get' | 'list'>,
  requested: string | undefined,
  configured: readonly string[],
): RegistrySnapshot {
  const { id, known } = chooseRegistryId(snapshots, requested, configured);
  const found = snapshots.get(id);
  if (found) return found;
  if (configured.includes(id)) {
    throw new ServiceUnavailableError(
      `registry "${id}" has not been ingested yet since this backend started: try again in a minute, and see the catalog's logs if it lasts`,
    );
  }
  throw new NotFoundError(registryNotFoundMessages.registry(id, known));
}
