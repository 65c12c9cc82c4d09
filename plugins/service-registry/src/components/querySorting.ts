import { useCallback, useEffect, useMemo } from 'react';
import { FieldSorting } from './SortMenu';
import { isFieldOf } from './sortRows';
import { useQueryFilters } from './useQueryFilters';

/** The query parameters a page's sorting is kept in: the field, and the direction. */
const SORTING_KEYS = ['sort', 'order'] as const;

/** How a link says "not sorted" where a page is sorted by default (`?sort=none`). */
export const UNSORTED_QUERY = 'none';

/** A page's sorting as the query string writes it (`''` for a parameter left out). */
export interface SortingQuery {
  sort: string;
  order: string;
}

/**
 * Whether two sortings are the same (both none, or the same field the same way).
 *
 * @param a - a sorting (`undefined`: none)
 * @param b - another
 */
export const sameSorting = <F extends string>(
  a: FieldSorting<F> | undefined,
  b: FieldSorting<F> | undefined,
): boolean => a?.field === b?.field && a?.direction === b?.direction;

/**
 * The sorting a link asks for: `sort` is one of the page's fields, `order` is `asc` (which may be
 * left out) or `desc`; `sort=none` is no sorting. No `sort`, or an unknown field or order, is the
 * page's default sorting (none, unless it has one).
 *
 * @param fields - the fields the page sorts by
 * @param written - the query string's `sort` and `order`
 * @param defaultSorting - how the page is sorted when the link says nothing
 */
export function readQuerySorting<F extends string>(
  fields: Readonly<Record<F, unknown>>,
  written: SortingQuery,
  defaultSorting?: FieldSorting<F>,
): FieldSorting<F> | undefined {
  const { sort, order } = written;
  if (sort === UNSORTED_QUERY) return undefined;
  if (!isFieldOf(fields, sort)) return defaultSorting;
  if (order !== '' && order !== 'asc' && order !== 'desc') {
    return defaultSorting;
  }
  return { field: sort, direction: order === 'desc' ? 'desc' : 'asc' };
}

/**
 * A sorting as the query string writes it, what a link would say anyway left out: the page's
 * default sorting is no parameter at all, and `asc` no `order`.
 *
 * @param sorting - the sorting to write (`undefined`: none)
 * @param defaultSorting - how the page is sorted when the link says nothing
 */
export function querySortingOf<F extends string>(
  sorting: FieldSorting<F> | undefined,
  defaultSorting?: FieldSorting<F>,
): SortingQuery {
  if (sameSorting(sorting, defaultSorting)) return { sort: '', order: '' };
  return {
    sort: sorting?.field ?? UNSORTED_QUERY,
    order: sorting?.direction === 'desc' ? 'desc' : '',
  };
}

/**
 * A page's sorting kept in the query string (`?sort=&order=`, see {@link readQuerySorting}), so
 * that a sorted view survives a reload and the way back, and can be shared: the sorting, and a
 * setter that writes it (replacing the history entry, as the pages' filters do). A sorting the
 * page does not know is written out of the URL, as what goes without saying (`order=asc`).
 *
 * @param fields - the fields the page sorts by
 * @param defaultSorting - how the page is sorted when the link says nothing (a constant)
 */
export function useQuerySorting<F extends string>(
  fields: Readonly<Record<F, unknown>>,
  defaultSorting?: FieldSorting<F>,
): [
  FieldSorting<F> | undefined,
  (sorting: FieldSorting<F> | undefined) => void,
] {
  const [written, setQuery] = useQueryFilters(SORTING_KEYS);
  // (the same object while the link's sorting stays, whatever else the query string says)
  const { sort, order } = written;
  const sorting = useMemo(
    () => readQuerySorting(fields, { sort, order }, defaultSorting),
    [fields, sort, order, defaultSorting],
  );
  const setSorting = useCallback(
    (next: FieldSorting<F> | undefined) =>
      setQuery(querySortingOf(next, defaultSorting)),
    [setQuery, defaultSorting],
  );
  // and the URL says the sorting shown: not an unknown field or order, nor what goes without
  // saying (a link copied from the page opens it as it is)
  useEffect(
    () => setQuery(querySortingOf(sorting, defaultSorting)),
    [sorting, defaultSorting, setQuery],
  );
  return [sorting, setSorting];
}
