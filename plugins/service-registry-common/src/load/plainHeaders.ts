import { isBareKey } from './keyPath';
import { DependencyElements } from './positions';
import {
  APOSTROPHE,
  BACKSLASH,
  CLOSE_BRACKET,
  COMMA,
  CR,
  EQUALS,
  HASH,
  isBareKeyChar,
  LF,
  OPEN_BRACKET,
  QUOTE,
  SPACE,
  TAB,
} from './tomlChars';

const DEPENDENCIES_END = '.dependencies]';
const SERVICE_START = '[service.';

/** Searches that start over from the top of the text before the look-up gives up. */
const MAX_RESTARTS = 32;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * Reads the elements of the array opening at `open` (the `[` after `requires =`), which may
 * span lines: strings without escapes, commas, blanks and comments only. Pushes the line and
 * column of each element; returns the index after the closing `]` and the line there, or
 * undefined for anything else (an inline table, a nested array, an escape).
 */
function readStringArray(
  text: string,
  open: number,
  line: number,
  lineStart: number,
  sink: number[],
): { end: number; line: number } | undefined {
  const n = text.length;
  let i = open + 1;
  let currentLine = line;
  let currentLineStart = lineStart;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      currentLine++;
      currentLineStart = i + 1;
      i++;
    } else if (c === SPACE || c === TAB || c === CR || c === COMMA) {
      i++;
    } else if (c === HASH) {
      const lineEnd = text.indexOf('\n', i);
      i = lineEnd === -1 ? n : lineEnd;
    } else if (c === CLOSE_BRACKET) {
      return { end: i + 1, line: currentLine };
    } else if (c === QUOTE || c === APOSTROPHE) {
      sink.push(currentLine, i - currentLineStart + 1);
      let k = i + 1;
      for (;;) {
        if (k >= n) return undefined;
        const s = text.charCodeAt(k);
        if (s === c) break;
        if (s === LF || (s === BACKSLASH && c === QUOTE)) return undefined;
        k++;
      }
      i = k + 1;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Look-ups of table headers in a TOML text written without multi-line strings, by searching for
 * the header's exact text instead of scanning every statement.
 *
 * In a text that parses and holds no `"""` or `'''`, a line that starts with `[service.x]` is a
 * table header: no string spans lines, and `service.x` is not a value, so the line cannot be an
 * element of a multi-line array. It is also the only definition of the table that a header can
 * give, and the parser refuses any other explicit one (dotted keys or an inline table for the
 * same table), so it is where the full scan ({@link scanTomlPositions}) places the table. A
 * header written otherwise (indented, with blanks or quotes inside) is not found, and the caller
 * falls back to the scan.
 *
 * Headers are searched from where the last one was found, so that looking up every record of a
 * file in the order the parser returns them reads the text about once; line numbers are counted
 * from the last position asked for, likewise.
 */
export class PlainHeaderLookup {
  private cursor = 0;
  private restarts = 0;
  private countedTo = 0;
  private countedLine = 1;
  private dependencyHeaders: Map<string, number> | undefined;
  /** The first `{` at or after `braceFrom` (-1: none), so that the text is searched once. */
  private brace = -1;
  private braceFrom = Infinity;

  private constructor(private readonly text: string) {}

  /**
   * The look-up for a text, or undefined when the text holds a multi-line string (then a line
   * that starts with `[` may be inside one).
   *
   * @param text - a TOML text that parses, without BOM
   */
  static of(text: string): PlainHeaderLookup | undefined {
    return text.includes('"""') || text.includes("'''")
      ? undefined
      : new PlainHeaderLookup(text);
  }

  /** The 1-based line of a position, counted from the last position asked for. */
  private lineOf(at: number): number {
    const text = this.text;
    let line = this.countedLine;
    if (at >= this.countedTo) {
      let i = text.indexOf('\n', this.countedTo);
      while (i !== -1 && i < at) {
        line++;
        i = text.indexOf('\n', i + 1);
      }
    } else {
      let i = text.lastIndexOf('\n', this.countedTo - 1);
      while (i >= at) {
        line--;
        i = i === 0 ? -1 : text.lastIndexOf('\n', i - 1);
      }
    }
    this.countedTo = at;
    this.countedLine = line;
    return line;
  }

  /** The first line that starts with `header`, searched from `from`, or -1. */
  private findLineStart(header: string, from: number): number {
    const text = this.text;
    let i = text.indexOf(header, from);
    while (i > 0 && text.charCodeAt(i - 1) !== LF) {
      i = text.indexOf(header, i + 1);
    }
    return i;
  }

  /**
   * The line of the header `[<keys joined by dots>]` written plainly at the start of a line
   * (e.g. `[service.shared-auth]` for `['service', 'shared-auth']`), or undefined when there is
   * none (the table is defined otherwise, or its header is written differently).
   *
   * @param keys - the table's keys, from the root
   */
  headerLine(...keys: string[]): number | undefined {
    for (const key of keys) if (!isBareKey(key)) return undefined;
    const header = `[${keys.join('.')}]`;
    let at = this.findLineStart(header, this.cursor);
    if (at === -1 && this.cursor > 0) {
      if (++this.restarts > MAX_RESTARTS) return undefined;
      at = this.findLineStart(header, 0);
    }
    if (at === -1) return undefined;
    this.cursor = at + header.length;
    return this.lineOf(at);
  }

  /**
   * The positions of the elements of `requires = [...]` and `optional = [...]` in the plainly
   * written `[service.<id>.dependencies]` table of a service, when they are strings written
   * with bare keys and without escapes; else undefined (their positions are then looked up
   * with the full scan when needed).
   *
   * @param id - the service id
   */
  dependencyElements(id: string): DependencyElements | undefined {
    const at = this.dependencyHeaderStarts().get(id);
    return at === undefined ? undefined : this.readDependencyTable(at);
  }

  /** The first `{` at or after a position, or -1. */
  private braceAfter(from: number): number {
    if (from < this.braceFrom || (this.brace !== -1 && this.brace < from)) {
      this.brace = this.text.indexOf('{', from);
      this.braceFrom = from;
    }
    return this.brace;
  }

  /** Where each plainly written `[service.<id>.dependencies]` line starts, by id (one search). */
  private dependencyHeaderStarts(): Map<string, number> {
    if (this.dependencyHeaders === undefined) {
      const text = this.text;
      const found = new Map<string, number>();
      let end = text.indexOf(DEPENDENCIES_END);
      while (end !== -1) {
        const start = text.lastIndexOf('\n', end) + 1;
        if (text.startsWith(SERVICE_START, start)) {
          const id = text.slice(start + SERVICE_START.length, end);
          if (isBareKey(id) && !found.has(id)) found.set(id, start);
        }
        end = text.indexOf(DEPENDENCIES_END, end + DEPENDENCIES_END.length);
      }
      this.dependencyHeaders = found;
    }
    return this.dependencyHeaders;
  }

  /**
   * Reads the dependencies table whose header line starts at `at`, up to the next line that
   * starts with `[` (after blanks): the next header, as the text has no multi-line strings.
   * Undefined when the table holds anything not read with certainty: an inline table (in
   * TOML 1.1 it may span lines), a quoted key, a line that starts with a string.
   */
  private readDependencyTable(at: number): DependencyElements | undefined {
    const text = this.text;
    const n = text.length;
    let line = this.lineOf(at);
    const lists: DependencyElements = {};
    let i = text.indexOf('\n', at);
    if (i === -1) i = n;
    const from = i;
    while (i < n) {
      // at the line feed that ends the previous line
      line++;
      const lineStart = i + 1;
      i = lineStart;
      while (i < n && isBlank(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACKET) break;
      if (c === QUOTE || c === APOSTROPHE) return undefined;
      let key: 'requires' | 'optional' | undefined;
      if (text.startsWith('requires', i)) key = 'requires';
      else if (text.startsWith('optional', i)) key = 'optional';
      if (key !== undefined && !isBareKeyChar(text.charCodeAt(i + 8))) {
        i += 8;
        while (isBlank(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) === EQUALS) {
          i++;
          while (isBlank(text.charCodeAt(i))) i++;
          if (text.charCodeAt(i) === OPEN_BRACKET) {
            const elements: number[] = [];
            const read = readStringArray(text, i, line, lineStart, elements);
            if (read === undefined) return undefined;
            lists[key] = elements;
            i = read.end;
            line = read.line;
          }
        }
      }
      const lineEnd = text.indexOf('\n', i);
      i = lineEnd === -1 ? n : lineEnd;
    }
    const brace = this.braceAfter(from);
    if (brace !== -1 && brace < i) return undefined;
    return lists.requires || lists.optional ? lists : undefined;
  }
}
