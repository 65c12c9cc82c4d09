/**
 * The fuzz tests of the ingestion path: seeded mutations of registry files, each changing one
 * file of a registry the way an editor, a bad merge, a truncated write or a careless paste would
 * and saying what it did, so that a failure can be reproduced from the seed and the iteration;
 * and the checks every finding must pass.
 *
 * Used by the common package's loader fuzz test and the catalog module's ingestion and provider
 * fuzz tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  hasControlCharacter,
  parseTomlFile,
  RegistryFileInput,
  RegistryFinding,
  stripBom,
} from '@service-registry/plugin-service-registry-common';
import { seededRandom } from './seededRandom';

/** The kinds of mutation, applied in turn (iteration `k` is of kind `k % MUTATION_KINDS.length`). */
export const MUTATION_KINDS = [
  'delete-line',
  'duplicate-line',
  'truncate',
  'swap-lines',
  'retype-value',
  'insert-character',
  'change-header',
  'huge-string',
  'deep-nesting',
  'crlf',
] as const;

/** A kind of mutation. */
export type MutationKind = (typeof MUTATION_KINDS)[number];

/** One mutation of one file. */
export interface RegistryMutation {
  kind: MutationKind;
  /** The path of the file mutated. */
  file: string;
  /** The file's new text. */
  text: string;
  /** What was done, where: enough to write the same file by hand. */
  description: string;
}

/*
 * Every mutation below runs. A mutation that a bug outside the loader makes fail (found by the
 * fuzz tests and reported, not fixed there) may be left out meanwhile behind a flag of a
 * `KNOWN_BUGS` object here, with a comment naming the bug; remove the flag once it is fixed.
 */

/** A random source in [0, 1), as `seededRandom` returns. */
export type Random = () => number;

/**
 * The random source of one iteration of a fuzz test with a seed: each iteration draws from its
 * own, so that it can be run alone.
 */
export function mutationRandom(seed: number, iteration: number): Random {
  return seededRandom(Math.imul(seed, 0x9e3779b1) ^ (iteration + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

/** Inserted text, for a description: as a string, or its characters as `U+XXXX` code units. */
function describeChars(text: string): string {
  if (/^[\x21-\x7e]+$/.test(text)) return JSON.stringify(text);
  return [...text]
    .map(c =>
      /^[\x21-\x7e]$/.test(c)
        ? JSON.stringify(c)
        : [...Array(c.length).keys()]
            .map(
              k =>
                `U+${c
                  .charCodeAt(k)
                  .toString(16)
                  .toUpperCase()
                  .padStart(4, '0')}`,
            )
            .join(' '),
    )
    .join(' ');
}

/**
 * What `insert-character` inserts: control characters (C0, DEL, C1), bidirectional controls, line
 * and paragraph separators, a BOM, TOML's own syntax, line ends, lone surrogates (a high one, a
 * low one), an emoji (a surrogate pair), letters whose case mapping changes their length, a
 * combining mark, and escapes that put such characters into a string's value.
 */
export const INSERTED_CHARACTERS: readonly string[] = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\u000b',
  '\f',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u200b',
  '\u200e',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '=',
  '#',
  '.',
  ',',
  ' ',
  '-',
  '_',
  '@',
  '\\',
  '\n',
  '\r',
  '\r\n',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  'é',
  'İ',
  'ß',
  '\u0301',
  'A',
  '7',
  '\\u202e',
  '\\u0000',
  '\\u001b[31m',
  '\\b',
  '\\e',
  '\\x7f',
  '\\U0001F600',
  '\\uD800',
  '\\u2028',
];

/**
 * Values of every TOML type (and some that are no valid TOML value), for `retype-value` and as
 * what replaces a value: strings, integers, floats, booleans, dates and times, arrays and inline
 * tables.
 */
export const TOML_VALUES: ReadonlyArray<{ type: string; text: string }> = [
  { type: 'string', text: '"x"' },
  { type: 'string', text: '""' },
  { type: 'string', text: "'literal'" },
  { type: 'string', text: '"""\nmulti\nline"""' },
  { type: 'string', text: '"@platform-team"' },
  { type: 'string', text: '"1.2.3"' },
  { type: 'string', text: '"2026-02-30"' },
  { type: 'string', text: '"Bad  Name..x"' },
  { type: 'string', text: '"a\\u202eb"' },
  { type: 'string', text: '"-lead"' },
  { type: 'integer', text: '42' },
  { type: 'integer', text: '0' },
  { type: 'integer', text: '-1' },
  { type: 'integer', text: '65536' },
  { type: 'integer', text: '0xDEADBEEF' },
  { type: 'integer', text: '9223372036854775807' },
  { type: 'integer', text: '99999999999999999999' },
  { type: 'float', text: '3.14' },
  { type: 'float', text: '99.99' },
  { type: 'float', text: 'inf' },
  { type: 'float', text: 'nan' },
  { type: 'float', text: '-0.0' },
  { type: 'boolean', text: 'true' },
  { type: 'boolean', text: 'false' },
  { type: 'date', text: '2026-01-15' },
  { type: 'date', text: '2026-02-30' },
  { type: 'date', text: '1979-05-27T07:32:00Z' },
  { type: 'date', text: '1979-05-27T00:32:00.999999-07:00' },
  { type: 'date', text: '07:32:00' },
  { type: 'array', text: '[]' },
  { type: 'array', text: '["a", "b"]' },
  { type: 'array', text: '[1, "two", 3.0, true]' },
  { type: 'array', text: '[{ service = "shared-auth", version = ">=1.0.0" }]' },
  { type: 'array', text: '[[1], ["x"]]' },
  { type: 'table', text: '{}' },
  { type: 'table', text: '{ a = 1 }' },
  { type: 'table', text: '{ service = "new-api", version = "^2.0" }' },
  { type: 'table', text: '{ a = { b = [1, { c = "d" }] } }' },
];

/** The kind of a value as written (for `retype-value`), from its first characters. */
function typeOf(value: string): string {
  const v = value.trim();
  if (/^["']/.test(v)) return 'string';
  if (v.startsWith('[')) return 'array';
  if (v.startsWith('{')) return 'table';
  if (/^(true|false)\b/.test(v)) return 'boolean';
  if (/^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}/.test(v)) return 'date';
  if (/^[+-]?(inf|nan)|^[+-]?\d[\d_]*(\.|e)/i.test(v)) return 'float';
  return 'integer';
}

/** `key = value` on one line (the value up to the end of the line, comment included). */
const KEY_VALUE = /^(\s*[A-Za-z0-9_"'.\- ]+?\s*=\s*)(\S.*)$/;
/** A table header, `[a.b]` or `[[a.b]]`. */
const HEADER = /^(\s*)(\[\[?)([^[\]]+)(\]\]?)(.*)$/;

function splitLines(text: string): string[] {
  return text.split('\n');
}

/** The 0-based indices of the lines matching `pattern`. */
function linesMatching(all: string[], pattern: RegExp): number[] {
  const out: number[] = [];
  for (let k = 0; k < all.length; k++) if (pattern.test(all[k])) out.push(k);
  return out;
}

/** A line and column (1-based) of an offset, for a description. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length} column ${before[before.length - 1].length + 1}`;
}

/** The text with the value of one `key = value` line replaced. */
function replaceValue(
  text: string,
  random: Random,
  value: (old: string) => { text: string; label: string },
): { text: string; description: string } | undefined {
  const all = splitLines(text);
  const candidates = linesMatching(all, KEY_VALUE);
  if (candidates.length === 0) return undefined;
  const k = pick(random, candidates);
  const [, head, old] = KEY_VALUE.exec(all[k])!;
  const next = value(old);
  all[k] = `${head}${next.text}`;
  return {
    text: all.join('\n'),
    description: `line ${k + 1}: value ${JSON.stringify(
      old.length > 40 ? `${old.slice(0, 40)}…` : old,
    )} replaced by ${next.label}`,
  };
}

type Mutator = (
  text: string,
  random: Random,
  context: { ids: readonly string[] },
) => { text: string; description: string } | undefined;

const MUTATORS: Record<MutationKind, Mutator> = {
  'delete-line': (text, random) => {
    const all = splitLines(text);
    const k = int(random, all.length);
    const [gone] = all.splice(k, 1);
    return {
      text: all.join('\n'),
      description: `deleted line ${k + 1} (${JSON.stringify(gone)})`,
    };
  },
  'duplicate-line': (text, random) => {
    const all = splitLines(text);
    // headers and keys mostly: a duplicated blank line changes nothing
    const written = linesMatching(all, /\S/);
    const k = written.length ? pick(random, written) : int(random, all.length);
    all.splice(k, 0, all[k]);
    return {
      text: all.join('\n'),
      description: `duplicated line ${k + 1} (${JSON.stringify(all[k])})`,
    };
  },
  truncate: (text, random) => {
    const at = int(random, text.length + 1);
    return {
      text: text.slice(0, at),
      description: `truncated at offset ${at} (${where(text, at)}) of ${
        text.length
      }`,
    };
  },
  'swap-lines': (text, random) => {
    const all = splitLines(text);
    const a = int(random, all.length);
    const b = int(random, all.length);
    [all[a], all[b]] = [all[b], all[a]];
    return {
      text: all.join('\n'),
      description: `swapped lines ${a + 1} and ${b + 1}`,
    };
  },
  'retype-value': (text, random) =>
    replaceValue(text, random, old => {
      const type = typeOf(old);
      const other = TOML_VALUES.filter(v => v.type !== type);
      const next = pick(random, other);
      return { text: next.text, label: `${next.type} ${next.text}` };
    }),
  'insert-character': (text, random) => {
    const inserted = pick(random, INSERTED_CHARACTERS);
    let at: number;
    // half the time inside a string value (where escapes and free text are read), else anywhere
    const strings: number[] = [];
    if (random() < 0.5) {
      for (const m of text.matchAll(/= *"/g))
        strings.push(m.index! + m[0].length);
    }
    if (strings.length > 0) {
      const start = pick(random, strings);
      const end = text.indexOf('"', start);
      at = start + int(random, Math.max(1, end - start + 1));
    } else {
      at = int(random, text.length + 1);
    }
    return {
      text: text.slice(0, at) + inserted + text.slice(at),
      description: `inserted ${describeChars(
        inserted,
      )} at offset ${at} (${where(text, at)})`,
    };
  },
  'change-header': (text, random, { ids }) => {
    const all = splitLines(text);
    const headers = linesMatching(all, HEADER);
    if (headers.length === 0) return undefined;
    const k = pick(random, headers);
    const [, indent, open, name, close, rest] = HEADER.exec(all[k])!;
    const parts = name.split('.');
    const last = parts[parts.length - 1].trim();
    const variants: Array<[string, string]> = [
      [`[${name}.y]`, 'a sub-table'],
      ['[[service]]', 'an array of tables [[service]]'],
      [
        `[${parts.slice(0, -1).concat(`"${last} y"`).join('.')}]`,
        'a key with a space',
      ],
      [
        `[${parts.slice(0, -1).concat(`"${last}.y"`).join('.')}]`,
        'a quoted dotted key',
      ],
      [`[[${name}]]`, 'an array of tables'],
      [`[${name.replace(/^service\b/, 'services')}]`, 'a misspelt table'],
      [`[${name.toUpperCase()}]`, 'upper case'],
      ['[service]', 'the bare [service]'],
      ['[project]', '[project]'],
      [`[service.${pick(random, ids)}]`, 'another id of the registry'],
      ['[service."ñandú"]', 'an id with accents'],
      ['[service."a\\u00adb"]', 'an id with a soft hyphen'],
      ['[service."a\\u202eb"]', 'an id with a bidi override'],
      ['[service."a\\u0000b"]', 'an id with NUL'],
      [`[ ${parts.map(p => p.trim()).join(' . ')} ]`, 'blanks around the dots'],
      [`[${name}`, 'an unterminated header'],
      [`[${name}]]`, 'an unbalanced header'],
      [`[service.${'x'.repeat(64)}]`, 'an id of 64 characters'],
      [`${open}${name}${close} = 1`, 'a header followed by a key'],
    ];
    const [header, label] = pick(random, variants);
    all[k] = `${indent}${header}${rest}`;
    return {
      text: all.join('\n'),
      description: `line ${
        k + 1
      }: header ${open}${name}${close} changed to ${header} (${label})`,
    };
  },
  'huge-string': (text, random) => {
    const size = pick(random, [70_000, 300_000, 1_000_000]);
    const unit = pick(random, ['a', 'é', 'a-', '\\u0041', 'ghp_', '😀', ' ']);
    const huge = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    // a value, or a key, or a comment
    const place = int(random, 3);
    if (place === 0) {
      return replaceValue(text, random, () => ({
        text: `"${huge}"`,
        label: `a string of ${size} characters of ${JSON.stringify(unit)}`,
      }));
    }
    const all = splitLines(text);
    const k = int(random, all.length + 1);
    all.splice(k, 0, place === 1 ? `"${huge}" = 1` : `# ${huge}`);
    return {
      text: all.join('\n'),
      description: `inserted at line ${k + 1} a ${
        place === 1 ? 'key' : 'comment'
      } of ${size} characters of ${JSON.stringify(unit)}`,
    };
  },
  'deep-nesting': (text, random) => {
    const shape = int(random, 4);
    // arrays and inline tables deeper than 1000 are a syntax error of the parser's; dotted keys
    // and headers nest without its limit
    const depth = pick(random, [50, 999, 1001, 20_000]);
    if (shape < 2) {
      const open = shape === 0 ? '[' : '{ a = ';
      const close = shape === 0 ? ']' : ' }';
      return replaceValue(text, random, () => ({
        text: `${open.repeat(depth)}1${close.repeat(depth)}`,
        label: `${
          shape === 0 ? 'arrays' : 'inline tables'
        } nested ${depth} deep`,
      }));
    }
    // dotted keys and headers nest without the parser's depth limit
    const all = splitLines(text);
    const k = int(random, all.length + 1);
    const key = Array(depth).fill('a').join('.');
    all.splice(k, 0, shape === 2 ? `${key} = 1` : `[service.deep.${key}]`);
    return {
      text: all.join('\n'),
      description: `inserted at line ${k + 1} a ${
        shape === 2 ? 'dotted key' : 'table header'
      } of ${depth} parts`,
    };
  },
  crlf: (text, random) => {
    const variant = int(random, 3);
    if (variant === 0) {
      return {
        text: text.replace(/\r?\n/g, '\r\n'),
        description: 'every line end written CRLF',
      };
    }
    if (variant === 1) {
      return {
        text: `\ufeff${text.replace(/\r?\n/g, '\r\n')}`,
        description: 'a BOM, and every line end written CRLF',
      };
    }
    // CRLF from one line on, as a merge of two files saved differently would
    const all = splitLines(text);
    const from = int(random, all.length);
    return {
      text: `${all.slice(0, from).join('\n')}\n${all.slice(from).join('\r\n')}`,
      description: `line ends written CRLF from line ${from + 1} on`,
    };
  },
};

/**
 * Mutates one file of a registry: the `iteration`-th mutation of the kind
 * `MUTATION_KINDS[iteration % MUTATION_KINDS.length]`, on a file drawn from `files`.
 *
 * @param files - the registry's files (path and text)
 * @param iteration - the iteration, which chooses the kind
 * @param random - the seeded random source, drawn from in a fixed order
 * @param ids - service ids of the registry, for headers renamed to another id
 */
export function mutateRegistry(
  files: ReadonlyArray<{ path: string; text: string }>,
  iteration: number,
  random: Random,
  ids: readonly string[],
): RegistryMutation {
  const kind = MUTATION_KINDS[iteration % MUTATION_KINDS.length];
  for (;;) {
    const file = pick(random, files);
    const result = MUTATORS[kind](file.text, random, { ids });
    if (result && result.text !== file.text) {
      return { kind, file: file.path, ...result };
    }
  }
}

/**
 * The ids of the services a registry file declares (`[service.<id>…]`, in any file of the layout);
 * none when it does not parse. What a mutation of the file may change is about these, before or
 * after it.
 */
export function declaredServiceIds(file: string, text: string): string[] {
  const parsed = parseTomlFile(file, text);
  const services = parsed.ok ? parsed.file.table.service : undefined;
  return services && typeof services === 'object' ? Object.keys(services) : [];
}

/** The `*.toml` files of a registry folder, sorted by path. */
export function readTomlFiles(dir: string, relative = ''): RegistryFileInput[] {
  return fs
    .readdirSync(path.join(dir, relative), { withFileTypes: true })
    .flatMap(entry => {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return readTomlFiles(dir, child);
      if (!entry.name.endsWith('.toml')) return [];
      return [
        { path: child, text: fs.readFileSync(path.join(dir, child), 'utf8') },
      ];
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The lines of a file as the positions of findings count them (`SourcePosition`): on the text the
 * parser reads (without its BOM, CRLF read as LF), split at LF only. smol-toml and the position
 * scan both count lines so; a lone CR is no line break (TOML refuses it outside a CRLF). The line
 * after a final LF is a line of its own (empty): a syntax error at the end of such a file is there.
 */
export function positionLines(text: string): string[] {
  return stripBom(text).replace(/\r\n/g, '\n').split('\n');
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

/**
 * What is wrong with a finding, or undefined: it must name one of the files given (`lines`, by
 * path, from {@link positionLines}), a line of it from 1, and a column from 1 to the line's length
 * + 1 in UTF-16 code units (just past the last character: where the parser's error is for an
 * unterminated string or header, or a statement cut by the end of the file); past a syntax error,
 * the column is at what the finding is about (a key, a header, a value: no blank), or 1 (the
 * start of a file or a record); and a message, without control characters.
 */
export function findingProblem(
  finding: RegistryFinding,
  lines: ReadonlyMap<string, string[]>,
): string | undefined {
  if (!SEVERITIES.has(finding.severity)) return 'severity';
  if (typeof finding.code !== 'string' || finding.code === '') return 'code';
  if (typeof finding.message !== 'string' || finding.message.trim() === '') {
    return 'empty message';
  }
  if (hasControlCharacter(finding.message)) {
    return 'control character in the message';
  }
  const outside = placeProblem(finding, lines);
  if (outside) return outside;
  const { line, column } = finding;
  const text = lines.get(finding.file)![line - 1];
  if (
    finding.code !== 'toml/syntax' &&
    column > 1 &&
    !/\S/.test(text.charAt(column - 1))
  ) {
    return `column ${column} of line ${line} is at a blank (${JSON.stringify(
      text.slice(Math.max(0, column - 20), column + 20),
    )})`;
  }
  return undefined;
}

/**
 * What is wrong with a place, or undefined: it must name one of the files given (`lines`, by
 * path, from {@link positionLines}), a line of it from 1, and a column from 1 to the line's length
 * + 1 in UTF-16 code units.
 */
export function placeProblem(
  place: { file: string; line: number; column: number },
  lines: ReadonlyMap<string, string[]>,
): string | undefined {
  const file = lines.get(place.file);
  if (!file) return `file ${JSON.stringify(place.file)} is not an input`;
  const { line, column } = place;
  if (!Number.isInteger(line) || line < 1 || line > file.length) {
    return `line ${line} outside 1..${file.length}`;
  }
  const text = file[line - 1];
  if (!Number.isInteger(column) || column < 1 || column > text.length + 1) {
    return `column ${column} outside 1..${text.length + 1} of line ${line}`;
  }
  return undefined;
}

/** A finding, for the message of a failure. */
export function describeFinding(finding: RegistryFinding): string {
  return `${finding.code} at ${finding.file}:${finding.line}:${
    finding.column
  }: ${JSON.stringify(String(finding.message).slice(0, 300))}`;
}

/**
 * A problem found on one mutation, with what reproduces it: the seed, the iteration (run again
 * with `FUZZ_SEED=<seed> FUZZ_ONLY=<iteration>`) and the edit.
 */
export function describeFailure(
  seed: number,
  iteration: number,
  mutation: RegistryMutation,
  problem: string,
): string {
  return `seed ${seed} iteration ${iteration} ${mutation.kind} of ${mutation.file}: ${mutation.description}: ${problem}`;
}

/** What a stage threw, for the message of a failure: the error and the first frames. */
export function describeThrow(error: unknown): string {
  return `threw ${String((error as Error)?.stack ?? error)
    .split('\n')
    .slice(0, 4)
    .join(' | ')}`;
}
