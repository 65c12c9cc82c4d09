/**
 * Escapes text for a markdown table cell: one line, pipes and backslashes escaped (exported as
 * `markdownCell`).
 *
 * @public
 */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/**
 * Text as inline code, a backtick inside becoming a quote (exported as `markdownCode`).
 *
 * @public
 */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * Inline code in a table cell: as {@link code}, with `|` escaped, since a pipe splits the cell
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
