import { useMemo } from 'react';
import { useQueryFilters } from '../useQueryFilters';
import { NO_FILTERS, ownerKey, SlaFilters } from './filterSlaOverview';

const KEYS = Object.keys(NO_FILTERS) as Array<keyof SlaFilters>;

/**
 * The SLA page's filters, kept in the query string (`?project=&tier=&owner=&compliance=`, the
 * global services as `?project=:global`); an owner is read without its leading `@`.
 */
export function useSlaFilters(): [SlaFilters, (next: SlaFilters) => void] {
  const [written, setFilters] = useQueryFilters(KEYS);
  const filters = useMemo(
    () => ({ ...written, owner: ownerKey(written.owner) }),
    [written],
  );
  return [filters, setFilters];
}
