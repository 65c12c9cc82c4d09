import {
  APOSTROPHE,
  BACKSLASH,
  DOT,
  EQUALS,
  HASH,
  isBareKeyChar,
  LF,
  OPEN_BRACKET,
  QUOTE,
  SPACE,
  TAB,
} from './tomlChars';

/** A date of a TOML text that no calendar has, and where it is written. */
export interface ImpossibleDate {
  /** The date as written (`2026-02-30`). */
  literal: string;
  /** Why it is impossible: `February 2026 has 28 days`. */
  reason: string;
  /** 1-based line of its first character. */
  line: number;
  /** 1-based column of its first character (UTF-16 code units, as the parser counts). */
  column: number;
}

/**
 * The only dates that can be written with a valid month and a day from 01 to 31 and still not
 * exist: the 29th to the 31st of February, and the 31st of the 30-day months. The search for
 * them is the whole cost of this check on a valid registry.
 */
const CANDIDATE = /-(?:02-(?:29|3[01])|(?:0[469]|11)-31)/;
const CANDIDATES = /(\d{4})-(02|04|06|09|11)-(29|30|31)/g;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  // day 0 of the next month is the last day of this one (proleptic Gregorian, as RFC 3339)
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

type Lexical = 'value' | 'comment' | 'string';

/**
 * Walks a TOML text from its start to `to`, and says whether `to` is inside a comment, a string
 * or neither. Strings of every kind and comments are skipped as TOML defines them.
 */
function lexicalStateAt(text: string, to: number): Lexical {
  let i = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === HASH) {
      const end = text.indexOf('\n', i);
      if (end === -1 || end >= to) return 'comment';
      i = end + 1;
    } else if (c === QUOTE || c === APOSTROPHE) {
      const multi =
        text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
      const escapes = c === QUOTE;
      let k = i + (multi ? 3 : 1);
      let closed = false;
      while (k < text.length) {
        const s = text.charCodeAt(k);
        if (escapes && s === BACKSLASH) {
          k += 2;
        } else if (!multi && s === LF) {
          break;
        } else if (s === c) {
          if (!multi) {
            k++;
            closed = true;
            break;
          }
          let run = 0;
          while (text.charCodeAt(k + run) === c) run++;
          if (run >= 3) {
            // up to two quotes before the closing three belong to the string
            k += Math.min(run, 5);
            closed = true;
            break;
          }
          k += run;
        } else {
          k++;
        }
      }
      if (k > to || !closed) return 'string';
      i = k;
    } else {
      i++;
    }
  }
  return 'value';
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * Whether `start` is the first key of a table header: only `[` (or `[[`) and blanks before it on
 * its line (`[2026-02-30]`, `[ 2026-02-30 ]`).
 */
function isTableHeaderKey(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
  if (k < 0 || text.charCodeAt(k) !== OPEN_BRACKET) return false;
  k--;
  if (k >= 0 && text.charCodeAt(k) === OPEN_BRACKET) k--;
  while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
  return k < 0 || text.charCodeAt(k) === LF;
}

/**
 * The first date in a TOML text whose day does not exist in its month (`2026-02-30`,
 * `2025-02-29`, `2026-04-31`), written as a TOML date or date-time (not inside a string or a
 * comment, not as a key). smol-toml refuses a month 13 or a day 00, but turns these into a later
 * date (`2026-02-30` into 2026-03-02), so a registry would silently say something else than it
 * was written to say; TOML (RFC 3339) makes them invalid documents.
 *
 * @param text - a TOML text that parses, without BOM
 * @returns the first impossible date, or undefined when there is none
 */
export function findImpossibleDate(text: string): ImpossibleDate | undefined {
  if (!CANDIDATE.test(text)) return undefined;
  CANDIDATES.lastIndex = 0;
  for (
    let match = CANDIDATES.exec(text);
    match !== null;
    match = CANDIDATES.exec(text)
  ) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const days = daysInMonth(year, month);
    if (day <= days) continue;
    const start = match.index;
    const end = start + match[0].length;
    // part of a longer token (a bare key, a number, another date's digits)
    if (start > 0 && isBareKeyChar(text.charCodeAt(start - 1))) continue;
    if (end < text.length && isBareKeyChar(text.charCodeAt(end))) {
      // only a date-time's `T` may follow
      const next = text.charCodeAt(end);
      if (next !== 0x54 && next !== 0x74) continue;
    }
    // a bare key (`2026-02-30 = ...`, `a.2026-02-30.b = ...`, `[service. 2026-02-30]`,
    // `[ 2026-02-30]`) is no date: TOML allows blanks around the dots of a key
    let k = end;
    while (k < text.length && isBlank(text.charCodeAt(k))) k++;
    const after = text.charCodeAt(k);
    if (after === EQUALS || after === DOT) continue;
    k = start - 1;
    while (k >= 0 && isBlank(text.charCodeAt(k))) k--;
    if (k >= 0 && text.charCodeAt(k) === DOT) continue;
    if (isTableHeaderKey(text, start)) continue;
    if (lexicalStateAt(text, start) !== 'value') continue;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1 && at < start; ) {
      line++;
      at = text.indexOf('\n', at + 1);
    }
    return {
      literal: match[0],
      reason: `${MONTHS[month - 1]} ${match[1]} has ${days} days`,
      line,
      column: start - lineStart + 1,
    };
  }
  return undefined;
}
