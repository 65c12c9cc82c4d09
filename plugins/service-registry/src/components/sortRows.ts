/** Sorts undefined after every number. */
export function compareNumbers(
  a: number | undefined,
  b: number | undefined,
): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}

/** Sorts text alphabetically, with none (undefined, null or empty) after any. */
export function compareTexts(
  a: string | null | undefined,
  b: string | null | undefined,
): number {
  if ((a ?? '') === (b ?? '')) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a.localeCompare(b);
}

/**
 * The rows in the order of a comparison, as material-table sorts a column with it: descending is
 * the ascending order reversed (what sorts last ascending sorts first), and ties keep the given
 * order either way. The given array is not changed.
 */
export function sortRows<T>(
  rows: readonly T[],
  compare: (a: T, b: T) => number,
  direction: 'asc' | 'desc',
): T[] {
  const sign = direction === 'desc' ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row);
}
