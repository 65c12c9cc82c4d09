import { isTable } from './fieldCheck';

/**
 * Merges an override table onto a base table, field by field and recursively for sub-tables:
 * the override wins; arrays and scalars are replaced, not concatenated. Neither input is
 * changed. The result has no prototype, like the parser's tables. Walks with its own stack:
 * tables nested thousands deep (a header of as many parts) merge without a stack overflow.
 *
 * @public
 */
export function mergeTables(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = Object.create(null);
  // [result, base, override]: a merge whose result is already in place in its parent
  const pending: Array<
    [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]
  > = [[merged, base, override]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [result, mine, theirs] = next;
    for (const key of Object.keys(mine)) result[key] = mine[key];
    for (const key of Object.keys(theirs)) {
      const a = result[key];
      const b = theirs[key];
      if (isTable(a) && isTable(b)) {
        const sub: Record<string, unknown> = Object.create(null);
        result[key] = sub;
        pending.push([sub, a, b]);
      } else {
        result[key] = b;
      }
    }
  }
  return merged;
}
