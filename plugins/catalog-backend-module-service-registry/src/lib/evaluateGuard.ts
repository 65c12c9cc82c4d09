/** The guard's verdict on a refresh. */
export type GuardVerdict =
  | { allowed: true }
  | { allowed: false; reason: string };

/**
 * The last-good guard: refuses a refresh that would empty a registry that had entities, or remove
 * more than `maxRemovalShare` of them. Counts exclude the provider's own status entity.
 */
export function evaluateGuard(options: {
  previousCount: number;
  nextCount: number;
  removedCount: number;
  maxRemovalShare: number;
  rejectEmpty: boolean;
}): GuardVerdict {
  const {
    previousCount,
    nextCount,
    removedCount,
    maxRemovalShare,
    rejectEmpty,
  } = options;
  if (previousCount === 0) {
    return { allowed: true };
  }
  if (rejectEmpty && nextCount === 0) {
    return {
      allowed: false,
      reason: `the registry now yields no entities where it had ${previousCount}; kept the last good state (an empty registry is refused: check the source, or set guard.rejectEmpty: false to allow it)`,
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
