import { MouseEvent, useCallback, useEffect, useRef } from 'react';

/** What a click in a row does itself: such a click is not the row's. */
const INTERACTIVE = 'a[href], button, input, select, textarea, [role="button"]';

/**
 * The `onRowClick` of Backstage's `Table` that calls `onClick` with the row a user clicked, except
 * for a click on a link or a button in the row and for a click that arrives after the component
 * unmounted. material-table reports a row's click 200 ms late, from a timer it never clears (it
 * waits for a second click, to tell a double click): by then a link of the row may have left the
 * page, and a late selection written into the URL (`setSearchParams` resolves against the page's
 * old path) takes the user back to the page they just left.
 *
 * @param onClick - what a click on a row does; the latest one given is called
 */
export function useTableRowClick<T>(
  onClick: (row: T) => void,
): (event?: MouseEvent, row?: T) => void {
  const latest = useRef(onClick);
  latest.current = onClick;
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return useCallback((event?: MouseEvent, row?: T) => {
    if (!mounted.current || row === undefined) return;
    const target = event?.target as Partial<Element> | null | undefined;
    const control = target?.closest?.(INTERACTIVE);
    if (control && target?.closest?.('tr')?.contains(control)) return;
    latest.current(row);
  }, []);
}
