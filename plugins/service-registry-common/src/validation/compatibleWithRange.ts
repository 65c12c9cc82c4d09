import semver from 'semver';

/** Prereleases of the provider count: the registry records what is deployed. */
const SEMVER_OPTIONS: semver.RangeOptions = { includePrerelease: true };

/**
 * Whether a version the provider stays compatible with (a `compat_with` entry, a version or a
 * range: `"1.4.0"`, `"1.x"`, `"^1.4"`) lies in a consumer's range: the provider then serves that
 * consumer although its own version is outside the range (`auth@^1.0` with auth at 2.1.0 and
 * `compat_with = ["1.x"]`). Entries that are not semver (the loader reports them) count for
 * nothing. The reading `dependency/version-unsatisfied` applies; other views of a dependency's
 * compatibility should use it too.
 *
 * @param compatWith - the provider's `compat_with`
 * @param range - the consumer's range, parsed with prereleases included
 */
export function compatibleWithRange(
  compatWith: readonly string[],
  range: semver.Range,
): boolean {
  return compatWith.some(entry => {
    try {
      return semver.intersects(
        range,
        new semver.Range(entry, SEMVER_OPTIONS),
        SEMVER_OPTIONS,
      );
    } catch {
      return false;
    }
  });
}
