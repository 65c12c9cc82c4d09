import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SortMenu } from './SortMenu';

const FIELDS = {
  service: { label: 'Service', ascending: 'A to Z', descending: 'Z to A' },
  sunsetDate: {
    label: 'Sunset',
    ascending: 'soonest first',
    descending: 'latest first',
  },
};

function renderMenu(
  sorting: Parameters<typeof SortMenu>[0]['sorting'],
  onChange = jest.fn(),
) {
  render(
    <SortMenu
      id="sort"
      fields={FIELDS}
      sorting={sorting}
      unsortedLabel="Most urgent first"
      onChange={onChange}
    />,
  );
  return screen.getByRole('button', { name: /^Sort by/ });
}

describe('SortMenu', () => {
  it('offers the list’s own order, then each field both ways in words, in the order of its fields', async () => {
    await userEvent.click(renderMenu(undefined));
    expect(
      screen.getAllByRole('option').map(option => option.textContent),
    ).toEqual([
      'Most urgent first',
      'Service, A to Z',
      'Service, Z to A',
      'Sunset, soonest first',
      'Sunset, latest first',
    ]);
  });

  it('shows the sorting it is given, and reports the one chosen, or none', async () => {
    const onChange = jest.fn();
    const menu = renderMenu({ field: 'service', direction: 'desc' }, onChange);
    expect(menu).toHaveTextContent('Service, Z to A');
    await userEvent.click(menu);
    await userEvent.click(
      screen.getByRole('option', { name: 'Sunset, latest first' }),
    );
    expect(onChange).toHaveBeenLastCalledWith({
      field: 'sunsetDate',
      direction: 'desc',
    });
    await userEvent.click(menu);
    await userEvent.click(
      screen.getByRole('option', { name: 'Most urgent first' }),
    );
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('shows the list’s own order for a field it does not offer', () => {
    expect(
      renderMenu({ field: 'owner' as 'service', direction: 'asc' }),
    ).toHaveTextContent('Most urgent first');
  });
});
