import { LoadedRegistry, RegistryService } from '../model/types';
import { migrationTarget } from '../validation/successors';

/**
 * What a consumer of a deprecated or retired service should do, as `lifecycle/depends-on-*`
 * says it: `migrate to "new-api" (guide: https://…)`;
 * `migrate to "v4", the live end of its replacements v2 → v3 → v4` when the replacement is itself
 * deprecated or retired (never to a service at the end of its lifecycle);
 * `its replacement_service "ghost" is no live service (no registry file declares it), so ask the owners of "old" where to migrate`
 * when the chain reaches no live service; `"v4" is its live successor, so take over what it still uses "old" for` for
 * the successor itself; `migrate to its successor` when no replacement is named. The successors
 * are the ones the consumer's project sees (see `migrationTarget`).
 *
 * @param registry - the loaded registry
 * @param provider - the deprecated or retired service
 * @param project - the consumer's project (undefined for a global consumer)
 * @param consumer - the consumer's id, when the hint is for one consumer
 * @public
 */
export function migrationHint(
  registry: LoadedRegistry,
  provider: RegistryService,
  project: string | undefined,
  consumer?: string,
): string {
  const guide = provider.migration?.guideUrl
    ? ` (guide: ${provider.migration.guideUrl})`
    : '';
  const target = migrationTarget(registry, provider, project);
  if (target === undefined) return `migrate to its successor${guide}`;
  if ('none' in target) {
    return `its replacement_service "${provider.replacementService}" is no live service (${target.none}), so ask the owners of "${provider.id}" where to migrate${guide}`;
  }
  if (target.live === consumer) {
    return `"${consumer}" is its ${
      target.chain === undefined ? 'replacement' : 'live successor'
    }, so take over what it still uses "${provider.id}" for${guide}`;
  }
  return target.chain === undefined
    ? `migrate to "${target.live}"${guide}`
    : `migrate to "${target.live}", ${target.chain}${guide}`;
}
