import semver from 'semver';

const SEMVER_OPTIONS: semver.RangeOptions = { includePrerelease: true };

/**
 * False for a valid semver range that no version can satisfy, prereleases included
 * (`>=2.0.0 <1.0.0`, or `^1.0.0 ^2.0.0` written for `^1.0.0 || ^2.0.0`: comparators separated by
 * a space must all hold); true for any other range, invalid ones included (those are reported
 * apart). Both semver's lowest version and its intersection test must find none, so that a range
 * only prereleases satisfy (`>1.0.0 <1.0.1` holds `1.0.1-rc.1`) is not taken for empty.
 *
 * @param range - the range as written
 */
export function isSatisfiableRange(range: string): boolean {
  try {
    return (
      semver.minVersion(range, SEMVER_OPTIONS) !== null ||
      semver.intersects(range, '*', SEMVER_OPTIONS)
    );
  } catch {
    return true;
  }
}
