/** The guard's verdict on a refresh. */
export type GuardVerdict =
  | { allowed: true }
  | { allowed: false; reason: string };

/**
 * The last-good guard: refuses a refresh that would empty a registry that had services, or remove
 * more than `maxRemovalShare` of its entities. Counts exclude the provider's own status entity.
 * A registry is empty when it yields no service: the Systems of its project folders and the
 * Groups of its default owner outlive every file emptied.
 */
export function evaluateGuard(options: {
  previousCount: number;
  nextCount: number;
  /** Entities of the last applied run made from services (not Systems or Groups). */
  previousServiceCount: number;
  /** Entities of this run made from services. */
  nextServiceCount: number;
  removedCount: number;
  maxRemovalShare: number;
  rejectEmpty: boolean;
}): GuardVerdict {
  const {
    previousCount,
    nextCount,
    previousServiceCount,
    nextServiceCount,
    removedCount,
    maxRemovalShare,
    rejectEmpty,
  } = options;
  if (previousCount === 0) {
    return { allowed: true };
  }
  if (
    rejectEmpty &&
    (nextCount === 0 || (previousServiceCount > 0 && nextServiceCount === 0))
  ) {
    const left =
      nextCount === 0
        ? 'no entities'
        : `no services (only ${nextCount} ${
            nextCount === 1 ? 'entity' : 'entities'
          } from its project folders and owners)`;
    const had =
      previousServiceCount > 0
        ? `${previousServiceCount} services`
        : `${previousCount} entities`;
    return {
      allowed: false,
      reason: `the registry now yields ${left} where it had ${had}; kept the last good state (an empty registry is refused: check the source, or set guard.rejectEmpty: false to allow it)`,
    };
  }
  const share = removedCount / previousCount;
  if (share > maxRemovalShare) {
    const percent = (share * 100).toFixed(1);
    return {
      allowed: false,
      reason: `the refresh would remove ${removedCount} of ${previousCount} entities (${percent}%, more than the allowed ${(
        maxRemovalShare * 100
      ).toFixed(
        0,
      )}%); kept the last good state (if the removal is intended, raise guard.maxRemovalShare for one run)`,
    };
  }
  return { allowed: true };
}
