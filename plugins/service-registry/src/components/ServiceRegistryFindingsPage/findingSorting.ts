import { RegistryFindingItem } from '../../api/types';
import {
  compareLocations,
  severityRank,
} from '../EntityServiceRegistryFindingsCard/findingParts';
import { ComparedField, compareTexts } from '../sortRows';
import { ALPHABETICAL, FieldSorting, SortMenuField } from '../SortMenu';

/** The fields the findings can be sorted by: the table's columns. */
export type FindingSortField =
  | 'severity'
  | 'service'
  | 'project'
  | 'owner'
  | 'message'
  | 'file';

/** The findings sorted by a column, named by its field. */
export type FindingSorting = FieldSorting<FindingSortField>;

/** How one field sorts (ascending), and the words a phone's sort menu says each way with. */
type SortField = SortMenuField & ComparedField<RegistryFindingItem>;

/**
 * Each field the findings sort by, in the table's column order: its comparison, which the table's
 * columns and the phone's list both use.
 */
export const FINDING_SORT_FIELDS: Readonly<
  Record<FindingSortField, SortField>
> = {
  severity: {
    label: 'Severity',
    compare: (a, b) => severityRank(a.severity) - severityRank(b.severity),
    ascending: 'errors first',
    descending: 'info first',
  },
  service: {
    label: 'Service',
    compare: (a, b) => compareTexts(a.service, b.service),
    ...ALPHABETICAL,
  },
  project: {
    label: 'Project',
    compare: (a, b) => compareTexts(a.project, b.project),
    ...ALPHABETICAL,
  },
  owner: {
    label: 'Owner',
    compare: (a, b) =>
      compareTexts(a.owner?.replace(/^@/, ''), b.owner?.replace(/^@/, '')),
    ...ALPHABETICAL,
  },
  message: {
    label: 'Finding',
    compare: (a, b) => compareTexts(a.message, b.message),
    ...ALPHABETICAL,
  },
  file: {
    label: 'Location',
    compare: compareLocations,
    ascending: 'by file and line',
    descending: 'by file and line, last first',
  },
};
