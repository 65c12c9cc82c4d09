import semver from 'semver';
import { RegistryFinding } from '../../model/types';
import { checkDependencies, edgeSite, overrideNote } from '../edges';
import { makeFinding, quoted, serviceLabel } from '../findings';
import { isSatisfiableRange } from '../satisfiableRange';
import { ValidationContext } from '../types';

const SEMVER_OPTIONS = { includePrerelease: true };

/**
 * `dependency/below-compat-min` (warning): a consumer's range that only allows versions below the
 * provider's `compat_version_min`, i.e. versions the provider no longer stays compatible with.
 * The provider is the one the consumer's project sees (its override, if it declares one). A range
 * no version satisfies is left to `dependency/unsatisfiable-range`. Retired consumers do not
 * count (see `checkDependencies`): the ranges a retired service still lists are not checked.
 *
 * @param ctx - the validation context
 */
export function belowCompatMin(ctx: ValidationContext): RegistryFinding[] {
  return checkDependencies(ctx, ({ edge, provider }) => {
    if (edge.range === undefined) return undefined;
    const min = provider?.compatVersionMin;
    if (min === undefined) return undefined;
    if (semver.validRange(edge.range, SEMVER_OPTIONS) === null)
      return undefined;
    // a range no version satisfies is reported by versionRanges
    if (!isSatisfiableRange(edge.range)) return undefined;
    if (semver.intersects(edge.range, `>=${min}`, SEMVER_OPTIONS)) {
      return undefined;
    }
    const site = edgeSite(ctx, edge);
    return makeFinding(
      'warning',
      'dependency/below-compat-min',
      `${serviceLabel(edge.from)} asks for ${quoted(edge.to)} ${
        edge.range
      }, which only allows versions below its compat_version_min ${min}${overrideNote(
        ctx,
        provider!,
      )}: ${quoted(
        edge.to,
      )} no longer stays compatible with them. Move the range to ">=${min}" after migrating.`,
      site.position,
      site.about,
    );
  });
}
