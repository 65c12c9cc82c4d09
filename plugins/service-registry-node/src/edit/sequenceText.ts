import {
  TomlArrayNode,
  TomlInlineTableNode,
  TomlSequenceItem,
} from './scanStatements';

/**
 * Text edits of one element of an array or one entry of an inline table, in the layout the
 * file already uses. Each function takes the text and the node as scanned from it, and returns
 * the new text; everything outside the edit stays byte for byte.
 */

/** An array or an inline table as scanned. */
export type TomlSequenceNode = TomlArrayNode | TomlInlineTableNode;

const isBlank = (text: string) => /^[ \t]*$/.test(text);

const lineStartOf = (text: string, offset: number) =>
  text.lastIndexOf('\n', offset - 1) + 1;

const sameLine = (text: string, from: number, to: number) =>
  !text.slice(from, to).includes('\n');

/** `cut(text, start, end)`: the text without `[start, end)`. */
const cut = (text: string, start: number, end: number) =>
  text.slice(0, start) + text.slice(end);

const insert = (text: string, at: number, what: string) =>
  text.slice(0, at) + what + text.slice(at);

/**
 * The lines an item has to itself: only indentation before it, and after it only its comma,
 * spaces and a comment up to the line break. Returns the offset where its first line starts
 * and the offset just after its last line's break, or undefined when it shares a line.
 */
export function ownLines(
  text: string,
  item: TomlSequenceItem,
): { start: number; end: number; eol: string } | undefined {
  const start = lineStartOf(text, item.start);
  if (!isBlank(text.slice(start, item.start))) return undefined;
  let i = item.end;
  if (item.comma !== -1) {
    if (!sameLine(text, item.end, item.comma)) return undefined;
    i = item.comma + 1;
  }
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '#') {
    const nl = text.indexOf('\n', i);
    if (nl === -1) return undefined;
    i = nl;
  }
  if (text[i] === '\r') i++;
  if (text[i] !== '\n') return undefined;
  return { start, end: i + 1, eol: text[i - 1] === '\r' ? '\r\n' : '\n' };
}

/** Whether every item is on lines of its own (one element per line). */
export function isOneItemPerLine(
  text: string,
  node: TomlSequenceNode,
): boolean {
  return (
    node.items.length > 0 && node.items.every(item => ownLines(text, item))
  );
}

/** The indentation of the line an item starts on (empty when it does not start the line). */
export function indentOf(text: string, item: TomlSequenceItem): string {
  const indent = text.slice(lineStartOf(text, item.start), item.start);
  return isBlank(indent) ? indent : '';
}

/**
 * Inserts an item (its text as it is to be written: a value, or `key = value`) at a position
 * of the sequence: on a line of its own, indented like its neighbour, when the sequence has one
 * item per line (the last item then gets a comma, and the new one a trailing comma when the
 * sequence writes one); else inline, separated by `, `. An empty sequence gets the item inside
 * its brackets (`["x"]`, `{ key = "x" }`), or on a line of its own when the brackets are on
 * different lines.
 */
export function insertItem(
  text: string,
  node: TomlSequenceNode,
  index: number,
  itemText: string,
  eol: string,
): string {
  const { items } = node;
  const open = node.start + 1;
  const close = node.end - 1;
  if (items.length === 0) {
    const inner = text.slice(open, close);
    if (!inner.includes('\n')) {
      if (node.kind === 'inlineTable') {
        return `${text.slice(0, open)} ${itemText} ${text.slice(close)}`;
      }
      const pad = isBlank(inner) ? inner : '';
      return `${text.slice(0, open)}${pad}${itemText}${pad}${text.slice(
        close,
      )}`;
    }
    // brackets on lines of their own (perhaps with comments between): a line before the closing one
    const closingLine = lineStartOf(text, close);
    if (!isBlank(text.slice(closingLine, close))) {
      return `${text.slice(0, close)}${itemText}${text.slice(close)}`;
    }
    const commentIndent = /\n([ \t]*)#/.exec(inner)?.[1];
    const indent = commentIndent ?? `${text.slice(closingLine, close)}  `;
    return insert(text, closingLine, `${indent}${itemText},${eol}`);
  }
  if (isOneItemPerLine(text, node)) {
    if (index < items.length) {
      const before = items[index];
      const line = ownLines(text, before)!;
      return insert(
        text,
        line.start,
        `${indentOf(text, before)}${itemText},${line.eol}`,
      );
    }
    const last = items[items.length - 1];
    const line = ownLines(text, last)!;
    const trailing = last.comma !== -1;
    const out = insert(
      text,
      line.end,
      `${indentOf(text, last)}${itemText}${trailing ? ',' : ''}${line.eol}`,
    );
    return trailing ? out : insert(out, last.end, ',');
  }
  if (index < items.length) {
    return insert(text, items[index].start, `${itemText}, `);
  }
  const last = items[items.length - 1];
  return last.comma !== -1
    ? insert(text, last.comma + 1, ` ${itemText},`)
    : insert(text, last.end, `, ${itemText}`);
}

/**
 * Removes an item of a sequence that has at least two: the item's own lines (with their
 * comment) when it has them, else the item and its separator. The comma of the item before
 * goes too when the removed item was the last one and had none (so that no trailing comma is
 * left where the sequence wrote none).
 */
export function removeItem(
  text: string,
  node: TomlSequenceNode,
  index: number,
): string {
  const { items } = node;
  if (items.length < 2) {
    throw new Error('Only an item of a sequence of two or more is removed.');
  }
  const item = items[index];
  const prev = items[index - 1];
  const next = items[index + 1];
  const lines = ownLines(text, item);
  if (lines) {
    const out = cut(text, lines.start, lines.end);
    return !next && item.comma === -1 && prev.comma !== -1
      ? cut(out, prev.comma, prev.comma + 1)
      : out;
  }
  if (item.comma !== -1) {
    if (next && sameLine(text, item.comma, next.start)) {
      return cut(text, item.start, next.start);
    }
    if (!next && !text.slice(prev.comma, item.start).includes('#')) {
      // the last item, with a trailing comma: the comma before it becomes the trailing one
      return cut(text, prev.comma + 1, item.comma + 1);
    }
    let end = item.comma + 1;
    while (text[end] === ' ' || text[end] === '\t') end++;
    let start = item.start;
    if (end >= text.length || '\r\n#'.includes(text[end])) {
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t'))
        start--;
    }
    return cut(text, start, end);
  }
  // the last item, without a comma: it goes with the comma before it
  if (!text.slice(prev.end, item.start).includes('#')) {
    return cut(text, prev.end, item.end);
  }
  let start = item.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t'))
    start--;
  // a comment between them stays: only the comma before it goes
  return cut(cut(text, start, item.end), prev.comma, prev.comma + 1);
}

/** Replaces the text of an item (its value, for an array element). */
export function replaceItem(
  text: string,
  item: TomlSequenceItem,
  itemText: string,
): string {
  return text.slice(0, item.start) + itemText + text.slice(item.end);
}
