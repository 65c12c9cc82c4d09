import { withRowIds } from './tableRowIds';

describe('withRowIds', () => {
  it('gives each row the key of its item, as a copy of the item', () => {
    const items = [{ service: 'a' }, { service: 'b' }];
    const rows = withRowIds(items, i => i.service);
    expect(rows).toEqual([
      { service: 'a', id: 'a' },
      { service: 'b', id: 'b' },
    ]);
    expect(rows[0]).not.toBe(items[0]);
    expect(items[0]).toEqual({ service: 'a' });
  });

  it('keeps ids unique when two items have the same key, in the order of the items', () => {
    const rows = withRowIds(
      [{ k: 'x' }, { k: 'y' }, { k: 'x' }, { k: 'x' }],
      i => i.k,
    );
    expect(rows.map(r => r.id)).toEqual(['x', 'y', 'x #2', 'x #3']);
  });

  it('passes over an id that an item has as its own key', () => {
    const rows = withRowIds([{ k: 'x' }, { k: 'x #2' }, { k: 'x' }], i => i.k);
    expect(rows.map(r => r.id)).toEqual(['x', 'x #2', 'x #3']);
  });
});
