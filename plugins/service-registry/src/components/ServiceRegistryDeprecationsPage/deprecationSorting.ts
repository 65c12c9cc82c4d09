import {
  DEPRECATION_STATUSES,
  DeprecationRecord,
} from '@service-registry/plugin-service-registry-common';
import { ComparedField, compareNumbers, compareTexts } from '../sortRows';
import { ALPHABETICAL, FieldSorting, SortMenuField } from '../SortMenu';

/** The deprecations sorted by a field, named as the table's column names it (`sunsetDate`). */
export type DeprecationSorting = FieldSorting<DeprecationSortField>;

/** The fields the deprecations can be sorted by: the table's columns, in their order. */
export type DeprecationSortField =
  | 'service'
  | 'status'
  | 'deprecationDate'
  | 'sunsetDate'
  | 'remainingConsumers'
  | 'remainingEffortHours'
  | 'replacementId';

/** A deprecation as sorted: the record, with the replacement's id flattened. */
export type SortedDeprecation = DeprecationRecord & { replacementId: string };

/** How one field sorts (ascending), and the words a phone's sort menu says each way with. */
type SortField = SortMenuField & ComparedField<SortedDeprecation>;

/**
 * Each field the deprecations sort by, in the table's column order: its comparison, which the
 * table's columns and the phone's list both use, so that a link's `?sort=&order=` lists the
 * services in the same order on either.
 */
export const DEPRECATION_SORT_FIELDS: Readonly<
  Record<DeprecationSortField, SortField>
> = {
  service: {
    label: 'Service',
    compare: (a, b) => compareTexts(a.service, b.service),
    ...ALPHABETICAL,
  },
  status: {
    label: 'Status',
    // the most urgent status first, and in one status the nearest sunset
    compare: (a, b) =>
      DEPRECATION_STATUSES.indexOf(a.status) -
        DEPRECATION_STATUSES.indexOf(b.status) ||
      compareNumbers(a.daysToSunset, b.daysToSunset),
    ascending: 'most urgent first',
    descending: 'least urgent first',
  },
  deprecationDate: {
    label: 'Deprecated',
    compare: (a, b) => compareTexts(a.deprecationDate, b.deprecationDate),
    ascending: 'earliest first',
    descending: 'latest first',
  },
  sunsetDate: {
    label: 'Sunset',
    compare: (a, b) => compareTexts(a.sunsetDate, b.sunsetDate),
    ascending: 'soonest first',
    descending: 'latest first',
  },
  remainingConsumers: {
    label: 'Consumers',
    compare: (a, b) => a.remainingConsumers - b.remainingConsumers,
    ascending: 'fewest first',
    descending: 'most first',
  },
  remainingEffortHours: {
    label: 'Effort',
    compare: (a, b) =>
      compareNumbers(a.remainingEffortHours, b.remainingEffortHours),
    ascending: 'least first',
    descending: 'most first',
  },
  replacementId: {
    label: 'Replacement',
    compare: (a, b) => compareTexts(a.replacementId, b.replacementId),
    ...ALPHABETICAL,
  },
};
