import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readSortMenuValue, SortMenu, sortMenuOptions } from './SortMenu';

const OPTIONS = sortMenuOptions([
  {
    field: 'sunsetDate',
    label: 'Sunset',
    ascending: 'soonest first',
    descending: 'latest first',
  },
]);

describe('sortMenuOptions and readSortMenuValue', () => {
  it('offers each field both ways, in words, and reads an option back', () => {
    expect(OPTIONS).toEqual([
      { value: 'sunsetDate:asc', label: 'Sunset, soonest first' },
      { value: 'sunsetDate:desc', label: 'Sunset, latest first' },
    ]);
    expect(readSortMenuValue('sunsetDate:desc')).toEqual({
      field: 'sunsetDate',
      direction: 'desc',
    });
  });

  it.each(['', 'sunsetDate', 'sunsetDate:sideways', ':asc', 'a:asc:b'])(
    'reads %j as no sorting',
    value => expect(readSortMenuValue(value)).toBeUndefined(),
  );
});

describe('SortMenu', () => {
  it("shows the list's own order for a value it does not offer, and reports the option chosen", async () => {
    const onChange = jest.fn();
    render(
      <SortMenu
        id="sort"
        value="owner:asc"
        unsortedLabel="Most urgent first"
        options={OPTIONS}
        onChange={onChange}
      />,
    );
    const menu = screen.getByRole('button', { name: /^Sort by/ });
    expect(menu).toHaveTextContent('Most urgent first');
    await userEvent.click(menu);
    await userEvent.click(
      screen.getByRole('option', { name: 'Sunset, latest first' }),
    );
    expect(onChange).toHaveBeenCalledWith('sunsetDate:desc');
  });
});
