import { keyPosition } from '../../load/filePositions';
import { isRetired } from '../../graph/runningGraphOf';
import { comparedServices } from '../scope';
import { BreakingChangeDetector } from '../types';

/**
 * `dependency-removed`: a service (present in both) no longer requires a service it required in
 * base (moving it to `optional` does not count). Reported on the consumer side. A retired service
 * consumes nothing (see `isRetired`): when it is retired in base or in head, it required nothing
 * before or requires nothing after, so dropping entries is no change to what it consumes (its
 * own consumers learn of its retirement from `service-retired`).
 */
export const dependencyRemoved: BreakingChangeDetector = (ctx, id) => {
  const { before, after } = comparedServices(ctx, id);
  if (!before || !after || isRetired(before) || isRetired(after)) return [];
  const still = new Set(
    [...after.dependencies.requires, ...after.dependencies.optional].map(
      r => r.service,
    ),
  );
  const dropped = [
    ...new Set(
      before.dependencies.requires
        .map(r => r.service)
        .filter(s => !still.has(s)),
    ),
  ].sort();
  if (dropped.length === 0) return [];
  return [
    {
      kind: 'dependency-removed',
      service: id,
      message: `Service "${id}" no longer requires ${dropped
        .map(s => `"${s}"`)
        .join(', ')}: services that rely on "${id}" bringing ${
        dropped.length === 1 ? 'it' : 'them'
      } along must now declare ${
        dropped.length === 1 ? 'it' : 'them'
      } themselves, and the providers' consumers lists should be updated.`,
      position:
        keyPosition(after, 'dependencies.requires') ??
        keyPosition(after, 'dependencies') ??
        after.source,
      related: dropped,
    },
  ];
};
