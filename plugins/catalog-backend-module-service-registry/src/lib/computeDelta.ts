/**
 * What changed between the entities a provider emitted last time (ref to hash) and the ones it
 * would emit now.
 */
export interface EntityDelta<T> {
  /** New entities and entities whose content changed. */
  upserted: T[];
  /** Refs of entities no longer emitted. */
  removed: string[];
  /** Number of entities whose content is unchanged. */
  unchanged: number;
}

/** Compares the previous emission with the next one. */
export function computeDelta<T extends { ref: string; hash: string }>(
  previous: Map<string, string>,
  next: T[],
): EntityDelta<T> {
  const upserted: T[] = [];
  const seen = new Set<string>();
  let unchanged = 0;
  for (const item of next) {
    seen.add(item.ref);
    if (previous.get(item.ref) === item.hash) unchanged++;
    else upserted.push(item);
  }
  const removed = [...previous.keys()].filter(ref => !seen.has(ref));
  return { upserted, removed, unchanged };
}
