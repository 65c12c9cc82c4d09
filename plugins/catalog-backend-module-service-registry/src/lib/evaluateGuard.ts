/** The guard's verdict on a refresh. */
export type GuardVerdict =
  | { allowed: true }
  | { allowed: false; reason: string };

/**
 * The last-good guard: refuses a refresh that would empty a registry that had services, or remove
 * more than `maxRemovalShare` of its entities, or of the entities made from its services. Counts
 * exclude the provider's own status entity. A registry is empty when it yields no service: the
 * Systems of its project folders and the Groups of its default owner outlive every file emptied,
 * and so they count in the share of entities but not in the share of services (emptying nine of
 * ten project files removes nine tenths of the services, and less than half of the entities when
 * each project has one service).
 */
export function evaluateGuard(options: {
  previousCount: number;
  nextCount: number;
  /** Entities of the last applied run made from services (not Systems or Groups). */
  previousServiceCount: number;
  /** Entities of this run made from services. */
  nextServiceCount: number;
  removedCount: number;
  /** Entities made from services that this run removes. */
  removedServiceCount: number;
  maxRemovalShare: number;
  rejectEmpty: boolean;
}): GuardVerdict {
  const {
    previousCount,
    nextCount,
    previousServiceCount,
    nextServiceCount,
    removedCount,
    removedServiceCount,
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
      reason: `the registry now yields ${left} where it had ${had}; kept the last good state (an empty registry is refused: check the source, or, if it is intended, set guard.rejectEmpty: false and guard.maxRemovalShare: 1 for one run)`,
    };
  }
  const refuse = (removed: number, of: number, what: string): GuardVerdict => ({
    allowed: false,
    reason: `the refresh would remove ${removed} of ${of} ${what} (${(
      (removed / of) *
      100
    ).toFixed(1)}%, more than the allowed ${(maxRemovalShare * 100).toFixed(
      0,
    )}%); kept the last good state (if the removal is intended, raise guard.maxRemovalShare for one run)`,
  });
  if (removedCount / previousCount > maxRemovalShare) {
    return refuse(removedCount, previousCount, 'entities');
  }
  if (
    previousServiceCount > 0 &&
    removedServiceCount / previousServiceCount > maxRemovalShare
  ) {
    return refuse(removedServiceCount, previousServiceCount, 'services');
  }
  return { allowed: true };
}
