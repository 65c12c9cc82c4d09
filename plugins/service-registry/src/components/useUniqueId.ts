import { useState } from 'react';

let made = 0;

/**
 * An id unique in the page, kept for the life of the component (`prefix-1`, `prefix-2`, …): for
 * `aria-labelledby`, `aria-describedby` and labels. React 18's `useId` does this, but the plugin
 * supports React 17 as Backstage does, where `useId` is not there.
 *
 * @param prefix - the start of the id, which says what it names
 */
export function useUniqueId(prefix: string): string {
  const [id] = useState(() => {
    made += 1;
    return `${prefix}-${made}`;
  });
  return id;
}
