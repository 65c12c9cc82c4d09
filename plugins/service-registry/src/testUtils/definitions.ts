/**
 * The terms (`dt`) of the description lists in an element, each with the text of its description
 * (the element after it): `{ Sunset: '2026-11-10, 12 days overdue', … }`.
 */
export function definitionsOf(
  element: HTMLElement,
): Record<string, string | null | undefined> {
  return Object.fromEntries(
    Array.from(element.querySelectorAll('dt')).map(term => [
      term.textContent,
      term.nextElementSibling?.textContent,
    ]),
  );
}
