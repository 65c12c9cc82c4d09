import { useCallback, useMemo } from 'react';
import {
  GraphFilters,
  GroupBy,
  normalizeOwner,
} from '../../lib/graph-transformations';
import { useQueryFilters } from '../useQueryFilters';

/** How the topology colours its services. */
export type ColorBy = 'project' | 'owner' | 'status';

/** The view of the topology page that a link can share. */
export interface TopologyView {
  /** The selected service (a service of the graph). */
  service?: string;
  groupBy: GroupBy;
  colorBy: ColorBy;
  /** Only values the graph has. */
  filters: GraphFilters;
  impact: boolean;
}

/**
 * The values the graph has for each filter (`GLOBAL_PROJECT_KEY`, `:global`, for the services of no
 * project; `NO_OWNER_KEY`, `:none`, for the services without owner).
 */
export type TopologyFilterOptions = Record<keyof GraphFilters, string[]>;

const KEYS = [
  'service',
  'project',
  'owner',
  'status',
  'tier',
  'groupBy',
  'colourBy',
  'impact',
] as const;
type Key = (typeof KEYS)[number];

/** The query parameter of each filter. */
const FILTER_KEYS: Record<keyof GraphFilters, Key> = {
  projects: 'project',
  owners: 'owner',
  statuses: 'status',
  tiers: 'tier',
};

const GROUP_BY: readonly GroupBy[] = ['none', 'project', 'owner'];
const COLOR_BY: readonly ColorBy[] = ['project', 'owner', 'status'];
/**
 * A filter's value as the URL writes it: the filters' keys (see `filterValues`), so `:global` for
 * the global services and `:none` for no owner; an owner may be written with its `@`.
 */
function fromQuery(filter: keyof GraphFilters, value: string): string {
  if (filter === 'owners') return normalizeOwner(value) ?? value;
  return value;
}

const oneOf = <T extends string>(
  allowed: readonly T[],
  value: string,
  fallback: T,
): T =>
  (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/**
 * The topology page's view kept in the query string
 * (`?service=&project=&owner=&status=&tier=&groupBy=&colourBy=&impact=`), so that it survives a
 * reload and can be shared: filters as comma-separated lists, the global services as
 * `project=:global` and the services without owner as `owner=:none`, impact mode as `impact=true`; defaults are left out. What a link names that the
 * graph does not have (a service, a filter value, a grouping) is ignored.
 *
 * @param options - the values the graph has for each filter
 * @param hasService - whether the graph has a service
 */
export function useTopologyView(
  options: TopologyFilterOptions,
  hasService: (id: string) => boolean,
): [TopologyView, (changes: Partial<TopologyView>) => void] {
  const [query, setQuery] = useQueryFilters(KEYS);
  const view = useMemo(() => {
    const filters: GraphFilters = {};
    for (const filter of Object.keys(FILTER_KEYS) as (keyof GraphFilters)[]) {
      const known = query[FILTER_KEYS[filter]]
        .split(',')
        .map(value => fromQuery(filter, value.trim()))
        .filter(value => options[filter].includes(value));
      if (known.length > 0) filters[filter] = [...new Set(known)];
    }
    return {
      service: hasService(query.service) ? query.service : undefined,
      groupBy: oneOf(GROUP_BY, query.groupBy, 'none'),
      colorBy: oneOf(COLOR_BY, query.colourBy, 'project'),
      filters,
      impact: query.impact === 'true',
    };
  }, [query, options, hasService]);

  const setView = useCallback(
    (changes: Partial<TopologyView>) => {
      const written: Partial<Record<Key, string>> = {};
      if ('service' in changes) written.service = changes.service ?? '';
      if (changes.groupBy !== undefined) {
        written.groupBy = changes.groupBy === 'none' ? '' : changes.groupBy;
      }
      if (changes.colorBy !== undefined) {
        written.colourBy = changes.colorBy === 'project' ? '' : changes.colorBy;
      }
      if (changes.impact !== undefined) {
        written.impact = changes.impact ? 'true' : '';
      }
      if (changes.filters) {
        for (const filter of Object.keys(
          FILTER_KEYS,
        ) as (keyof GraphFilters)[]) {
          written[FILTER_KEYS[filter]] = (changes.filters[filter] ?? []).join(
            ',',
          );
        }
      }
      setQuery(written);
    },
    [setQuery],
  );
  return [view, setView];
}
