import { useLayoutEffect, useRef, useState } from 'react';
import { Paging } from './queryPaging';
import { sameSorting } from './querySorting';
import { FieldSorting } from './SortMenu';
import { isFieldOf } from './sortRows';

/** What a page's table needs to follow the page and the sorting its URL keeps. */
export interface QueryTable {
  /**
   * The table's React `key`: it changes when the table has to open again to show the URL's page
   * or sorting.
   */
  opened: number;
  /** The table's `onPageChange`: its pager, and its rows per page. */
  onPageChange: (page: number, pageSize: number) => void;
  /** The table's `onOrderChange`: a click on a column's header (a third one sorts by none). */
  onOrderChange: (columnIndex: number, direction: string) => void;
}

/**
 * Keeps a Backstage (material-table) `Table` at the page and in the sorting its page's URL says.
 *
 * material-table reads its page (`initialPage`, `pageSize`) only when it opens, and applies another
 * column's `defaultSort` only where the direction differs too. So a page or a sorting the table
 * did not make itself (a shared link, the sidebar's link while the page is open, a new filter
 * that goes back to the first page) opens the table again there, before the browser paints. What
 * the table changes itself (its pager, a header) it shows already: that is written into the URL
 * through the setters, and the table stays as it is, its focus too (a header sorted from the
 * keyboard keeps it, on any page).
 *
 * @param options - the page and the sorting the URL says, the table's columns and the fields
 *   they sort by, and the setters that write a page or a sorting into the URL (a new sorting
 *   from the first page)
 */
export function useQueryTable<F extends string>(options: {
  paging: Paging;
  sorting: FieldSorting<F> | undefined;
  columns: readonly { field?: unknown }[];
  fields: Readonly<Record<F, unknown>>;
  setPaging: (paging: Paging) => void;
  setSorting: (sorting: FieldSorting<F> | undefined) => void;
}): QueryTable {
  const { paging, sorting, columns, fields, setPaging, setSorting } = options;
  const { page, pageSize } = paging;
  // what the table shows: where it opened, and what it did itself since
  const shown = useRef({ paging, sorting });
  const [opened, setOpened] = useState(0);
  useLayoutEffect(() => {
    const table = shown.current;
    if (
      table.paging.page !== page ||
      table.paging.pageSize !== pageSize ||
      !sameSorting(table.sorting, sorting)
    ) {
      shown.current = { paging: { page, pageSize }, sorting };
      setOpened(n => n + 1);
    }
  }, [page, pageSize, sorting]);

  return {
    opened,
    onPageChange: (p, size) => {
      const next = { page: p, pageSize: size };
      shown.current = { ...shown.current, paging: next };
      setPaging(next);
    },
    onOrderChange: (columnIndex, direction) => {
      // (the column's index among `columns`; no direction, or -1 for the index, after a third
      // click)
      const field = columns[columnIndex]?.field;
      const next: FieldSorting<F> | undefined =
        typeof field === 'string' &&
        isFieldOf(fields, field) &&
        (direction === 'asc' || direction === 'desc')
          ? { field, direction }
          : undefined;
      // (which the table shows already, from its first page)
      shown.current = {
        paging: { page: 0, pageSize: shown.current.paging.pageSize },
        sorting: next,
      };
      setSorting(next);
    },
  };
}
