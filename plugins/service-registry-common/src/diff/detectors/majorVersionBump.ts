import semver from 'semver';
import { comparedServices } from '../scope';
import { BreakingChangeDetector } from '../types';

/**
 * `major-version-bump`: the major version went up (for 0.x versions, the minor one, as semver
 * treats it).
 */
export const majorVersionBump: BreakingChangeDetector = (ctx, id) => {
  const compared = comparedServices(ctx, id);
  const before = compared.before?.version;
  const afterService = compared.after;
  const after = afterService?.version;
  if (!before || !after || !afterService) return [];
  const bumped =
    semver.major(after) > semver.major(before) ||
    (semver.major(after) === 0 &&
      semver.major(before) === 0 &&
      semver.minor(after) > semver.minor(before));
  if (!bumped) return [];
  return [
    {
      kind: 'major-version-bump',
      service: id,
      message: `Service "${id}" goes from ${before} to ${after}, a major (incompatible) version: document the migration, keep compat_version_min and compat_with truthful, and check that every consumer's range accepts ${after}.`,
      position: afterService.positions.version ?? afterService.source,
    },
  ];
};
