import { renderHook, act } from '@testing-library/react';
import { Paging } from './queryPaging';
import { FieldSorting } from './SortMenu';
import { useQueryTable } from './useQueryTable';

type Field = 'name' | 'date';
const FIELDS: Record<Field, true> = { name: true, date: true };
// (a column that does not sort by a field of the page: its actions)
const COLUMNS = [{ field: 'name' }, { field: 'date' }, { field: 'actions' }];

/**
 * The hook in a page whose URL the test writes: the setters write into it, as the pages'
 * setters write into their query strings.
 */
function renderTable(start: { paging: Paging; sorting?: FieldSorting<Field> }) {
  let url = { paging: start.paging, sorting: start.sorting };
  const setPaging = jest.fn((paging: Paging) => {
    url = { ...url, paging };
  });
  const setSorting = jest.fn((sorting: FieldSorting<Field> | undefined) => {
    url = { paging: { ...url.paging, page: 0 }, sorting };
  });
  const hook = renderHook(
    ({ paging, sorting }) =>
      useQueryTable({
        paging,
        sorting,
        columns: COLUMNS,
        fields: FIELDS,
        setPaging,
        setSorting,
      }),
    { initialProps: url },
  );
  return {
    ...hook,
    setPaging,
    setSorting,
    /** The page renders again with what its URL says now. */
    follow: () => hook.rerender(url),
    /** A link changes the URL while the page is open. */
    navigate: (next: typeof url) => {
      url = next;
      hook.rerender(url);
    },
  };
}

describe('useQueryTable', () => {
  const byName: FieldSorting<Field> = { field: 'name', direction: 'asc' };

  it('leaves the table open on a page it turned to itself, and writes the page', () => {
    const table = renderTable({ paging: { page: 0, pageSize: 20 } });
    const opened = table.result.current.opened;
    act(() => table.result.current.onPageChange(2, 20));
    expect(table.setPaging).toHaveBeenCalledWith({ page: 2, pageSize: 20 });
    table.follow();
    expect(table.result.current.opened).toBe(opened);
    // its rows per page: from the first page
    act(() => table.result.current.onPageChange(0, 50));
    expect(table.setPaging).toHaveBeenLastCalledWith({ page: 0, pageSize: 50 });
    table.follow();
    expect(table.result.current.opened).toBe(opened);
  });

  it("leaves the table open on a sorting of its headers, on any page, and writes the column's field", () => {
    const table = renderTable({ paging: { page: 3, pageSize: 20 } });
    const opened = table.result.current.opened;
    act(() => table.result.current.onOrderChange(1, 'desc'));
    expect(table.setSorting).toHaveBeenCalledWith({
      field: 'date',
      direction: 'desc',
    });
    table.follow();
    expect(table.result.current.opened).toBe(opened);
    // a third click: no sorting (material-table says -1 and no direction)
    act(() => table.result.current.onOrderChange(-1, ''));
    expect(table.setSorting).toHaveBeenLastCalledWith(undefined);
    table.follow();
    expect(table.result.current.opened).toBe(opened);
  });

  it('sorts by none for a column that sorts by no field of the page', () => {
    const table = renderTable({ paging: { page: 0, pageSize: 20 } });
    act(() => table.result.current.onOrderChange(2, 'asc'));
    expect(table.setSorting).toHaveBeenCalledWith(undefined);
  });

  it('opens the table again on a page or a sorting it does not show (a link, a new filter)', () => {
    const table = renderTable({
      paging: { page: 1, pageSize: 20 },
      sorting: byName,
    });
    const first = table.result.current.opened;
    table.navigate({ paging: { page: 0, pageSize: 20 }, sorting: byName });
    const second = table.result.current.opened;
    expect(second).not.toBe(first);
    table.navigate({ paging: { page: 0, pageSize: 50 }, sorting: byName });
    const third = table.result.current.opened;
    expect(third).not.toBe(second);
    table.navigate({
      paging: { page: 0, pageSize: 50 },
      sorting: { field: 'name', direction: 'desc' },
    });
    const fourth = table.result.current.opened;
    expect(fourth).not.toBe(third);
    // the same page and sorting in new objects: the table stays
    table.navigate({
      paging: { page: 0, pageSize: 50 },
      sorting: { field: 'name', direction: 'desc' },
    });
    expect(table.result.current.opened).toBe(fourth);
  });

  it('opens the table again when the URL does not take the page the table turned to', () => {
    // (a page the URL reads as another: past the end, the last)
    const table = renderTable({ paging: { page: 0, pageSize: 20 } });
    const opened = table.result.current.opened;
    act(() => table.result.current.onPageChange(4, 20));
    table.navigate({ paging: { page: 2, pageSize: 20 }, sorting: undefined });
    expect(table.result.current.opened).not.toBe(opened);
  });
});
