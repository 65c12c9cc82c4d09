import { RegistryService } from '../model/types';

/**
 * What a consumer of a deprecated or retired service should do: `migrate to "new-api" (guide:
 * https://…)`, or `migrate to its successor` when no replacement is named.
 *
 * @param provider - the deprecated or retired service
 * @public
 */
export function migrationHint(provider: RegistryService): string {
  const target = provider.replacementService
    ? `migrate to "${provider.replacementService}"`
    : 'migrate to its successor';
  const guide = provider.migration?.guideUrl
    ? ` (guide: ${provider.migration.guideUrl})`
    : '';
  return `${target}${guide}`;
}
