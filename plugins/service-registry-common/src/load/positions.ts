import { isBareKey, KeyPathPart, tomlBasicString } from './keyPath';
import {
  APOSTROPHE,
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  CR,
  DOT,
  EQUALS,
  HASH,
  isBareKeyChar,
  LF,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  SPACE,
  TAB,
} from './tomlChars';

/**
 * Where a key, a table header or an array element is written in a TOML text.
 *
 * @public
 */
export interface TomlKeyPosition {
  /** Full path from the document root; elements of arrays (and of arrays of tables) are indices. */
  path: KeyPathPart[];
  /** 1-based line. */
  line: number;
  /** 1-based column of the first character of the key, of the header's `[`, or of the element. */
  column: number;
}

/**
 * A position recorded by the header scan: first explicit definition wins, else the first
 * implicit one (a header `[a.b.c]` implicitly defines `a` and `a.b`).
 */
export interface HeaderEntry {
  line: number;
  column: number;
  implicit: boolean;
}

/**
 * What {@link scanTomlHeaders} finds: the positions of the first two levels of every table
 * header, and where keys are written directly at those levels (which the header scan does not
 * record, so that a lookup there must use the full scan).
 */
export interface TomlHeaderIndex {
  /** Positions of depth-1 paths (`[project]`, or `service` implied by `[service.x]`), by key. */
  roots: Map<string, HeaderEntry>;
  /** Positions of depth-2 paths (`[service.x]`), by first then second part. */
  records: Map<string, Map<string, HeaderEntry>>;
  /** True when some `key = value` line sits at the document root (outside any table). */
  rootKeys: boolean;
  /** First parts of depth-1 tables that hold `key = value` lines (`[project]` with `name = ...`). */
  depth1Keys: Set<string>;
  /**
   * Positions of the elements of the dependency lists of services written in their usual form,
   * `requires = [...]` and `optional = [...]` in a `[service.<id>.dependencies]` table, by
   * service id: line and column of each element, in turn.
   */
  dependencies: Map<string, DependencyElements>;
}

/**
 * Positions of the elements of one service's dependency lists: line and column of each element,
 * in turn (`[line0, column0, line1, column1, ...]`).
 */
export interface DependencyElements {
  requires?: number[];
  optional?: number[];
}

/**
 * The deepest path (in parts, array indices included) whose position the full scan records. A
 * key or header records the position of each of its prefixes, and each position holds its path:
 * a header of n parts costs n² (a line `[a.a.a…]` of 20,000 parts, 40 KB, took gigabytes and
 * minutes). No registry table comes near this depth; a deeper path is found at its nearest
 * recorded prefix (see `nearestPosition`), written on the same line when it is part of the same
 * key or header.
 */
export const MAX_POSITION_DEPTH = 64;

/**
 * The deepest arrays and inline tables nest in a value the scan reads: the parser's own limit
 * (smol-toml's `maxDepth`), past which a text does not parse. The header scan also reads texts
 * that do not parse (`declaredServiceHeaders`): a value nested deeper is abandoned at the end of
 * its line rather than recursed into (20,000 `[` overflowed the stack).
 */
const MAX_VALUE_NESTING = 1000;

/** Ends of a scalar value: `,` `]` `}` `#` and the end of the line. */
function isScalarEnd(c: number): boolean {
  return (
    c === COMMA ||
    c === CLOSE_BRACKET ||
    c === CLOSE_BRACE ||
    c === HASH ||
    c === LF
  );
}

/** Escapes of basic strings that stand for one character. */
const SIMPLE_ESCAPES: Record<number, string> = {
  98: '\b', // b
  116: '\t', // t
  110: '\n', // n
  102: '\f', // f
  114: '\r', // r
  101: '\u001b', // e
  34: '"',
  92: '\\',
};

/** Length of the hex digits of `\u`, `\U` and `\x` escapes, by the escape's letter. */
function hexEscapeLength(c: number): number {
  if (c === 117) return 4; // u
  if (c === 85) return 8; // U
  if (c === 120) return 2; // x
  return 0;
}

/** A key path part as it appears in a joined key path (see `joinKeyPath`). */
function joinedPart(part: string, bare: boolean): string {
  return bare || isBareKey(part) ? part : tomlBasicString(part);
}

function appendJoined(joined: string, part: string): string {
  return joined === '' ? part : `${joined}.${part}`;
}

/**
 * Records a table header of `depth` parts (`first`, `second`, ...) at a line and column in a
 * header index: the first explicit definition of its first two levels wins, else the first
 * implicit one (a header `[a.b.c]` implicitly defines `a` and `a.b`).
 */
export function noteHeader(
  headers: TomlHeaderIndex,
  first: string,
  second: string | undefined,
  depth: number,
  line: number,
  column: number,
): void {
  const { roots, records } = headers;
  const rootImplicit = depth > 1;
  const root = roots.get(first);
  if (root === undefined) {
    roots.set(first, { line, column, implicit: rootImplicit });
  } else if (root.implicit && !rootImplicit) {
    roots.set(first, { line, column, implicit: false });
  }
  if (second === undefined) return;
  let byId = records.get(first);
  if (byId === undefined) {
    byId = new Map();
    records.set(first, byId);
  }
  const recordImplicit = depth > 2;
  const existing = byId.get(second);
  if (existing === undefined) {
    byId.set(second, { line, column, implicit: recordImplicit });
  } else if (existing.implicit && !recordImplicit) {
    byId.set(second, { line, column, implicit: false });
  }
}

/**
 * A single-pass TOML scanner over a text. It only scans (values come from the TOML parser) and
 * expects a text that parses; on anything it does not understand it skips to the next line, so
 * it never throws. It runs in one of two modes:
 *
 * - full: records the position of every table header, key and array element
 *   ({@link scanTomlPositions});
 * - headers: records only the first two levels of table headers, and skips everything else
 *   without allocating ({@link scanTomlHeaders}). Both modes move through the text identically,
 *   so they agree on what is a header.
 */
class TomlScanner {
  private readonly n: number;
  private i = 0;
  private line = 1;
  private lineStart = 0;

  /** How deep the arrays and inline tables around the value being read nest. */
  private nesting = 0;
  /** Set when a value nests too deep: its statement is abandoned (see MAX_VALUE_NESTING). */
  private abandoned = false;

  /** The parts of the last key read (a reused buffer), and whether each was a bare key. */
  private readonly parts: string[] = [];
  private readonly bare: boolean[] = [];
  /** Next index of each array of tables, by joined path. */
  private readonly arrayTableIndex = new Map<string, number>();

  // full mode
  private readonly positions = new Map<string, TomlKeyPosition>();
  private readonly implicit = new Set<string>();

  // headers mode
  readonly headers: TomlHeaderIndex = {
    roots: new Map(),
    records: new Map(),
    rootKeys: false,
    depth1Keys: new Set(),
    dependencies: new Map(),
  };

  constructor(private readonly text: string, private readonly full: boolean) {
    this.n = text.length;
  }

  // --- low-level movement ---------------------------------------------------------------------

  private code(at: number): number {
    return this.text.charCodeAt(at);
  }

  private newline(): void {
    this.i++;
    this.line++;
    this.lineStart = this.i;
  }

  /** Advances to `end`, keeping line numbers right. */
  private advanceTo(end: number): void {
    const text = this.text;
    let nl = text.indexOf('\n', this.i);
    while (nl !== -1 && nl < end) {
      this.line++;
      this.lineStart = nl + 1;
      nl = text.indexOf('\n', nl + 1);
    }
    this.i = end;
  }

  private skipSpaces(): void {
    const text = this.text;
    const n = this.n;
    let i = this.i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== TAB && c !== CR) break;
      i++;
    }
    this.i = i;
  }

  private skipComment(): void {
    if (this.code(this.i) === HASH) {
      const end = this.text.indexOf('\n', this.i);
      this.i = end === -1 ? this.n : end;
    }
  }

  /** Skips spaces, comments and line ends. */
  private skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      this.skipComment();
      if (this.i < this.n && this.code(this.i) === LF) this.newline();
      else return;
    }
  }

  private skipToNextLine(): void {
    const end = this.text.indexOf('\n', this.i);
    if (end === -1) this.i = this.n;
    else {
      this.i = end;
      this.newline();
    }
  }

  // --- strings --------------------------------------------------------------------------------

  /** Skips a basic string at its opening quote; false (left at the line end) if unterminated. */
  private skipBasicString(): boolean {
    const text = this.text;
    const n = this.n;
    let i = this.i + 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.i = i + 1;
        return true;
      }
      if (c === LF) {
        this.i = i;
        return false;
      }
      if (c === BACKSLASH) {
        const e = text.charCodeAt(i + 1);
        i += SIMPLE_ESCAPES[e] !== undefined ? 2 : 2 + hexEscapeLength(e);
        continue;
      }
      i++;
    }
    this.i = i;
    return false;
  }

  /** Reads a basic string (a quoted key) at its opening quote; undefined if unterminated. */
  private readBasicString(): string | undefined {
    const text = this.text;
    const n = this.n;
    const start = this.i + 1;
    let i = start;
    let out = '';
    let from = start;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.i = i + 1;
        return out + text.slice(from, i);
      }
      if (c === LF) {
        this.i = i;
        return undefined;
      }
      if (c === BACKSLASH) {
        out += text.slice(from, i);
        const e = text.charCodeAt(i + 1);
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else {
          const len = hexEscapeLength(e);
          if (len > 0) {
            const code = parseInt(text.slice(i + 2, i + 2 + len), 16) || 0;
            out += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
          }
          i += 2 + len;
        }
        from = i;
        continue;
      }
      i++;
    }
    this.i = i;
    return undefined;
  }

  /** The end of a literal string at its opening quote, or -1 if it does not end on its line. */
  private literalStringEnd(): number {
    const end = this.text.indexOf("'", this.i + 1);
    if (end === -1) return -1;
    const nl = this.text.indexOf('\n', this.i + 1);
    return nl !== -1 && nl < end ? -1 : end;
  }

  private skipMultilineString(quote: number): void {
    const text = this.text;
    const n = this.n;
    const delimiter = quote === QUOTE ? '"""' : "'''";
    let j = this.i + 3;
    for (;;) {
      const end = text.indexOf(delimiter, j);
      if (end === -1) {
        this.advanceTo(n);
        return;
      }
      if (quote === QUOTE) {
        // a delimiter preceded by an odd number of backslashes is escaped
        let backslashes = 0;
        for (let k = end - 1; k >= j && text.charCodeAt(k) === BACKSLASH; k--) {
          backslashes++;
        }
        if (backslashes % 2 === 1) {
          j = end + 1;
          continue;
        }
      }
      let close = end + 3;
      // up to two quotes may sit right before the closing delimiter
      while (close < n && text.charCodeAt(close) === quote && close - end < 5) {
        close++;
      }
      this.advanceTo(close);
      return;
    }
  }

  // --- keys -----------------------------------------------------------------------------------

  /**
   * Reads a (dotted) key into the `parts` buffer (or only skips it, when `keep` is false).
   *
   * @returns the number of parts, or -1 if there is no key
   */
  private readKey(keep: boolean): number {
    const text = this.text;
    const n = this.n;
    let count = 0;
    for (;;) {
      this.skipSpaces();
      const c = this.code(this.i);
      if (c === QUOTE) {
        if (keep) {
          const part = this.readBasicString();
          if (part === undefined) return -1;
          this.parts[count] = part;
          this.bare[count] = false;
        } else if (!this.skipBasicString()) return -1;
      } else if (c === APOSTROPHE) {
        const end = this.literalStringEnd();
        if (end === -1) return -1;
        if (keep) {
          this.parts[count] = text.slice(this.i + 1, end);
          this.bare[count] = false;
        }
        this.i = end + 1;
      } else {
        const start = this.i;
        let i = start;
        while (i < n && isBareKeyChar(text.charCodeAt(i))) i++;
        if (i === start) return -1;
        this.i = i;
        if (keep) {
          this.parts[count] = text.slice(start, i);
          this.bare[count] = true;
        }
      }
      count++;
      this.skipSpaces();
      if (this.code(this.i) !== DOT) return count;
      this.i++;
    }
  }

  // --- full mode records ----------------------------------------------------------------------

  /**
   * Whether a definition of `joined` is to be recorded: the first explicit definition wins, else
   * the first implicit one. The caller then sets the entry.
   */
  private claim(joined: string, implicit: boolean): boolean {
    if (!this.positions.has(joined)) {
      if (implicit) this.implicit.add(joined);
      return true;
    }
    return !implicit && this.implicit.delete(joined);
  }

  /**
   * Records the `count` parts of the key in the buffer below a base path, the key's prefixes as
   * implicit definitions; returns the joined path of the whole key.
   */
  private recordKey(
    base: readonly KeyPathPart[],
    baseJoined: string,
    count: number,
    line: number,
    column: number,
  ): string {
    let joined = baseJoined;
    const recorded = MAX_POSITION_DEPTH - base.length;
    for (let k = 0; k < count; k++) {
      joined = appendJoined(joined, joinedPart(this.parts[k], this.bare[k]));
      if (k < recorded && this.claim(joined, k + 1 < count)) {
        this.positions.set(joined, {
          path: base.concat(this.parts.slice(0, k + 1)),
          line,
          column,
        });
      }
    }
    return joined;
  }

  // --- values ---------------------------------------------------------------------------------

  /**
   * Moves over a value. In full mode (`at` given), records the elements of arrays and the keys of
   * inline tables below `at`.
   */
  private readValue(at: KeyPathPart[] | null, joined: string): void {
    // nothing is recorded below the deepest path recorded
    const path = at !== null && at.length < MAX_POSITION_DEPTH ? at : null;
    this.skipSpaces();
    const c = this.code(this.i);
    if (c === QUOTE || c === APOSTROPHE) {
      if (this.code(this.i + 1) === c && this.code(this.i + 2) === c) {
        this.skipMultilineString(c);
      } else if (c === QUOTE) {
        this.skipBasicString();
      } else {
        const end = this.literalStringEnd();
        if (end !== -1) this.i = end + 1;
      }
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (this.nesting === MAX_VALUE_NESTING) {
        this.abandoned = true;
        return;
      }
      this.nesting++;
      if (c === OPEN_BRACKET) this.readArray(path, joined);
      else this.readInlineTable(path, joined);
      this.nesting--;
    } else {
      const text = this.text;
      const n = this.n;
      let i = this.i;
      while (i < n && !isScalarEnd(text.charCodeAt(i))) i++;
      this.i = i;
    }
  }

  /** Reads the value after `=` of a key whose parts are in the buffer, below `base`. */
  private readKeyValue(
    base: readonly KeyPathPart[] | null,
    count: number,
    joined: string,
  ): void {
    if (base === null) {
      this.readValue(null, '');
      return;
    }
    this.skipSpaces();
    const c = this.code(this.i);
    // only arrays and inline tables have positions below them
    const nested = c === OPEN_BRACKET || c === OPEN_BRACE;
    this.readValue(
      nested ? base.concat(this.parts.slice(0, count)) : null,
      joined,
    );
  }

  private readInlineTable(path: KeyPathPart[] | null, joined: string): void {
    this.i++; // {
    for (;;) {
      this.skipBlank();
      if (this.i >= this.n) return;
      const c = this.code(this.i);
      if (c === CLOSE_BRACE) {
        this.i++;
        return;
      }
      if (c === COMMA) {
        this.i++;
        continue;
      }
      const line = this.line;
      const column = this.i - this.lineStart + 1;
      const count = this.readKey(path !== null);
      if (count < 0) {
        this.skipToNextLine();
        return;
      }
      const keyJoined =
        path === null ? '' : this.recordKey(path, joined, count, line, column);
      this.skipSpaces();
      if (this.code(this.i) !== EQUALS) return;
      this.i++;
      this.readKeyValue(path, count, keyJoined);
      if (this.abandoned) return;
    }
  }

  private readArray(path: KeyPathPart[] | null, joined: string): void {
    this.i++; // [
    // only this array's own elements, not those of arrays in it
    const sink = this.elementSink;
    this.elementSink = null;
    let index = 0;
    for (;;) {
      this.skipBlank();
      if (this.i >= this.n) return;
      const c = this.code(this.i);
      if (c === CLOSE_BRACKET) {
        this.i++;
        return;
      }
      if (c === COMMA) {
        this.i++;
        continue;
      }
      const before = this.i;
      if (sink !== null) sink.push(this.line, this.i - this.lineStart + 1);
      if (path === null) {
        this.readValue(null, '');
      } else {
        const elementJoined = appendJoined(joined, String(index));
        let elementPath: KeyPathPart[] | null = null;
        if (this.claim(elementJoined, false)) {
          elementPath = path.concat(index);
          this.positions.set(elementJoined, {
            path: elementPath,
            line: this.line,
            column: this.i - this.lineStart + 1,
          });
        }
        const next = this.code(this.i);
        if (next === OPEN_BRACKET || next === OPEN_BRACE) {
          this.readValue(elementPath ?? path.concat(index), elementJoined);
        } else {
          this.readValue(null, '');
        }
      }
      if (this.abandoned) return;
      index++;
      if (this.i === before) {
        this.skipToNextLine();
        return;
      }
    }
  }

  // --- headers --------------------------------------------------------------------------------

  /**
   * Turns the header key in the buffer into a concrete path, with the current index of each
   * array of tables; `joined` receives its joined form (full mode only).
   */
  private resolveHeader(
    count: number,
    isArray: boolean,
    joined: { value: string },
  ): KeyPathPart[] {
    const parts = this.parts;
    if (!isArray && this.arrayTableIndex.size === 0) {
      const out = parts.slice(0, count);
      if (this.full) {
        let j = '';
        for (let k = 0; k < count; k++) {
          j = appendJoined(j, joinedPart(parts[k], this.bare[k]));
        }
        joined.value = j;
      }
      return out;
    }
    const out: KeyPathPart[] = [];
    let j = '';
    for (let k = 0; k < count; k++) {
      out.push(parts[k]);
      j = appendJoined(j, joinedPart(parts[k], this.bare[k]));
      if (isArray && k === count - 1) {
        const next = (this.arrayTableIndex.get(j) ?? -1) + 1;
        this.arrayTableIndex.set(j, next);
        out.push(next);
        j = appendJoined(j, String(next));
      } else {
        const current = this.arrayTableIndex.get(j);
        if (current !== undefined) {
          out.push(current);
          j = appendJoined(j, String(current));
        }
      }
    }
    joined.value = j;
    return out;
  }

  private recordHeaderFull(
    table: KeyPathPart[],
    line: number,
    column: number,
  ): void {
    let joined = '';
    const recorded = Math.min(table.length, MAX_POSITION_DEPTH);
    for (let k = 0; k < recorded; k++) {
      const part = table[k];
      joined = appendJoined(
        joined,
        typeof part === 'number' ? String(part) : joinedPart(part, false),
      );
      if (this.claim(joined, k + 1 < table.length)) {
        this.positions.set(joined, {
          path: table.slice(0, k + 1),
          line,
          column,
        });
      }
    }
  }

  private recordHeaderShallow(
    table: KeyPathPart[],
    line: number,
    column: number,
  ): void {
    noteHeader(
      this.headers,
      String(table[0]),
      table.length > 1 ? String(table[1]) : undefined,
      table.length,
      line,
      column,
    );
  }

  // --- main loop ------------------------------------------------------------------------------

  /** The table of the last header, and its joined path (full mode). */
  private table: KeyPathPart[] = [];
  private tableJoined = '';
  private readonly joinedBox = { value: '' };

  /**
   * Headers mode: `<first>.<second>.` when the current table's first two parts are bare keys
   * (`[service.x]`, `[service.x.sla]`); else empty.
   */
  private recordPrefix = '';
  /** Headers mode: the record id of `recordPrefix` when its first part is `service`. */
  private recordService: string | null = null;
  /** Headers mode: the service id when the current table is `[service.<id>.dependencies]`. */
  private dependencyTable: string | null = null;
  /** Headers mode: receives the positions of the elements of the next array read. */
  private elementSink: number[] | null = null;

  /** Next positions of the characters that make a line not simple (see `skipSimpleLines`). */
  private nextBracket = -1;
  private nextBrace = -1;
  private nextBackslash = -1;
  private nextApostrophe = -1;
  private nextTripleQuote = -1;

  private nextOf(cached: number, search: string, from: number): number {
    if (cached >= from) return cached;
    const found = this.text.indexOf(search, from);
    return found === -1 ? this.n : found;
  }

  /**
   * Headers mode: skips the simple lines from the current position (at a line start or at the
   * end of the last statement's line). A line is simple when it holds no `[`, `{`, `\\`, `'` or
   * `"""`: it cannot open anything that spans lines nor hold a header, so the scan of its
   * statement would end at its line end, recording nothing below a table of depth 2 or more.
   *
   * @returns false when the rest of the text is simple (nothing is left to record)
   */
  private skipSimpleLines(): boolean {
    for (;;) {
      const from = this.i;
      const next = Math.min(
        (this.nextBracket = this.nextOf(this.nextBracket, '[', from)),
        (this.nextBrace = this.nextOf(this.nextBrace, '{', from)),
        (this.nextBackslash = this.nextOf(this.nextBackslash, '\\', from)),
        (this.nextApostrophe = this.nextOf(this.nextApostrophe, "'", from)),
        (this.nextTripleQuote = this.nextOf(this.nextTripleQuote, '"""', from)),
      );
      if (next >= this.n) return false;
      const lineStart = this.text.lastIndexOf('\n', next) + 1;
      if (next === this.nextBracket && this.dependencyTable === null) {
        let lineEnd = this.text.indexOf('\n', next);
        if (lineEnd === -1) lineEnd = this.n;
        if (this.isSimpleArrayLine(lineStart, next, lineEnd)) {
          this.advanceTo(lineEnd);
          if (lineEnd >= this.n) return false;
          this.newline();
          continue;
        }
      }
      if (lineStart > from) this.advanceTo(lineStart);
      return true;
    }
  }

  /**
   * Whether a line whose first `[` is at `open` is as simple as a line without any: a one-line
   * array of plain values (`tags = ["a", "b"]`) after a key without quotes. Its statement ends
   * at the line end whether or not the scan reads the array as one; it records nothing.
   */
  private isSimpleArrayLine(
    lineStart: number,
    open: number,
    lineEnd: number,
  ): boolean {
    const text = this.text;
    // before the `[`: not a header, no quotes (so the `[` is not inside a string)
    let key = false;
    for (let k = lineStart; k < open; k++) {
      const c = text.charCodeAt(k);
      if (c === QUOTE) return false;
      if (c !== SPACE && c !== TAB && c !== CR) key = true;
    }
    if (!key) return false;
    // the array: strings without escapes, no nesting, no comments, closed on this line
    let inString = false;
    for (let k = open + 1; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (inString) {
        if (c === QUOTE) inString = false;
        else if (c === BACKSLASH) return false;
        continue;
      }
      switch (c) {
        case QUOTE:
          if (
            text.charCodeAt(k + 1) === QUOTE &&
            text.charCodeAt(k + 2) === QUOTE
          ) {
            return false;
          }
          inString = true;
          break;
        case CLOSE_BRACKET:
          return true;
        case OPEN_BRACKET:
        case OPEN_BRACE:
        case CLOSE_BRACE:
        case HASH:
        case BACKSLASH:
        case APOSTROPHE:
          return false;
        default:
      }
    }
    return false;
  }

  /** Scans one statement (a header or a key = value), after blank lines and comments. */
  private statement(): void {
    const full = this.full;
    this.skipBlank();
    if (this.i >= this.n) return;
    const line = this.line;
    const column = this.i - this.lineStart + 1;
    if (this.code(this.i) === OPEN_BRACKET) {
      const start = this.i;
      const isArray = this.code(this.i + 1) === OPEN_BRACKET;
      if (
        !full &&
        !isArray &&
        this.recordPrefix !== '' &&
        this.arrayTableIndex.size === 0 &&
        this.text.startsWith(this.recordPrefix, start + 1)
      ) {
        // a sub-table of the current record (`[service.x.sla]` after `[service.x]`): whether
        // it resolves or not, the table stays one of depth 2 or more of the same record, whose
        // header is already recorded.
        this.dependencyTable =
          this.recordService !== null &&
          this.text.startsWith(
            'dependencies]',
            start + 1 + this.recordPrefix.length,
          )
            ? this.recordService
            : null;
        this.skipToNextLine();
        return;
      }
      this.i += isArray ? 2 : 1;
      const count = this.readKey(true);
      if (count < 0) {
        this.skipToNextLine();
        return;
      }
      const table = this.resolveHeader(count, isArray, this.joinedBox);
      this.table = table;
      this.tableJoined = this.joinedBox.value;
      if (full) this.recordHeaderFull(table, line, column);
      else {
        this.recordHeaderShallow(table, line, column);
        this.recordPrefix = '';
        this.recordService = null;
        if (!isArray && count >= 2 && this.bare[0] && this.bare[1]) {
          // written `[<first>.<second>.` again, a header has the same first two parts
          this.recordPrefix = `${this.parts[0]}.${this.parts[1]}.`;
          if (this.parts[0] === 'service') this.recordService = this.parts[1];
        }
        this.dependencyTable =
          !isArray &&
          count === 3 &&
          this.arrayTableIndex.size === 0 &&
          this.parts[0] === 'service' &&
          this.parts[2] === 'dependencies'
            ? this.parts[1]
            : null;
      }
      this.skipToNextLine();
      return;
    }
    const dependencyTable = this.dependencyTable;
    const count = this.readKey(full || dependencyTable !== null);
    if (count < 0) {
      this.skipToNextLine();
      return;
    }
    const table = this.table;
    let keyJoined = '';
    if (full) {
      keyJoined = this.recordKey(table, this.tableJoined, count, line, column);
    } else if (table.length === 0) {
      this.headers.rootKeys = true;
    } else if (table.length === 1) {
      this.headers.depth1Keys.add(String(table[0]));
    }
    this.skipSpaces();
    if (this.code(this.i) !== EQUALS) {
      this.skipToNextLine();
      return;
    }
    this.i++;
    if (
      dependencyTable !== null &&
      count === 1 &&
      (this.parts[0] === 'requires' || this.parts[0] === 'optional')
    ) {
      this.skipSpaces();
      if (this.code(this.i) === OPEN_BRACKET) {
        let lists = this.headers.dependencies.get(dependencyTable);
        if (lists === undefined) {
          lists = {};
          this.headers.dependencies.set(dependencyTable, lists);
        }
        this.elementSink = lists[this.parts[0]] = [];
      }
    }
    this.readKeyValue(full ? table : null, count, keyJoined);
    if (this.abandoned) {
      this.abandoned = false;
      this.skipToNextLine();
      return;
    }
    this.skipSpaces();
    this.skipComment();
    if (this.i < this.n && this.code(this.i) !== LF) this.skipToNextLine();
  }

  scan(): void {
    if (this.full) {
      while (this.i < this.n) this.statement();
      return;
    }
    while (this.i < this.n) {
      // keys below depth 2 are noted (see TomlHeaderIndex), so their lines are scanned
      if (this.table.length >= 2 && !this.skipSimpleLines()) return;
      this.statement();
    }
  }

  /** The positions of a full scan. */
  result(): Map<string, TomlKeyPosition> {
    return this.positions;
  }
}

/**
 * Records the position of every table header, key and array element of a TOML text. It only
 * scans (values come from the TOML parser) and expects a text that parses; on anything it does
 * not understand it skips to the next line, so it never throws. Runs in linear time.
 *
 * @param text - the TOML text, without BOM
 * @returns positions by joined key path (see {@link joinKeyPath}); the first explicit definition wins
 * @public
 */
export function scanTomlPositions(text: string): Map<string, TomlKeyPosition> {
  const scanner = new TomlScanner(text, true);
  scanner.scan();
  return scanner.result();
}

/**
 * The cheap scan of a TOML text: moves through it exactly like {@link scanTomlPositions} but
 * records only the first two levels of table headers, without allocating for keys and values.
 * Enough for the position of every record header (`[service.<id>]`, `[project]`).
 *
 * @param text - the TOML text, without BOM
 */
export function scanTomlHeaders(text: string): TomlHeaderIndex {
  const scanner = new TomlScanner(text, false);
  scanner.scan();
  return scanner.headers;
}
