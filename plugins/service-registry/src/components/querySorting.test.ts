import { querySortingOf, readQuerySorting } from './querySorting';
import { FieldSorting } from './SortMenu';

const FIELDS = { name: 'Name', sunset: 'Sunset' };
type Field = keyof typeof FIELDS;
const BY_NAME: FieldSorting<Field> = { field: 'name', direction: 'asc' };

describe('readQuerySorting', () => {
  it.each([
    [
      'a field, ascending without order',
      { sort: 'sunset', order: '' },
      'sunset asc',
    ],
    ['a field, ascending', { sort: 'sunset', order: 'asc' }, 'sunset asc'],
    ['a field, descending', { sort: 'sunset', order: 'desc' }, 'sunset desc'],
    ['nothing', { sort: '', order: '' }, 'default'],
    ['nothing but an order', { sort: '', order: 'desc' }, 'default'],
    ['an unknown field', { sort: 'colour', order: 'desc' }, 'default'],
    ["an object's own property", { sort: 'toString', order: '' }, 'default'],
    ['an unknown order', { sort: 'sunset', order: 'sideways' }, 'default'],
    ['no sorting', { sort: 'none', order: '' }, 'none'],
  ])('reads %s', (_case, written, expected) => {
    const read = readQuerySorting(FIELDS, written, BY_NAME);
    let shown = 'none';
    if (read === BY_NAME) shown = 'default';
    else if (read) shown = `${read.field} ${read.direction}`;
    expect(shown).toBe(expected);
  });

  it('reads nothing as no sorting on a page without a default', () => {
    expect(readQuerySorting(FIELDS, { sort: '', order: '' })).toBeUndefined();
    expect(
      readQuerySorting(FIELDS, { sort: 'colour', order: '' }),
    ).toBeUndefined();
  });
});

describe('querySortingOf', () => {
  it('leaves out the default sorting and the ascending order', () => {
    expect(querySortingOf(BY_NAME, BY_NAME)).toEqual({ sort: '', order: '' });
    expect(
      querySortingOf({ field: 'name', direction: 'desc' }, BY_NAME),
    ).toEqual({ sort: 'name', order: 'desc' });
    expect(
      querySortingOf({ field: 'sunset', direction: 'asc' }, BY_NAME),
    ).toEqual({ sort: 'sunset', order: '' });
    expect(querySortingOf(undefined)).toEqual({ sort: '', order: '' });
  });

  it('writes no sorting as sort=none where the page has a default', () => {
    expect(querySortingOf(undefined, BY_NAME)).toEqual({
      sort: 'none',
      order: '',
    });
  });

  it.each([
    { field: 'sunset', direction: 'desc' },
    { field: 'name', direction: 'desc' },
    BY_NAME,
    undefined,
  ] as (FieldSorting<Field> | undefined)[])(
    'writes %j as a link that reads it back',
    sorting => {
      expect(
        readQuerySorting(FIELDS, querySortingOf(sorting, BY_NAME), BY_NAME),
      ).toEqual(sorting);
    },
  );
});
