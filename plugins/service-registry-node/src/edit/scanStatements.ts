/**
 * A statement of a TOML document as the editor sees it: a table header or a `key = value` line,
 * with the character offsets an edit needs. Keys are decoded; table paths are as written (an
 * array of tables is marked by `isArray`).
 */
export type TomlStatement = TomlHeaderStatement | TomlKeyValueStatement;

/** A `[table]` or `[[array.of.tables]]` header. */
export interface TomlHeaderStatement {
  kind: 'header';
  /** The header's key parts. */
  path: string[];
  /** True for `[[...]]`. */
  isArray: boolean;
  /** Offset of the opening `[`. */
  start: number;
  /** Offset just after the header's line (after its line break, or the end of the text). */
  end: number;
}

/** A `key = value` statement at the top level of a table (not inside an inline table). */
export interface TomlKeyValueStatement {
  kind: 'keyValue';
  /** The table the statement belongs to: the last header's path (null inside an array of tables). */
  table: string[] | null;
  /** The key's parts (a dotted key has several). */
  key: string[];
  /** Offset of the key's first character. */
  start: number;
  /** Offset of the value's first character. */
  valueStart: number;
  /** Offset just after the value's last character. */
  valueEnd: number;
  /** Offset just after the statement's line (after a trailing comment and the line break). */
  end: number;
}

const BARE = /[A-Za-z0-9_-]/;

const ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\u001b',
  '"': '"',
  '\\': '\\',
};

class StatementScanner {
  private i = 0;

  constructor(private readonly text: string) {}

  private fail(what: string): never {
    const before = this.text.slice(0, this.i);
    const line = before.split('\n').length;
    throw new Error(
      `Cannot edit this TOML text: ${what} at line ${line}. The editor only changes files that parse; fix the file first.`,
    );
  }

  private skipSpaces(): void {
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c !== ' ' && c !== '\t') return;
      this.i++;
    }
  }

  /** Skips spaces, comments, CRs and line breaks. */
  private skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      const c = this.text[this.i];
      if (c === '#') {
        const nl = this.text.indexOf('\n', this.i);
        this.i = nl === -1 ? this.text.length : nl;
      } else if (c === '\n' || c === '\r') {
        this.i++;
      } else return;
    }
  }

  /** Moves past the rest of the line: spaces, an optional comment and the line break. */
  private finishLine(): number {
    this.skipSpaces();
    if (this.text[this.i] === '#') {
      const nl = this.text.indexOf('\n', this.i);
      this.i = nl === -1 ? this.text.length : nl;
    }
    if (this.text[this.i] === '\r') this.i++;
    if (this.i < this.text.length) {
      if (this.text[this.i] !== '\n') this.fail('unexpected characters');
      this.i++;
    }
    return this.i;
  }

  private readBasicString(): string {
    const text = this.text;
    let out = '';
    this.i++; // "
    while (this.i < text.length) {
      const c = text[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === '\n') break;
      if (c === '\\') {
        const e = text[this.i + 1];
        if (ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          this.i += 2;
          continue;
        }
        const len = { u: 4, U: 8, x: 2 }[e as 'u' | 'U' | 'x'];
        if (len) {
          const code = parseInt(text.slice(this.i + 2, this.i + 2 + len), 16);
          out += String.fromCodePoint(code);
          this.i += 2 + len;
          continue;
        }
        this.fail('an invalid escape');
      }
      out += c;
      this.i++;
    }
    return this.fail('an unterminated string');
  }

  private readLiteralString(): string {
    const end = this.text.indexOf("'", this.i + 1);
    const nl = this.text.indexOf('\n', this.i + 1);
    if (end === -1 || (nl !== -1 && nl < end)) {
      this.fail('an unterminated string');
    }
    const out = this.text.slice(this.i + 1, end);
    this.i = end + 1;
    return out;
  }

  private skipMultilineString(quote: string): void {
    const text = this.text;
    const delimiter = quote.repeat(3);
    let j = this.i + 3;
    for (;;) {
      const end = text.indexOf(delimiter, j);
      if (end === -1) this.fail('an unterminated multi-line string');
      if (quote === '"') {
        let backslashes = 0;
        for (let k = end - 1; k >= j && text[k] === '\\'; k--) backslashes++;
        if (backslashes % 2 === 1) {
          j = end + 1;
          continue;
        }
      }
      let close = end + 3;
      while (close < text.length && text[close] === quote && close - end < 5) {
        close++;
      }
      this.i = close;
      return;
    }
  }

  /** Reads a (dotted) key. */
  private readKey(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skipSpaces();
      const c = this.text[this.i];
      if (c === '"') parts.push(this.readBasicString());
      else if (c === "'") parts.push(this.readLiteralString());
      else {
        const start = this.i;
        while (this.i < this.text.length && BARE.test(this.text[this.i])) {
          this.i++;
        }
        if (this.i === start) this.fail('a key was expected');
        parts.push(this.text.slice(start, this.i));
      }
      this.skipSpaces();
      if (this.text[this.i] !== '.') return parts;
      this.i++;
    }
  }

  /** Moves over one value; the position is left just after it. */
  private skipValue(): void {
    const text = this.text;
    const c = text[this.i];
    if (c === '"' || c === "'") {
      if (text[this.i + 1] === c && text[this.i + 2] === c) {
        this.skipMultilineString(c);
      } else if (c === '"') this.readBasicString();
      else this.readLiteralString();
      return;
    }
    if (c === '[') {
      this.i++;
      for (;;) {
        this.skipBlank();
        const d = text[this.i];
        if (d === undefined) this.fail('an unterminated array');
        if (d === ']') {
          this.i++;
          return;
        }
        if (d === ',') {
          this.i++;
          continue;
        }
        this.skipValue();
      }
    }
    if (c === '{') {
      this.i++;
      for (;;) {
        this.skipBlank();
        const d = text[this.i];
        if (d === undefined) this.fail('an unterminated inline table');
        if (d === '}') {
          this.i++;
          return;
        }
        if (d === ',') {
          this.i++;
          continue;
        }
        this.readKey();
        if (text[this.i] !== '=') this.fail('"=" was expected');
        this.i++;
        this.skipSpaces();
        this.skipValue();
      }
    }
    // a scalar: number, boolean, date or time (which may hold one space)
    const start = this.i;
    while (this.i < text.length && !',]}#\n\r'.includes(text[this.i])) {
      this.i++;
    }
    while (this.i > start && /[ \t]/.test(text[this.i - 1])) this.i--;
    if (this.i === start) this.fail('a value was expected');
  }

  scan(): TomlStatement[] {
    const out: TomlStatement[] = [];
    let table: string[] | null = [];
    for (;;) {
      this.skipBlank();
      if (this.i >= this.text.length) return out;
      const start = this.i;
      if (this.text[this.i] === '[') {
        const isArray = this.text[this.i + 1] === '[';
        this.i += isArray ? 2 : 1;
        const path = this.readKey();
        if (this.text[this.i] !== ']') this.fail('"]" was expected');
        this.i += isArray ? 2 : 1;
        const end = this.finishLine();
        out.push({ kind: 'header', path, isArray, start, end });
        table = isArray ? null : path;
        continue;
      }
      const key = this.readKey();
      if (this.text[this.i] !== '=') this.fail('"=" was expected');
      this.i++;
      this.skipSpaces();
      const valueStart = this.i;
      this.skipValue();
      const valueEnd = this.i;
      const end = this.finishLine();
      out.push({
        kind: 'keyValue',
        table,
        key,
        start,
        valueStart,
        valueEnd,
        end,
      });
    }
  }
}

/**
 * Splits a TOML text (without BOM) into its statements, with the offsets of keys and values.
 * Expects a text that parses (check with the parser first); throws on what it cannot read.
 */
export function scanTomlStatements(text: string): TomlStatement[] {
  return new StatementScanner(text).scan();
}
