import { RegistryFinding } from '../model/types';

/**
 * Code of the finding of a registry file that is not valid TOML (or not UTF-8), at the parser's
 * line and column.
 *
 * @public
 */
export const TOML_SYNTAX_CODE = 'toml/syntax';

/**
 * Code of the finding of a registry file that was not read because it is larger than the
 * readers' limit (`RegistryReadOptions.maxFileBytes`), at line 1, column 1, naming its size and
 * the limit.
 *
 * @public
 */
export const FILE_TOO_LARGE_CODE = 'toml/file-too-large';

/**
 * Whether a finding says that its file contributed nothing to the registry: the file does not
 * parse (`toml/syntax`) or was not read because it is above the size limit
 * (`toml/file-too-large`). These are the findings of the files in `LoadedRegistry.failedFiles`,
 * whose last good version the catalog keeps.
 *
 * @param finding - a finding of `loadRegistry` or of validation
 * @public
 */
export function isUnreadFileFinding(
  finding: Pick<RegistryFinding, 'code'>,
): boolean {
  return (
    finding.code === TOML_SYNTAX_CODE || finding.code === FILE_TOO_LARGE_CODE
  );
}

/**
 * Why a file contributed nothing, as a predicate after the file's name or `it`: `does not parse`,
 * or `is above the size limit for a registry file`.
 *
 * @param finding - a finding for which {@link isUnreadFileFinding} holds
 * @public
 */
export function unreadFileReason(
  finding: Pick<RegistryFinding, 'code'>,
): string {
  return finding.code === FILE_TOO_LARGE_CODE
    ? 'is above the size limit for a registry file'
    : 'does not parse';
}
