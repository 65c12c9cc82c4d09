import semver from 'semver';
import { RegistryFinding } from '../../model/types';
import { checkDependencies, edgeSite, overrideNote } from '../edges';
import { makeFinding, quoted, serviceLabel } from '../findings';
import { compatibleWithRange } from '../compatibleWithRange';
import { isSatisfiableRange } from '../satisfiableRange';
import { ValidationContext } from '../types';

/** Prereleases of the provider count: the registry records what is deployed. */
const SEMVER_OPTIONS = { includePrerelease: true };

/** Parses each distinct range once per run (ranges repeat across thousands of consumers). */
function rangeCache(): (range: string) => semver.Range | null {
  const cache = new Map<string, semver.Range | null>();
  return range => {
    let parsed = cache.get(range);
    if (parsed === undefined) {
      try {
        parsed = new semver.Range(range, SEMVER_OPTIONS);
      } catch {
        parsed = null;
      }
      cache.set(range, parsed);
    }
    return parsed;
  };
}

/** A caret range of a version's major and minor (`^1.5` for `1.5.0`): it holds the version. */
function caretOf(version: string): string {
  return `^${semver.major(version)}.${semver.minor(version)}`;
}

/**
 * `dependency/version-unsatisfied` (error): a consumer's range (`id@range` or
 * `{ service, version }`) that the provider's `version` does not satisfy, nor any version its
 * `compat_with` says it stays compatible with, the provider being the one the consumer's project
 * sees (its override, if it declares one); and
 * `dependency/unsatisfiable-range` (error): a range no version can satisfy (`>=2.0.0 <1.0.0`,
 * `^1.0.0 ^2.0.0` written for `^1.0.0 || ^2.0.0`), whether or not the provider declares a version
 * (reported instead of `dependency/version-unsatisfied`, whose advice to widen would not help); and
 * `dependency/invalid-range` (error): a range semver cannot parse (the loader already reports
 * ranges it reads as `schema/invalid-semver` and drops them, so this only fires for registries
 * built by other means).
 *
 * Retired consumers do not count (see `checkDependencies`): the ranges a retired service still
 * lists are not checked, in the projects whose view of it is retired.
 *
 * @param ctx - the validation context
 */
export function versionRanges(ctx: ValidationContext): RegistryFinding[] {
  const rangeOf = rangeCache();
  return checkDependencies(ctx, ({ edge, provider }) => {
    if (edge.range === undefined) return undefined;
    const range = rangeOf(edge.range);
    if (range === null) {
      const site = edgeSite(ctx, edge);
      return makeFinding(
        'error',
        'dependency/invalid-range',
        `${serviceLabel(edge.from)} asks for ${quoted(
          edge.to,
        )} in range ${quoted(
          edge.range,
        )}, which is not a semver range: write e.g. ${quoted(
          `${edge.to}@^1.0`,
        )} or { service = ${quoted(edge.to)}, version = ">=1.0.0" }.`,
        site.position,
        site.about,
      );
    }
    const version = provider?.version;
    if (!isSatisfiableRange(edge.range)) {
      const site = edgeSite(ctx, edge);
      return makeFinding(
        'error',
        'dependency/unsatisfiable-range',
        `${serviceLabel(edge.from)} asks for ${quoted(
          edge.to,
        )} in range ${quoted(
          edge.range,
        )}, which no version can satisfy (comparators separated by a space must all hold): write the versions it works with${
          version === undefined
            ? ''
            : ` (e.g. ${quoted(
                `${edge.to}@${caretOf(version)}`,
              )} for its version ${version})`
        }, joining alternatives with "||" (e.g. "^1.0.0 || ^2.0.0").`,
        site.position,
        site.about,
      );
    }
    if (version === undefined || range.test(version)) return undefined;
    const compatWith = provider!.compatWith;
    if (compatibleWithRange(compatWith, range)) return undefined;
    const site = edgeSite(ctx, edge);
    const compatible =
      compatWith.length > 0
        ? ` and stays compatible only with ${compatWith.join(
            ', ',
          )} (compat_with)`
        : '';
    const orCompat =
      compatWith.length > 0
        ? `, add the versions it stays compatible with to compat_with of ${quoted(
            edge.to,
          )},`
        : '';
    return makeFinding(
      'error',
      'dependency/version-unsatisfied',
      `${serviceLabel(edge.from)} needs ${quoted(edge.to)} ${
        edge.range
      }, but ${quoted(edge.to)} is at version ${version}${overrideNote(
        ctx,
        provider!,
      )}${compatible}: widen the range in ${site.list} (e.g. ${quoted(
        `${edge.to}@${caretOf(version)}`,
      )}) after checking compatibility${orCompat} or depend on a version that exists.`,
      site.position,
      site.about,
    );
  });
}
