import { InputError } from '@backstage/errors';
import {
  controlCharacterPattern,
  hasControlCharacter,
} from '@service-registry/plugin-service-registry-common';

/*
 * Control characters in the text the edit actions write. The registry's loader removes from free
 * text (a name, a description, an owner, a tag, ...) the characters of `hasControlCharacter`
 * (C0 other than tab, line feed and carriage return, DEL and C1; and the invisible formatting
 * characters: the bidirectional embeddings, overrides and isolates U+202A–U+202E and
 * U+2066–U+2069, the line and paragraph separators U+2028 and U+2029), with a
 * `schema/control-character` warning. Written as escapes (`"\u001b[31m"`) they would reach the
 * file and only the loader would say so, and a bidirectional override would show the text of the
 * pull request in another order than it is written: the actions refuse them at their input
 * instead, before anything is written.
 *
 * Tab, line feed and carriage return, which the loader keeps, are refused too in an input of a
 * single line (a display name, an owner, a tag, a URL): there they are a paste gone wrong. Only
 * the inputs an action names as running over several lines (a description) keep them.
 */
/**
 * Every control character (C0, DEL and C1) and the invisible formatting characters the loader
 * removes (see `hasControlCharacter`): all that a message may have to name.
 */
const CONTROL_CHARACTERS = controlCharacterPattern({
  lineBreaks: true,
  global: true,
});

/** Most distinct characters a message names. */
const MAX_NAMED = 5;

/** Names of the control characters a person may recognise. */
const CHARACTER_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'DEL',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
};

/** Whether a character of {@link CONTROL_CHARACTERS} is an invisible formatting character. */
function isFormatting(char: string): boolean {
  return char.charCodeAt(0) >= 0x2000;
}

/** A control character as a message names it: `U+001B (escape)`. */
function describeControlCharacter(char: string): string {
  const code = char.charCodeAt(0);
  const escape = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[code];
  return name ? `${escape} (${name})` : escape;
}

/**
 * Why a text cannot be written, or undefined when it can: the distinct control characters it
 * holds (at most five), where the first is, and what is wrong with them.
 *
 * @param multiLine - whether the text may run over several lines, keeping tabs and line breaks
 * @param singleLine - why tabs and line breaks are refused, when they are the only trouble
 */
function problemOf(
  text: string,
  label: string,
  multiLine: boolean,
  singleLine: string,
): string | undefined {
  const found = [...text.matchAll(CONTROL_CHARACTERS)].map(m => m[0]);
  const refused = multiLine ? found.filter(c => hasControlCharacter(c)) : found;
  if (refused.length === 0) return undefined;
  const distinct = [...new Set(refused)];
  const named = distinct.slice(0, MAX_NAMED).map(describeControlCharacter);
  if (distinct.length > MAX_NAMED) named.push('…');
  // counted in characters as a person sees them (code points), from 1
  const at = [...text].indexOf(refused[0]) + 1;
  const formatting = distinct.some(isFormatting);
  const control = distinct.some(c => !isFormatting(c));
  let kind = 'control';
  if (formatting) {
    kind = control
      ? 'control and invisible formatting'
      : 'invisible formatting';
  }
  const what =
    distinct.length === 1
      ? `the ${kind} character ${named[0]}`
      : `the ${kind} characters ${named.join(', ')}`;
  const reasons: string[] = [];
  if (distinct.some(c => !isFormatting(c) && hasControlCharacter(c))) {
    reasons.push(
      'control characters are invisible or drive the reader\'s terminal (often a pasted colour code such as "\\u001b[31m")',
    );
  }
  if (formatting) {
    reasons.push(
      'bidirectional controls make text display in another order than it is written, line or paragraph separators break the line in some renderers only',
    );
  }
  const why = reasons.length
    ? `${reasons.join(
        '; ',
      )}, and the registry removes them from what the catalog, the portal and the CLI show.`
    : singleLine;
  return `${label} holds ${what} (the first at character ${at}): ${why} Remove ${
    distinct.length === 1 ? 'it' : 'them'
  } from the template's input; nothing was written.`;
}

/**
 * Refuses, before anything is written, text inputs holding control characters, with an input
 * error that names the input (`tags[1]`, `sla.supportHours`; the item of a list by its index from
 * 0) and each character as an escape (`U+001B (escape)`, `U+202E (right-to-left override)`), never
 * the value. Refused everywhere: the characters the registry's loader removes from free text with
 * a `schema/control-character` warning (C0 other than tab, line feed and carriage return, DEL, C1,
 * the bidirectional embeddings, overrides and isolates, the line and paragraph separators), so
 * that nothing an action writes draws that warning. Tab, line feed and carriage return are refused
 * too, except in the inputs of `multiLine`, which may run over several lines as the loader allows.
 *
 * @param inputs - the text inputs, by name as the template gives them (`name`, `sla`): strings,
 *   lists and objects of them (the keys of an object are checked too, always as single lines);
 *   other values and undefined ones are skipped
 * @param multiLine - the paths of the inputs that keep tabs and line breaks (`description`,
 *   `governance.changeLog`); none by default
 */
export function refuseControlCharacters(
  inputs: { [name: string]: unknown },
  multiLine: readonly string[] = [],
): void {
  const singleLine = (label: string) =>
    multiLine.length
      ? `${label} is a single line; tabs and line breaks are kept only in ${multiLine.join(
          ', ',
        )}.`
      : `${label} is a single line, without tabs or line breaks.`;
  const check = (text: string, label: string, path?: string) => {
    const problem = problemOf(
      text,
      label,
      path !== undefined && multiLine.includes(path),
      singleLine(label),
    );
    if (problem) throw new InputError(problem);
  };
  const visit = (value: unknown, path: string, label: string) => {
    if (typeof value === 'string') {
      check(value, label, path);
      return;
    }
    if (Array.isArray(value)) {
      // an item by its index; whether it may hold line breaks is the list's
      value.forEach((item, index) => visit(item, path, `${label}[${index}]`));
      return;
    }
    if (
      typeof value === 'object' &&
      value !== null &&
      !(value instanceof Date)
    ) {
      for (const [key, child] of Object.entries(value)) {
        check(key, `a key of ${label}`);
        visit(child, `${path}.${key}`, `${label}.${key}`);
      }
    }
  };
  for (const [name, value] of Object.entries(inputs)) {
    visit(value, name, name);
  }
}
