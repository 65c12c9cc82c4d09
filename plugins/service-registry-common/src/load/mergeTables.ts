import { isTable } from './fieldCheck';

/**
 * Merges an override table onto a base table, field by field and recursively for sub-tables:
 * the override wins; arrays and scalars are replaced, not concatenated. Neither input is
 * changed. The result has no prototype, like the parser's tables.
 *
 * @public
 */
export function mergeTables(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(base)) result[key] = base[key];
  for (const key of Object.keys(override)) {
    const mine = result[key];
    const theirs = override[key];
    result[key] =
      isTable(mine) && isTable(theirs) ? mergeTables(mine, theirs) : theirs;
  }
  return result;
}
