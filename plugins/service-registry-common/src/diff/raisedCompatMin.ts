import semver from 'semver';
import { isSatisfiableRange } from '../validation/satisfiableRange';
import { comparedServices } from './scope';
import { DiffContext } from './types';

const SEMVER_OPTIONS = { includePrerelease: true };

/**
 * The `compat_version_min` a change raises: the compared declaration's minimum in head (see
 * {@link comparedServices}) when base had none or a lower one, with base's; undefined when the
 * service is missing on a side, head declares no minimum, or it did not go up.
 *
 * @param ctx - the diff context
 * @param id - the service
 */
export function raisedCompatMin(
  ctx: DiffContext,
  id: string,
): { min: string; old?: string } | undefined {
  const { before, after } = comparedServices(ctx, id);
  if (!before || !after || after.compatVersionMin === undefined) {
    return undefined;
  }
  const min = after.compatVersionMin;
  const old = before.compatVersionMin;
  if (old !== undefined && !semver.gt(min, old)) return undefined;
  return old === undefined ? { min } : { min, old };
}

/**
 * Whether a consumer's range is one a raised `compat_version_min` breaks: a valid range that no
 * version at or above the new minimum satisfies. A range no version ever satisfied is not (the
 * validation reports it; the raise does not break it), nor is an absent or invalid one.
 *
 * @param range - the range the consumer writes, if any
 * @param min - the new minimum
 */
export function minLeavesOut(range: string | undefined, min: string): boolean {
  if (range === undefined) return false;
  if (semver.validRange(range, SEMVER_OPTIONS) === null) return false;
  if (!isSatisfiableRange(range)) return false;
  return !semver.intersects(range, `>=${min}`, SEMVER_OPTIONS);
}
