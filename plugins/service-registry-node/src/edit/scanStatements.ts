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

/**
 * A value as written, with its offsets: `start` is its first character, `end` is just after its
 * last one. Arrays and inline tables hold their elements, so that an edit can change one element
 * and leave the rest of the text alone.
 */
export type TomlValueNode =
  | TomlScalarNode
  | TomlArrayNode
  | TomlInlineTableNode;

/** A string, number, boolean, date or time. */
export interface TomlScalarNode {
  kind: 'scalar';
  start: number;
  end: number;
}

/** An element of an array or an entry of an inline table, with the comma that follows it. */
export interface TomlSequenceItem {
  /** Offset of the element's first character (the key's, for an inline table entry). */
  start: number;
  /** Offset just after the element's (or the entry's value's) last character. */
  end: number;
  /** Offset of the comma after it, or -1 when none follows (the last element). */
  comma: number;
}

/** An element of an array. */
export interface TomlArrayItem extends TomlSequenceItem {
  value: TomlValueNode;
}

/** `[a, b, ...]`, from its `[` to its `]`. */
export interface TomlArrayNode {
  kind: 'array';
  start: number;
  end: number;
  items: TomlArrayItem[];
}

/** An entry of an inline table: `key = value` (the key may be dotted). */
export interface TomlInlineEntry extends TomlSequenceItem {
  /** The key's parts, decoded. */
  key: string[];
  /** Offset just after the key's last character. */
  keyEnd: number;
  value: TomlValueNode;
}

/** `{ key = value, ... }`, from its `{` to its `}`. */
export interface TomlInlineTableNode {
  kind: 'inlineTable';
  start: number;
  end: number;
  items: TomlInlineEntry[];
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
  /** The value as written, with the offsets of its elements. */
  value: TomlValueNode;
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
  /** Where the last key read ends (before the spaces after it). */
  private keyEnd = 0;

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
      this.keyEnd = this.i;
      this.skipSpaces();
      if (this.text[this.i] !== '.') return parts;
      this.i++;
    }
  }

  /** Reads one value; the position is left just after it. */
  private readValue(): TomlValueNode {
    const text = this.text;
    const start = this.i;
    const c = text[this.i];
    if (c === '"' || c === "'") {
      if (text[this.i + 1] === c && text[this.i + 2] === c) {
        this.skipMultilineString(c);
      } else if (c === '"') this.readBasicString();
      else this.readLiteralString();
      return { kind: 'scalar', start, end: this.i };
    }
    if (c === '[') {
      this.i++;
      const items: TomlArrayItem[] = [];
      for (;;) {
        this.skipBlank();
        const d = text[this.i];
        if (d === undefined) this.fail('an unterminated array');
        if (d === ']') {
          this.i++;
          return { kind: 'array', start, end: this.i, items };
        }
        if (d === ',') {
          const last = items[items.length - 1];
          if (!last || last.comma !== -1) this.fail('an unexpected ","');
          last.comma = this.i;
          this.i++;
          continue;
        }
        const value = this.readValue();
        items.push({ start: value.start, end: value.end, comma: -1, value });
      }
    }
    if (c === '{') {
      this.i++;
      const items: TomlInlineEntry[] = [];
      for (;;) {
        this.skipBlank();
        const d = text[this.i];
        if (d === undefined) this.fail('an unterminated inline table');
        if (d === '}') {
          this.i++;
          return { kind: 'inlineTable', start, end: this.i, items };
        }
        if (d === ',') {
          const last = items[items.length - 1];
          if (!last || last.comma !== -1) this.fail('an unexpected ","');
          last.comma = this.i;
          this.i++;
          continue;
        }
        const keyStart = this.i;
        const key = this.readKey();
        const keyEnd = this.keyEnd;
        if (text[this.i] !== '=') this.fail('"=" was expected');
        this.i++;
        this.skipSpaces();
        const value = this.readValue();
        items.push({
          key,
          start: keyStart,
          keyEnd,
          end: value.end,
          comma: -1,
          value,
        });
      }
    }
    // a scalar: number, boolean, date or time (which may hold one space)
    while (this.i < text.length && !',]}#\n\r'.includes(text[this.i])) {
      this.i++;
    }
    while (this.i > start && /[ \t]/.test(text[this.i - 1])) this.i--;
    if (this.i === start) this.fail('a value was expected');
    return { kind: 'scalar', start, end: this.i };
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
      const value = this.readValue();
      const valueEnd = this.i;
      const end = this.finishLine();
      out.push({
        kind: 'keyValue',
        table,
        key,
        start,
        valueStart,
        valueEnd,
        value,
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
