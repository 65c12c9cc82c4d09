/*
 * How to fix the TOML syntax errors that people editing a registry make most, told from the
 * parser's message and the text around the error. The parser's own message stays in the finding;
 * the hint is added only when the text makes the cause clear.
 */

/**
 * The name of the table a line's header opens (`[a.b]`, `[[ a . b ]]`), blanks removed, or
 * undefined when the line is no table header. Read without a regular expression: one with
 * blanks on both sides of the name backtracked in cubic time over a long line of `[` and blanks,
 * a few kilobytes of which held the loader for seconds.
 */
function headerName(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('[')) return undefined;
  const close = trimmed.indexOf(']');
  if (close === -1) return undefined;
  let after = trimmed.slice(close + 1);
  if (after.startsWith(']')) after = after.slice(1);
  after = after.trimStart();
  if (after !== '' && !after.startsWith('#')) return undefined;
  return trimmed
    .slice(trimmed.startsWith('[[') ? 2 : 1, close)
    .replace(/\s+/g, '');
}

/** Whether a line is a table header. */
function isHeader(line: string): boolean {
  return headerName(line) !== undefined;
}

/**
 * The parts of the (dotted) key a line assigns (`a."b c".d = ...`), quotes removed (escapes are
 * left as written), or undefined when the line assigns no key. Read in one pass, in linear time.
 */
function assignedKey(line: string): string[] | undefined {
  const parts: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    const quote = line[i];
    let end: number;
    if (quote === '"' || quote === "'") {
      end = i + 1;
      while (end < n && line[end] !== quote) {
        end += line[end] === '\\' && quote === '"' ? 2 : 1;
      }
      if (end >= n) return undefined;
      parts.push(line.slice(i + 1, end));
      i = end + 1;
    } else {
      end = i;
      while (end < n && /[A-Za-z0-9_-]/.test(line[end])) end++;
      if (end === i) return undefined;
      parts.push(line.slice(i, end));
      i = end;
    }
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
    if (line[i] === '=') return parts;
    if (line[i] !== '.') return undefined;
    i++;
  }
}

/**
 * Whether one key path is the start of the other (or both are the same): defining both is a
 * redefinition (`a.b = 1` and `a.b = 2`, `a.b = 1` and `a = 2`), defining `a.b` and `a.c` is not.
 */
function overlap(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return false;
  return true;
}

const SEMVER_LIKE = /=\s*v?\d+\.\d+\.\d+/;
const BARE_WORD = /=\s*[A-Za-z_]/;

const OPENS_STRUCTURE = /^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*([[{])/;

/**
 * The nearest line above `index` that assigns an array or an inline table to a key, with its
 * opening bracket, within the table the error is in.
 */
function openedStructure(
  lines: string[],
  index: number,
): { line: number; bracket: string } | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const opens = OPENS_STRUCTURE.exec(lines[i]);
    if (opens) return { line: i + 1, bracket: opens[2] };
    if (isHeader(lines[i])) return undefined;
  }
  return undefined;
}

/** The 1-based line where the key or table that the error line redefines was first defined. */
function firstDefinition(lines: string[], index: number): number | undefined {
  const line = lines[index];
  const name = headerName(line);
  if (name !== undefined) {
    for (let i = 0; i < index; i++) {
      if (headerName(lines[i]) === name) return i + 1;
    }
    return undefined;
  }
  const key = assignedKey(line);
  if (!key) return undefined;
  // the first line of the same table (up to its header) defining the key, a key below it (a
  // dotted key) or the value it is below
  let first: number | undefined;
  for (let i = index - 1; i >= 0 && !isHeader(lines[i]); i--) {
    const earlier = assignedKey(lines[i]);
    if (earlier && overlap(earlier, key)) first = i + 1;
  }
  return first;
}

/**
 * A sentence on how to fix a TOML syntax error, or undefined when the cause is not clear from
 * the text.
 *
 * @param message - the parser's message, without its code excerpt
 * @param text - the file's text
 * @param line - the 1-based line of the error
 * @param column - the 1-based column of the error
 */
export function syntaxHint(
  message: string,
  text: string,
  line: number,
  column: number,
): string | undefined {
  const lines = text.split(/\r?\n/);
  const here = lines[line - 1] ?? '';
  if (
    message.includes('control characters are not allowed in strings') &&
    column > here.length
  ) {
    return 'The string that opens on this line is not closed: add its closing quote (a string over several lines needs triple quotes).';
  }
  if (message.includes('unfinished string')) {
    return 'The string that opens here is not closed before the end of the file: add its closing quote.';
  }
  if (
    message.includes('illegal character in numeric literal') &&
    SEMVER_LIKE.test(here)
  ) {
    return 'A version is a string: write it in quotes, e.g. version = "1.2.3".';
  }
  if (message.includes('invalid value') && BARE_WORD.test(here)) {
    return 'Text values go in quotes, e.g. owner = "platform-team".';
  }
  if (message.includes('redefine')) {
    const first = firstDefinition(lines, line - 1);
    const what = isHeader(here) ? 'table' : 'key';
    return first
      ? `This ${what} is already defined on line ${first}: merge the two, or remove one.`
      : `This ${what} is already defined earlier in the file: merge the two, or remove one.`;
  }
  if (message.includes('illegal character in key')) {
    if (/^\s*\[/.test(here) && !here.includes(']')) {
      return 'The table header is not closed: add its closing bracket, e.g. [service.orders-api].';
    }
    if (!here.includes('=')) {
      return 'A key is followed by = and its value, e.g. name = "Orders API".';
    }
  }
  if (message.includes('expected comma or end of structure')) {
    if (here.slice(0, column - 1).trim() === '') {
      const opened = openedStructure(lines, line - 1);
      if (opened) {
        const [what, closing] =
          opened.bracket === '[' ? ['array', ']'] : ['inline table', '}'];
        return `The ${what} that opens on line ${opened.line} is not closed: add its closing ${closing} after its last element.`;
      }
    } else {
      return 'Separate the elements with commas, e.g. requires = ["shared-auth", "shared-db"].';
    }
  }
  if (message.includes('cannot be represented losslessly')) {
    return 'This integer is larger than 9007199254740991, the largest whole number a registry value is read as without losing digits: write an identifier (an account, a cost centre) as a string in quotes, e.g. account = "12345678901234567890", and a quantity in a larger unit.';
  }
  if (message.includes('excessively nested')) {
    return 'Arrays and inline tables here nest deeper than 1,000 levels, and no registry value needs more than a few: remove the extra brackets or braces.';
  }
  if (message.includes('invalid date')) {
    return 'Dates are written YYYY-MM-DD with a real month and day, e.g. sunset_date = 2027-03-01.';
  }
  return undefined;
}
