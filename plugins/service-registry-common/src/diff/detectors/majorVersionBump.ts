import { keyPosition } from '../../load/filePositions';
import semver from 'semver';
import { comparedServices } from '../scope';
import { BreakingChangeDetector } from '../types';

/**
 * The part of a version that semver treats as its compatibility line: the major version, or for
 * 0.x versions the minor one (`2`, `0.4`).
 */
function line(version: string): number[] {
  const major = semver.major(version);
  return major === 0 ? [0, semver.minor(version)] : [major];
}

/** -1, 0 or 1 as the compatibility line of `a` is before, the same as or after that of `b`. */
function compareLines(a: string, b: string): number {
  const [x, y] = [line(a), line(b)];
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const d = (x[k] ?? -1) - (y[k] ?? -1);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * `major-version-bump`: the major version changed (for 0.x versions, the minor one, as semver
 * treats it): up, or back to an earlier major (a revert), which breaks the consumers that need the
 * later one just as much.
 */
export const majorVersionBump: BreakingChangeDetector = (ctx, id) => {
  const compared = comparedServices(ctx, id);
  const before = compared.before?.version;
  const afterService = compared.after;
  const after = afterService?.version;
  if (!before || !after || !afterService) return [];
  const direction = compareLines(after, before);
  if (direction === 0) return [];
  return [
    {
      kind: 'major-version-bump',
      service: id,
      message:
        direction > 0
          ? `Service "${id}" goes from ${before} to ${after}, a major (incompatible) version: document the migration, keep compat_version_min and compat_with truthful, and check that every consumer's range accepts ${after}.`
          : `Service "${id}" goes back from ${before} to ${after}, an earlier major (incompatible) version: consumers that need ${line(
              before,
            ).join(
              '.',
            )}.x break. Check that every consumer's range accepts ${after}, or release the fix as a new version instead.`,
      position: keyPosition(afterService, 'version') ?? afterService.source,
    },
  ];
};
