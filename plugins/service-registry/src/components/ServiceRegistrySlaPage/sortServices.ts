import {
  SLA_COMPLIANCE_VALUES,
  SlaOverviewService,
} from '@service-registry/plugin-service-registry-common';
import { ALPHABETICAL, FieldSorting, SortMenuField } from '../SortMenu';

/** The sortable columns of the services tables. */
export type SlaSortKey =
  | 'name'
  | 'project'
  | 'owner'
  | 'availability'
  | 'p99'
  | 'compliance'
  | 'gaps';

/**
 * The sortable columns of the services tables, in their order: each its title, and the words a
 * phone's sort menu says each direction with (the list there has no headers).
 */
export const SLA_SORT_FIELDS: Readonly<
  Record<SlaSortKey, SortMenuField & { numeric?: boolean }>
> = {
  name: { label: 'Service', ...ALPHABETICAL },
  project: { label: 'Project', ...ALPHABETICAL },
  owner: { label: 'Owner', ...ALPHABETICAL },
  availability: {
    label: 'Availability',
    numeric: true,
    ascending: 'lowest first',
    descending: 'highest first',
  },
  p99: {
    label: 'p99',
    numeric: true,
    ascending: 'fastest first',
    descending: 'slowest first',
  },
  compliance: {
    label: 'Compliance',
    ascending: 'worst first',
    descending: 'best first',
  },
  gaps: { label: 'Gaps', ascending: 'fewest first', descending: 'most first' },
};

/** A column and a direction. */
export type SlaSort = FieldSorting<SlaSortKey>;

type SortValue = string | number | undefined;

const VALUES: Record<SlaSortKey, (s: SlaOverviewService) => SortValue> = {
  name: s => s.name.toLocaleLowerCase('en-US'),
  project: s => s.project ?? undefined,
  owner: s => s.owner?.replace(/^@/, '').toLocaleLowerCase('en-US'),
  availability: s => s.availability,
  p99: s => s.responseTimeP99Ms,
  // worst first when ascending
  compliance: s => SLA_COMPLIANCE_VALUES.indexOf(s.compliance),
  gaps: s => s.weaker + s.missing,
};

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/**
 * The services sorted by a column; values that are not set (no project, no declared
 * availability) come last in either direction, and ties keep the given order.
 */
export function sortServices(
  services: SlaOverviewService[],
  sort: SlaSort | undefined,
): SlaOverviewService[] {
  if (!sort) return services;
  const value = VALUES[sort.field];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return services
    .map((service, index) => ({ service, index, key: value(service) }))
    .sort((a, b) => {
      if (a.key === undefined || b.key === undefined) {
        if (a.key === b.key) return a.index - b.index;
        return a.key === undefined ? 1 : -1;
      }
      return sign * compareValues(a.key, b.key) || a.index - b.index;
    })
    .map(entry => entry.service);
}
