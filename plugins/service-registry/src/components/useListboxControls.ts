import { useState } from 'react';

/**
 * Props for a Material UI v4 `Autocomplete` whose open list is named with `aria-controls`, as
 * ARIA 1.2 asks of a combobox: v4 names it with `aria-owns` only, which axe reports as a missing
 * required attribute while the list is open. Spread them into the `Autocomplete`.
 *
 * @param id - the `Autocomplete`'s id (its list is `<id>-popup`)
 */
export function useListboxControls(id: string) {
  const [open, setOpen] = useState(false);
  return {
    open,
    onOpen: () => setOpen(true),
    onClose: () => setOpen(false),
    'aria-controls': open ? `${id}-popup` : undefined,
  };
}
