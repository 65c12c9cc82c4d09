import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A page's filters kept in the query string (`?project=&owner=…`), so that a filtered view
 * survives a reload and can be shared or linked to: the value of each key (`''` when absent), and
 * a setter that writes the keys it is given (an empty value removes the key), replacing the
 * history entry rather than adding one per change, and leaving the URL alone where it says so
 * already (so a page may write what it shows on every render).
 *
 * @param keys - the query parameters the page filters by
 */
export function useQueryFilters<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (changes: Partial<Record<K, string>>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => {
    const read = {} as Record<K, string>;
    for (const key of keys) read[key] = searchParams.get(key) ?? '';
    return read;
  }, [keys, searchParams]);
  const setFilters = useCallback(
    (changes: Partial<Record<K, string>>) => {
      const params = new URLSearchParams(searchParams);
      for (const key of Object.keys(changes) as K[]) {
        const value = changes[key];
        if (value) params.set(key, value);
        else params.delete(key);
      }
      // (a URL that says it already is left as it is: no navigation, no render of the page)
      if (params.toString() === searchParams.toString()) return;
      setSearchParams(params, { replace: true });
    },
    [searchParams, setSearchParams],
  );
  return [filters, setFilters];
}
