import { joinKeyPath, KeyPathPart } from './keyPath';

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

const BARE_KEY_CHAR = /[A-Za-z0-9_-]/;
const SCALAR_END = new Set([',', ']', '}', '#', '\n']);

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
  const result = new Map<string, TomlKeyPosition & { implicit: boolean }>();
  const arrayTableIndex = new Map<string, number>();
  const n = text.length;
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const record = (
    path: KeyPathPart[],
    at: { line: number; column: number },
    implicit: boolean,
  ) => {
    const key = joinKeyPath(path);
    const existing = result.get(key);
    if (!existing || (existing.implicit && !implicit)) {
      result.set(key, { path, line: at.line, column: at.column, implicit });
    }
  };
  const recordWithPrefixes = (
    base: KeyPathPart[],
    parts: KeyPathPart[],
    at: { line: number; column: number },
  ) => {
    for (let k = 1; k <= parts.length; k++) {
      record([...base, ...parts.slice(0, k)], at, k < parts.length);
    }
  };
  const here = () => ({ line, column: i - lineStart + 1 });
  const newline = () => {
    i++;
    line++;
    lineStart = i;
  };
  /** Advances over `count` characters, keeping line numbers right. */
  const advanceTo = (end: number) => {
    while (i < end) {
      if (text[i] === '\n') newline();
      else i++;
    }
  };
  const skipSpaces = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r'))
      i++;
  };
  const skipComment = () => {
    if (text[i] === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
    }
  };
  const skipBlank = () => {
    for (;;) {
      skipSpaces();
      skipComment();
      if (i < n && text[i] === '\n') newline();
      else return;
    }
  };
  const skipToNextLine = () => {
    const end = text.indexOf('\n', i);
    if (end === -1) i = n;
    else {
      i = end;
      newline();
    }
  };

  const readBasicString = (): string | undefined => {
    // at the opening quote
    let out = '';
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') return undefined;
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = {
          b: '\b',
          t: '\t',
          n: '\n',
          f: '\f',
          r: '\r',
          e: '\u001b',
          '"': '"',
          '\\': '\\',
        };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' || e === 'U' || e === 'x') {
          const len = { u: 4, U: 8, x: 2 }[e];
          out += String.fromCodePoint(
            parseInt(text.slice(i + 2, i + 2 + len), 16) || 0,
          );
          i += 2 + len;
        } else {
          i += 2;
        }
        continue;
      }
      out += c;
      i++;
    }
    return undefined;
  };
  const readLiteralString = (): string | undefined => {
    const end = text.indexOf("'", i + 1);
    const nl = text.indexOf('\n', i + 1);
    if (end === -1 || (nl !== -1 && nl < end)) return undefined;
    const out = text.slice(i + 1, end);
    i = end + 1;
    return out;
  };

  /** Reads a (dotted) key; undefined if there is none. */
  const readKey = (): string[] | undefined => {
    const parts: string[] = [];
    for (;;) {
      skipSpaces();
      const c = text[i];
      let part: string | undefined;
      if (c === '"') part = readBasicString();
      else if (c === "'") part = readLiteralString();
      else {
        const start = i;
        while (i < n && BARE_KEY_CHAR.test(text[i])) i++;
        part = i > start ? text.slice(start, i) : undefined;
      }
      if (part === undefined) return undefined;
      parts.push(part);
      skipSpaces();
      if (text[i] !== '.') return parts;
      i++;
    }
  };

  const skipMultilineString = (quote: string) => {
    const delimiter = quote.repeat(3);
    let j = i + 3;
    for (;;) {
      const end = text.indexOf(delimiter, j);
      if (end === -1) {
        advanceTo(n);
        return;
      }
      if (quote === '"') {
        // a delimiter preceded by an odd number of backslashes is escaped
        let backslashes = 0;
        for (let k = end - 1; k >= j && text[k] === '\\'; k--) backslashes++;
        if (backslashes % 2 === 1) {
          j = end + 1;
          continue;
        }
      }
      let close = end + 3;
      // up to two quotes may sit right before the closing delimiter
      while (close < n && text[close] === quote && close - end < 5) close++;
      advanceTo(close);
      return;
    }
  };

  // eslint-disable-next-line prefer-const
  let readValue: (path: KeyPathPart[]) => void;

  const readInlineTable = (path: KeyPathPart[]) => {
    i++; // {
    for (;;) {
      skipBlank();
      if (i >= n) return;
      if (text[i] === '}') {
        i++;
        return;
      }
      if (text[i] === ',') {
        i++;
        continue;
      }
      const at = here();
      const key = readKey();
      if (!key) {
        skipToNextLine();
        return;
      }
      recordWithPrefixes(path, key, at);
      skipSpaces();
      if (text[i] !== '=') return;
      i++;
      readValue([...path, ...key]);
    }
  };

  const readArray = (path: KeyPathPart[]) => {
    i++; // [
    let index = 0;
    for (;;) {
      skipBlank();
      if (i >= n) return;
      const c = text[i];
      if (c === ']') {
        i++;
        return;
      }
      if (c === ',') {
        i++;
        continue;
      }
      const before = i;
      record([...path, index], here(), false);
      readValue([...path, index]);
      index++;
      if (i === before) {
        skipToNextLine();
        return;
      }
    }
  };

  readValue = (path: KeyPathPart[]) => {
    skipSpaces();
    const c = text[i];
    if (c === '"' || c === "'") {
      if (text.startsWith(c.repeat(3), i)) skipMultilineString(c);
      else if (c === '"') readBasicString();
      else readLiteralString();
    } else if (c === '[') {
      readArray(path);
    } else if (c === '{') {
      readInlineTable(path);
    } else {
      while (i < n && !SCALAR_END.has(text[i])) i++;
    }
  };

  /** Turns a header's key into a concrete path, with the current index of each array of tables. */
  const resolveHeader = (key: string[], isArray: boolean): KeyPathPart[] => {
    const out: KeyPathPart[] = [];
    for (let k = 0; k < key.length; k++) {
      out.push(key[k]);
      const joined = joinKeyPath(out);
      if (isArray && k === key.length - 1) {
        const next = (arrayTableIndex.get(joined) ?? -1) + 1;
        arrayTableIndex.set(joined, next);
        out.push(next);
      } else {
        const current = arrayTableIndex.get(joined);
        if (current !== undefined) out.push(current);
      }
    }
    return out;
  };

  let table: KeyPathPart[] = [];
  while (i < n) {
    skipBlank();
    if (i >= n) break;
    const at = here();
    if (text[i] === '[') {
      const isArray = text[i + 1] === '[';
      i += isArray ? 2 : 1;
      const key = readKey();
      if (!key) {
        skipToNextLine();
        continue;
      }
      table = resolveHeader(key, isArray);
      for (let k = 1; k < table.length; k++) {
        record(table.slice(0, k), at, true);
      }
      record(table, at, false);
      skipToNextLine();
      continue;
    }
    const key = readKey();
    if (!key) {
      skipToNextLine();
      continue;
    }
    recordWithPrefixes(table, key, at);
    skipSpaces();
    if (text[i] !== '=') {
      skipToNextLine();
      continue;
    }
    i++;
    readValue([...table, ...key]);
    skipSpaces();
    skipComment();
    if (i < n && text[i] !== '\n') skipToNextLine();
  }

  const positions = new Map<string, TomlKeyPosition>();
  for (const [key, { path, line: l, column }] of result) {
    positions.set(key, { path, line: l, column });
  }
  return positions;
}
