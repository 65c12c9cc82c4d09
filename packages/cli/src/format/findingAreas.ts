import {
  findingArea,
  isUnreadFileFinding,
  KNOWN_FINDING_CODE_PREFIXES,
  RegistryFinding,
} from '@service-registry/plugin-service-registry-common';

/**
 * The areas of the finding codes `validate` reports, without their `/` (`dependency`,
 * `security`), sorted: those of the loader and the rules, and `catalog` (what the catalog
 * provider would report, `catalog/duplicate-entity`, ...).
 */
export const FINDING_AREAS: readonly string[] = [
  ...KNOWN_FINDING_CODE_PREFIXES.map(prefix => prefix.slice(0, -1)),
  'catalog',
].sort();

/**
 * The findings of the given areas (`security` keeps `security/secret-value`, ...), and those of
 * the files that could not be read (`toml/syntax`, `toml/file-too-large`) whatever the areas: what
 * such a file declares was checked for no area, so leaving them out would pass a check that never
 * ran.
 *
 * @param findings - every finding of the registry
 * @param areas - the areas to keep; undefined keeps every finding
 */
export function findingsInAreas(
  findings: readonly RegistryFinding[],
  areas: readonly string[] | undefined,
): RegistryFinding[] {
  if (areas === undefined) return [...findings];
  const kept = new Set(areas);
  return findings.filter(
    f => kept.has(findingArea(f.code)) || isUnreadFileFinding(f),
  );
}
