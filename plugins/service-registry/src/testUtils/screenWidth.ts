/**
 * Makes `window.matchMedia` answer width queries (`(max-width: 599.95px)`, `(min-width: 600px)`,
 * both joined by `and`) as a screen `width` CSS pixels wide would, until the returned function is
 * called. jsdom has no `matchMedia`, so without it MUI's `useMediaQuery` answers every query with
 * false (a wide screen, for `theme.breakpoints.down(…)`). A query with no width in it matches
 * nothing.
 */
export function pretendScreenWidth(width: number): () => void {
  const had = Object.prototype.hasOwnProperty.call(window, 'matchMedia');
  const previous = window.matchMedia;
  const matches = (query: string) => {
    const limits = [...query.matchAll(/\((min|max)-width:\s*([\d.]+)px\)/g)];
    return (
      limits.length > 0 &&
      limits.every(([, side, px]) =>
        side === 'min' ? width >= Number(px) : width <= Number(px),
      )
    );
  };
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string): MediaQueryList => ({
      media: query,
      matches: matches(query),
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
  return () => {
    if (had) window.matchMedia = previous;
    else delete (window as { matchMedia?: unknown }).matchMedia;
  };
}
