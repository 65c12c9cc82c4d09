import { MouseEvent } from 'react';
import { renderHook } from '@testing-library/react';
import { useTableRowClick } from './useTableRowClick';

/** A table row with a plain cell, a link and a button, as a click on each reaches the handler. */
function row() {
  const table = document.createElement('table');
  table.innerHTML = `<tbody><tr>
    <td id="cell"><span id="text">12 days overdue</span></td>
    <td><a id="link" href="/catalog/default/component/old-api"><span id="label">old-api</span></a></td>
    <td><button id="button">Burn-down</button></td>
  </tr></tbody>`;
  document.body.appendChild(table);
  const clickOn = (id: string) =>
    ({ target: table.querySelector(`#${id}`) } as unknown as MouseEvent);
  return { clickOn, remove: () => table.remove() };
}

describe('useTableRowClick', () => {
  it('selects the row a click on its text or a cell reaches', () => {
    const selected = jest.fn();
    const { result } = renderHook(() => useTableRowClick<string>(selected));
    const { clickOn, remove } = row();
    result.current(clickOn('text'), 'old-api');
    result.current(clickOn('cell'), 'pay-v2');
    expect(selected.mock.calls).toEqual([['old-api'], ['pay-v2']]);
    remove();
  });

  it('leaves a click on a link or a button of the row to it, even while the page is still shown', () => {
    const selected = jest.fn();
    const { result } = renderHook(() => useTableRowClick<string>(selected));
    const { clickOn, remove } = row();
    result.current(clickOn('label'), 'old-api');
    result.current(clickOn('link'), 'old-api');
    result.current(clickOn('button'), 'old-api');
    expect(selected).not.toHaveBeenCalled();
    remove();
  });

  it('ignores a click material-table reports after the table is gone', () => {
    const selected = jest.fn();
    const { result, unmount } = renderHook(() =>
      useTableRowClick<string>(selected),
    );
    const { clickOn, remove } = row();
    const late = result.current;
    unmount();
    late(clickOn('text'), 'old-api');
    expect(selected).not.toHaveBeenCalled();
    remove();
  });

  it('calls the latest handler given', () => {
    const first = jest.fn();
    const second = jest.fn();
    const { result, rerender } = renderHook(
      ({ onClick }) => useTableRowClick<string>(onClick),
      { initialProps: { onClick: first } },
    );
    const handler = result.current;
    rerender({ onClick: second });
    expect(result.current).toBe(handler);
    const { clickOn, remove } = row();
    handler(clickOn('cell'), 'old-api');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('old-api');
    remove();
  });
});
