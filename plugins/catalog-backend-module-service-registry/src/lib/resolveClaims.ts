/** What {@link resolveClaims} decided. */
export interface ResolvedClaims<T> {
  /** The entities this provider emits. */
  kept: T[];
  /** The entities another provider emits, with that provider's id. */
  taken: Array<{ item: T; by: string }>;
}

/**
 * Decides which entities a provider may emit when several registries are configured: a ref that
 * another provider already emits stays theirs (the catalog keeps the first provider's entity
 * anyway, and would drop it when that provider lets it go). When both emitted it before (two
 * first runs at once), the provider whose id sorts first keeps it, so that both agree.
 */
export function resolveClaims<T extends { ref: string }>(options: {
  providerId: string;
  next: T[];
  /** Refs this provider emitted in its last applied run (to hashes). */
  previous: ReadonlyMap<string, string>;
  /** Refs other providers emitted in their last applied run (to provider ids). */
  others: ReadonlyMap<string, string>;
}): ResolvedClaims<T> {
  const { providerId, next, previous, others } = options;
  if (others.size === 0) return { kept: next, taken: [] };
  const kept: T[] = [];
  const taken: Array<{ item: T; by: string }> = [];
  for (const item of next) {
    const by = others.get(item.ref);
    if (by === undefined || (previous.has(item.ref) && providerId < by)) {
      kept.push(item);
    } else {
      taken.push({ item, by });
    }
  }
  return { kept, taken };
}
