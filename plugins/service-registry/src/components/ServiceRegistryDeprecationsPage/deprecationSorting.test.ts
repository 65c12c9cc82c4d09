import {
  DEPRECATION_SORT_FIELDS,
  DeprecationSortField,
  DeprecationSorting,
  SortedDeprecation,
} from './deprecationSorting';
import { isFieldOf, sortByField } from '../sortRows';

const sortDeprecations = (
  items: SortedDeprecation[],
  sorting: DeprecationSorting | undefined,
) => sortByField(items, DEPRECATION_SORT_FIELDS, sorting);
const isDeprecationSortField = (name: string) =>
  isFieldOf(DEPRECATION_SORT_FIELDS, name);

function record(
  service: string,
  fields: Partial<SortedDeprecation> = {},
): SortedDeprecation {
  return {
    service,
    name: service,
    project: null,
    lifecycle: 'deprecated',
    consumers: [],
    optionalConsumers: [],
    projects: [],
    remainingConsumers: 0,
    status: 'on-track',
    message: '',
    replacementId: '',
    ...fields,
  };
}

const services = (items: SortedDeprecation[]) => items.map(i => i.service);

describe("sortByField with the deprecations' fields", () => {
  const items = [
    record('b', { sunsetDate: '2027-01-01', remainingConsumers: 2 }),
    record('a', { remainingConsumers: 5, replacementId: 'z-api' }),
    record('c', { sunsetDate: '2026-12-01', remainingConsumers: 2 }),
    record('d', { sunsetDate: '2026-12-01', replacementId: 'a-api' }),
  ];

  it('keeps the given order without a sorting (the backend lists the most urgent first)', () => {
    expect(services(sortDeprecations(items, undefined))).toEqual([
      'b',
      'a',
      'c',
      'd',
    ]);
  });

  it('puts services without a date or a replacement after the others, and before them descending, as the table does', () => {
    const sunset = (direction: 'asc' | 'desc') =>
      services(sortDeprecations(items, { field: 'sunsetDate', direction }));
    // c and d share their sunset: the given order between them, either way
    expect(sunset('asc')).toEqual(['c', 'd', 'b', 'a']);
    expect(sunset('desc')).toEqual(['a', 'b', 'c', 'd']);
    expect(
      services(
        sortDeprecations(items, { field: 'replacementId', direction: 'asc' }),
      ),
    ).toEqual(['d', 'a', 'b', 'c']);
  });

  it('sorts numbers as numbers, ties in the given order', () => {
    const many = [
      record('x', { remainingConsumers: 10 }),
      record('y', { remainingConsumers: 9 }),
      record('z', { remainingConsumers: 10 }),
    ];
    expect(
      services(
        sortDeprecations(many, {
          field: 'remainingConsumers',
          direction: 'desc',
        }),
      ),
    ).toEqual(['x', 'z', 'y']);
  });

  it('sorts statuses the most urgent first, and in one status the nearest sunset first', () => {
    const statuses = [
      record('later', { status: 'at-risk', daysToSunset: 30 }),
      record('done', { status: 'done' }),
      record('late', { status: 'overdue', daysToSunset: -3 }),
      record('sooner', { status: 'at-risk', daysToSunset: 5 }),
    ];
    expect(
      services(
        sortDeprecations(statuses, { field: 'status', direction: 'asc' }),
      ),
    ).toEqual(['late', 'sooner', 'later', 'done']);
  });

  it('does not change the list it is given', () => {
    const given = [...items];
    sortDeprecations(items, { field: 'service', direction: 'asc' });
    expect(items).toEqual(given);
  });
});

describe("isFieldOf the deprecations' fields", () => {
  it("accepts each column's field, and nothing else a link may say", () => {
    for (const field of Object.keys(DEPRECATION_SORT_FIELDS)) {
      expect(isDeprecationSortField(field)).toBe(true);
    }
    expect(isDeprecationSortField('owner')).toBe(false);
    expect(isDeprecationSortField('toString')).toBe(false);
    expect(isDeprecationSortField('')).toBe(false);
    const field: DeprecationSortField = 'sunsetDate';
    expect(DEPRECATION_SORT_FIELDS[field].label).toBe('Sunset');
  });
});
