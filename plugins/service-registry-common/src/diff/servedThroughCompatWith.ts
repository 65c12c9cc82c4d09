import semver from 'semver';
import { getServiceForProject } from '../model/getServiceForProject';
import { LoadedRegistry } from '../model/types';
import { compatibleWithRange } from '../validation/compatibleWithRange';
import { ConsumerView, entriesOn } from './consumerViews';

/** Prereleases of the provider count, as in validation: the registry records what is deployed. */
const SEMVER_OPTIONS = { includePrerelease: true };

/**
 * The `compat_with` entries through which a service still serves a consumer, as the consumer's
 * project sees both (its override of either, if any), whatever its version: those that lie in
 * the ranges of every entry the consumer writes for the service (`dependencies.requires`, or both
 * lists for a consumer that uses it optionally), as `dependency/version-unsatisfied` reads a
 * range; empty when an entry gives no range (any version, so no promise is made), a range semver
 * cannot parse, or one no `compat_with` entry lies in, or when the consumer does not use it.
 *
 * @param registry - the registry (head, for a change)
 * @param consumer - the consumer and its project
 * @param id - the service depended on
 * @param optional - whether the consumer uses the service optionally (then both lists count)
 */
export function servedThroughCompatWith(
  registry: LoadedRegistry,
  consumer: ConsumerView,
  id: string,
  optional: boolean,
): string[] {
  const compatWith =
    getServiceForProject(registry, consumer.project, id)?.compatWith ?? [];
  if (compatWith.length === 0) return [];
  const on = entriesOn(registry, consumer, id);
  const entries = optional ? [...on.requires, ...on.optional] : on.requires;
  if (entries.length === 0) return [];
  let through: string[] | undefined;
  for (const entry of entries) {
    if (entry.range === undefined) return [];
    let range: semver.Range;
    try {
      range = new semver.Range(entry.range, SEMVER_OPTIONS);
    } catch {
      return [];
    }
    const covering = (through ?? compatWith).filter(c =>
      compatibleWithRange([c], range),
    );
    if (covering.length === 0) return [];
    through = covering;
  }
  return through ?? [];
}
