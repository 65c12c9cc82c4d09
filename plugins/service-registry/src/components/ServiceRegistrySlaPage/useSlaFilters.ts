import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { NO_FILTERS, SlaFilters } from './filterSlaOverview';

const KEYS = Object.keys(NO_FILTERS) as Array<keyof SlaFilters>;

/**
 * The SLA page's filters, kept in the query string (`?project=&tier=&owner=&compliance=`, the
 * global services as `?project=:global`) so that a filtered view survives a reload and can be
 * shared or linked to.
 */
export function useSlaFilters(): [SlaFilters, (next: SlaFilters) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => {
    const read = { ...NO_FILTERS };
    for (const key of KEYS) read[key] = searchParams.get(key) ?? '';
    read.owner = read.owner.trim().replace(/^@/, '');
    return read;
  }, [searchParams]);
  const setFilters = useCallback(
    (next: SlaFilters) => {
      const params = new URLSearchParams(searchParams);
      for (const key of KEYS) {
        if (next[key]) params.set(key, next[key]);
        else params.delete(key);
      }
      setSearchParams(params, { replace: true });
    },
    [searchParams, setSearchParams],
  );
  return [filters, setFilters];
}
