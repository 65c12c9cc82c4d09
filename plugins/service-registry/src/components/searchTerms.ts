/**
 * The words of a page's search box, lowercased (see {@link hasEveryTerm}).
 *
 * @param text - the text as typed
 */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Whether every word of a search is in the texts of a row (case-insensitive, each anywhere:
 * `payments team` finds `payments-team`). No word: every row.
 *
 * @param texts - the texts the row shows
 * @param terms - the search's words (see {@link searchTerms})
 */
export function hasEveryTerm(
  texts: ReadonlyArray<string | null | undefined>,
  terms: readonly string[],
): boolean {
  if (terms.length === 0) return true;
  const text = texts.filter(Boolean).join('\n').toLowerCase();
  return terms.every(term => text.includes(term));
}
