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

/** A row's field, as a table's column sorts by it: its comparison (ascending). */
export interface ComparedField<T> {
  compare: (a: T, b: T) => number;
}

/** Whether a name (from a link's `?sort=`, a menu) is one of the fields. */
export function isFieldOf<F extends string>(
  fields: Readonly<Record<F, unknown>>,
  name: string,
): name is F {
  return Object.prototype.hasOwnProperty.call(fields, name);
}

/**
 * The rows in the order of a sorting by one of their fields (see {@link sortRows}); without a
 * sorting, in the given order.
 */
export function sortByField<T, F extends string>(
  rows: readonly T[],
  fields: Readonly<Record<F, ComparedField<T>>>,
  sorting: { field: F; direction: 'asc' | 'desc' } | undefined,
): T[] {
  if (!sorting) return [...rows];
  return sortRows(rows, fields[sorting.field].compare, sorting.direction);
}
