import { InputError } from '@backstage/errors';
import {
  detectSecret,
  redactSecrets,
} from '@service-registry/plugin-service-registry-common';
import type { TomlEditValue } from './edit';
import { isTable } from './tomlTable';

/*
 * Credentials never reach the registry through the actions, nor the task's log and outputs: the
 * registry's own secret detection (`detectSecret`, `redactSecrets` of the common package, the one
 * its `security/secret-value` rule uses) decides what looks like one.
 */

/** What replaces a hidden string in a diff; a value written without quotes becomes `(hidden)`. */
export const HIDDEN = '"(hidden)"';

/**
 * Refuses, before anything is written, values that the registry's secret detection flags: an
 * input error names the key (never the value) and says to write a reference to a secret manager
 * instead.
 *
 * @param values - the keys and values an edit would write, as registry keys
 * @param prefix - the key path of `values` in the service, for the message (e.g. `migration`)
 */
export function refuseSecrets(
  values: { [key: string]: TomlEditValue },
  prefix: string[] = [],
): void {
  const visit = (
    value: TomlEditValue,
    key: string,
    path: string[],
    element?: { array: TomlEditValue[]; index: number },
  ) => {
    if (isTable<TomlEditValue>(value)) {
      for (const [child, v] of Object.entries(value)) {
        visit(v, child, [...path, child]);
      }
      return;
    }
    if (Array.isArray(value)) {
      // an element is judged with its array: the value after `"--password"`, the password of a
      // command written as its arguments (`["sshpass", "-p", "..."]`)
      value.forEach((item, index) =>
        visit(item, key, [...path.slice(0, -1), `${key}[${index}]`], {
          array: value,
          index,
        }),
      );
      return;
    }
    const kind = detectSecret(
      key,
      value,
      element && element.index > 0
        ? element.array[element.index - 1]
        : undefined,
      element,
    );
    if (kind) {
      throw new InputError(
        `${path.join(
          '.',
        )} looks like ${kind}, and the registry must not hold credentials in clear text (its history keeps them); nothing was written. Keep the value in a secret manager and give a reference to it instead, e.g. "\${DB_PASSWORD}" or "vault:<path>".`,
      );
    }
  };
  for (const [key, value] of Object.entries(values)) {
    visit(value, key, [...prefix, key]);
  }
}

const BARE_KEY_CHAR = /[A-Za-z0-9_-]/;

/** A TOML string starting at `start` (`"`, `'`, `"""` or `'''`): its end and decoded text. */
function readString(
  line: string,
  start: number,
): { end: number; text: string } {
  const quote = line[start];
  const triple = line.startsWith(quote.repeat(3), start);
  const open = triple ? 3 : 1;
  const close = quote.repeat(open);
  let i = start + open;
  let text = '';
  while (i < line.length) {
    if (line.startsWith(close, i)) return { end: i + open, text };
    const c = line[i];
    if (quote === '"' && c === '\\' && i + 1 < line.length) {
      // the escaped character as itself: close enough for detection, never shown
      text += line[i + 1];
      i += 2;
    } else {
      text += c;
      i++;
    }
  }
  // not closed on this line (a multi-line string goes on)
  return { end: line.length, text };
}

/** The offset of the first character after spaces and tabs. */
function skipSpaces(line: string, i: number): number {
  let j = i;
  while (line[j] === ' ' || line[j] === '\t') j++;
  return j;
}

/** A value written without quotes, or `(hidden)` when it looks like a credential. */
function hideBareValue(key: string, word: string, previous?: string): string {
  if (word === 'true' || word === 'false') return word;
  const number = Number(word.replace(/_/g, ''));
  const value =
    /^[+-]?\d/.test(word) && Number.isFinite(number) ? number : word;
  return detectSecret(key, value, previous) ? '(hidden)' : word;
}

/**
 * One line of a diff, or of a TOML file, with every value that looks like a credential replaced
 * by `"(hidden)"` (`(hidden)` without quotes): strings and numbers judged with the key they are assigned to (in `key = ...`,
 * dotted keys and inline tables; the elements of an array with the array's key), and any
 * credential of a well-known form wherever it is (a line of a multi-line string, a comment, a
 * line of markdown).
 *
 * @param line - the line, with or without the diff's `+`/`-` marker
 * @param within - the key of the multi-line array the line is in, if any: its values are judged
 *   with it (see {@link redactToml})
 */
export function redactLine(line: string, within = ''): string {
  return redactLineAfter(line, within).text;
}

/**
 * {@link redactLine}, also judging each value with the value before it on the line, or `previous`
 * (the last value of the line before, in a multi-line array): the value after `"--password"`.
 * Returns the last value of the line too.
 */
function redactLineAfter(
  line: string,
  within: string,
  previous?: string,
): { text: string; last?: string } {
  let out = '';
  let key = within;
  let afterEquals = false;
  let last = previous;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '"' || c === "'") {
      const { end, text } = readString(line, i);
      const next = line[skipSpaces(line, end)];
      if (!afterEquals && (next === '=' || next === '.')) {
        // a quoted key (or a part of a dotted key)
        if (next === '=') key = text;
        last = undefined;
        out += line.slice(i, end);
      } else {
        out += detectSecret(key, text, last) ? HIDDEN : line.slice(i, end);
        last = text;
        afterEquals = false;
      }
      i = end;
      continue;
    }
    if (afterEquals && !/[\s[{,\]}#=]/.test(c)) {
      // a bare value: a number, a date, a boolean (or text of a multi-line string)
      let end = i;
      while (end < line.length && !/[\s,\]}#]/.test(line[end])) end++;
      const word = line.slice(i, end);
      out += hideBareValue(key, word, last);
      last = word;
      i = end;
      afterEquals = false;
      continue;
    }
    if (BARE_KEY_CHAR.test(c)) {
      let end = i;
      while (end < line.length && BARE_KEY_CHAR.test(line[end])) end++;
      const word = line.slice(i, end);
      const next = line[skipSpaces(line, end)];
      if (next === '=' && line[skipSpaces(line, end) + 1] !== '=') {
        key = word;
        last = undefined;
        out += word;
      } else if (next === '.') out += word;
      else {
        out += hideBareValue(key, word, last);
        last = word;
      }
      i = end;
      continue;
    }
    if (c === '=') afterEquals = true;
    else if (c === '{' || c === ',') afterEquals = false;
    else if (c === '#') {
      // a comment: its words are judged by a key written in it, if any
      afterEquals = false;
      key = '';
    }
    out += c;
    i++;
  }
  return { text: redactSecrets(out), last };
}

/**
 * A diff (or any text of TOML and markdown lines) with the values that look like credentials
 * hidden, line by line ({@link redactLine}): what the actions log and output as `diff`.
 */
export function redactDiff(diff: string): string {
  return diff
    .split('\n')
    .map(line => redactLine(line))
    .join('\n');
}

/**
 * The key a line assigns to (the last part of a dotted key, unquoted) and the text after its
 * `=`, or undefined when the line assigns nothing.
 */
function assignment(line: string): { key: string; rest: string } | undefined {
  let i = skipSpaces(line, 0);
  for (;;) {
    let part: string;
    const c = line[i];
    if (c === '"' || c === "'") {
      const { end, text } = readString(line, i);
      if (end >= line.length) return undefined;
      part = text;
      i = end;
    } else {
      const start = i;
      while (i < line.length && BARE_KEY_CHAR.test(line[i])) i++;
      if (i === start) return undefined;
      part = line.slice(start, i);
    }
    i = skipSpaces(line, i);
    if (line[i] === '.') {
      i = skipSpaces(line, i + 1);
      continue;
    }
    return line[i] === '=' && line[i + 1] !== '='
      ? { key: part, rest: line.slice(skipSpaces(line, i + 1)) }
      : undefined;
  }
}

/** How many more `[` than `]` a text opens, outside strings and comments. */
function bracketBalance(text: string): number {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = readString(text, i).end;
      continue;
    }
    if (c === '#') break;
    if (c === '[') depth++;
    else if (c === ']') depth--;
    i++;
  }
  return depth;
}

/** What the lines after a line are in: a multi-line string or array of a key. */
type Carried =
  | { kind: 'string'; key: string; close: string }
  | { kind: 'array'; key: string; depth: number; last?: string };

/** Whether a line opens a multi-line string or array that goes on after it. */
function opens(line: string): Carried | undefined {
  const assigned = assignment(line);
  if (!assigned) return undefined;
  const { key, rest } = assigned;
  const quotes = rest.slice(0, 3);
  if (quotes === '"""' || quotes === "'''") {
    return rest.indexOf(quotes, 3) === -1
      ? { kind: 'string', key, close: quotes }
      : undefined;
  }
  if (rest.startsWith('[')) {
    const depth = bracketBalance(rest);
    return depth > 0 ? { kind: 'array', key, depth } : undefined;
  }
  return undefined;
}

/**
 * A TOML file's text with every value that looks like a credential hidden, as
 * {@link redactLine} hides them, and also the lines of a multi-line string or array, judged
 * with the key they are assigned to (`db_password = """` and the secret on the next line; an
 * element of `api_tokens = [` on a line of its own). A diff is made of two texts redacted so,
 * since its context lines may be such lines, without the line naming their key.
 */
export function redactToml(text: string): string {
  let carried: Carried | undefined;
  return text
    .split('\n')
    .map(line => {
      if (carried?.kind === 'string') {
        const close = line.indexOf(carried.close);
        const content = close === -1 ? line : line.slice(0, close);
        const value = content.trim();
        const shown =
          value !== '' && detectSecret(carried.key, value)
            ? '(hidden)'
            : redactSecrets(content);
        if (close === -1) return shown;
        carried = undefined;
        return shown + redactLine(line.slice(close));
      }
      if (carried?.kind === 'array') {
        const { text: redacted, last } = redactLineAfter(
          line,
          carried.key,
          carried.last,
        );
        carried.last = last;
        carried.depth += bracketBalance(line);
        if (carried.depth <= 0) carried = undefined;
        return redacted;
      }
      carried = opens(line);
      const { text: redacted, last } = redactLineAfter(line, '');
      if (carried?.kind === 'array') carried.last = last;
      return redacted;
    })
    .join('\n');
}
