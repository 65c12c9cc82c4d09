/** How many rows a page of the pages' tables (and of their lists, on a phone) holds at first. */
export const PAGE_SIZE = 20;

/** The rows a page of a table to choose from, the default first. */
export const PAGE_SIZES = [PAGE_SIZE, 50, 100];

/** A page of a table: its index (from 0, as material-table counts) and its rows. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** A page of a table as the query string writes it (`''` for a parameter left out). */
export interface PagingQuery {
  page: string;
  pageSize: string;
}

/**
 * The page of a table a link asks for (`?page=&pageSize=`): `page` counts from 1, past the last
 * page is the last page, and anything but a page number the first; a `pageSize` other than one of
 * {@link PAGE_SIZES} is the default.
 *
 * @param written - the query string's `page` and `pageSize`
 * @param rowCount - the rows the table has
 */
export function readQueryPaging(
  written: PagingQuery,
  rowCount: number,
): Paging {
  const size =
    PAGE_SIZES.find(n => String(n) === written.pageSize) ?? PAGE_SIZE;
  const last = Math.max(1, Math.ceil(rowCount / size));
  const asked = /^[1-9]\d*$/.test(written.page) ? Number(written.page) : 1;
  return { page: Math.min(asked, last) - 1, pageSize: size };
}

/**
 * A page of a table as the query string writes it, the defaults (the first page,
 * {@link PAGE_SIZE} rows) left out.
 *
 * @param paging - the page shown
 */
export function queryPagingOf({ page, pageSize }: Paging): PagingQuery {
  return {
    page: page > 0 ? String(page + 1) : '',
    pageSize: pageSize === PAGE_SIZE ? '' : String(pageSize),
  };
}
