/** A line ending as markdown (CommonMark) reads one: CRLF, a lone CR or a lone LF. */
const LINE_ENDING = /\r\n|\r|\n/g;

/**
 * Escapes text for a markdown table cell: one line (each line ending, CRLF, CR or LF, becoming a
 * space), pipes and backslashes escaped (exported as `markdownCell`).
 *
 * @public
 */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(LINE_ENDING, ' ');
}

/**
 * Text as inline code on one line, a backtick inside becoming a quote and each line ending (CRLF,
 * CR or LF) a space, so that it cannot end a list item or a table row (exported as
 * `markdownCode`).
 *
 * @public
 */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(LINE_ENDING, ' ')}\``;
}

/**
 * Inline code in a table cell: as `code`, with `|` escaped, since a pipe splits the cell
 * even inside a code span (GitHub renders `\|` there as `|`). Exported as `markdownCodeCell`.
 *
 * @public
 */
export function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/**
 * A count and its noun: `1 service`, `2 services` (nouns whose plural adds an `s`).
 *
 * @public
 */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A web URL as the target of a markdown link inside a table cell: what would end the target or
 * the cell (spaces, parentheses, pipes, angle brackets) percent-encoded (exported as
 * `markdownLinkTarget`).
 *
 * @public
 */
export function linkTarget(url: string): string {
  return url.replace(
    /[\s()|<>\\`]/g,
    ch => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
