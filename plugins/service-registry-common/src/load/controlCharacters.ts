import { unicodeEscape } from './describeValue';
import { CheckContext, checkField, pathLabel, report } from './fieldCheck';
import { stringArraySpec, stringSpec } from './fieldSpecs';
import { KeyPathPart } from './keyPath';

/*
 * Control characters of free text: C0 other than tab, line feed and carriage return, DEL and C1.
 * TOML lets a basic string write any of them as an escape (`"\u001b[31m"`, `"\b"`, `"\u0000"`);
 * shown by the portal or printed by the CLI they are invisible, or drive the reader's terminal.
 */
/* eslint-disable no-control-regex */
const CONTROL_CHARACTER =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_CHARACTERS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */

/** Most distinct characters a message names. */
const MAX_NAMED = 5;

/**
 * Whether a text holds a control character other than tab, line feed and carriage return
 * (U+0000–U+001F but those three, U+007F–U+009F): what loading removes from free text with a
 * `schema/control-character` warning, and what the scaffolder's actions refuse at their input.
 *
 * @param text - the text as the registry (or an input) holds it
 * @public
 */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** The text without its control characters (see {@link hasControlCharacter}). */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** The distinct control characters of a text as escapes, in order of first appearance. */
function namedControlCharacters(text: string): string {
  const seen: string[] = [];
  let more = false;
  for (const match of text.matchAll(CONTROL_CHARACTERS)) {
    const escape = unicodeEscape(match[0]);
    if (seen.includes(escape)) continue;
    if (seen.length === MAX_NAMED) {
      more = true;
      break;
    }
    seen.push(escape);
  }
  return `${seen.join(', ')}${more ? ', …' : ''}`;
}

function reportControlCharacters(
  ctx: CheckContext,
  text: string,
  path: readonly KeyPathPart[],
): void {
  report(
    ctx,
    'warning',
    'schema/control-character',
    `${ctx.subject}: ${pathLabel(
      path,
    )} holds control characters (${namedControlCharacters(
      text,
    )}), which are removed from what the catalog, the portal and the CLI show. Delete them from the string in the TOML file (an escape such as \\u001b or \\b, often a pasted terminal colour code); tabs and line breaks are allowed.`,
    path,
  );
}

/**
 * Checks a free-text field (a display name, a description, ...): a string, as
 * {@link checkField} with `stringSpec` checks it, whose control characters (see
 * {@link hasControlCharacter}) are reported (`schema/control-character`, warning, at the key) and
 * removed: the value of the model is the text without them, so that no consumer shows them. A
 * text without any costs one regular expression test.
 *
 * @param ctx - where to report
 * @param value - the value as written (undefined when absent)
 * @param path - the field's path relative to the record
 */
export function checkText(
  ctx: CheckContext,
  value: unknown,
  path: readonly KeyPathPart[],
): string | undefined {
  const text = checkField(ctx, value, path, stringSpec);
  if (text === undefined || !CONTROL_CHARACTER.test(text)) return text;
  reportControlCharacters(ctx, text, path);
  return withoutControlCharacters(text);
}

/**
 * {@link checkText} for the field `key` of a sub-table at `base`: the field's path is only built
 * when the value needs a finding.
 */
export function checkTextAt(
  ctx: CheckContext,
  value: unknown,
  base: readonly KeyPathPart[],
  key: string,
): string | undefined {
  if (typeof value === 'string' && !CONTROL_CHARACTER.test(value)) {
    return value;
  }
  if (value === undefined) return undefined;
  return checkText(ctx, value, [...base, key]);
}

/**
 * Checks a list of free-text strings (tags) as {@link checkField} with `stringArraySpec` does;
 * an element with control characters is reported at the element and kept without them (in a
 * copy: the list as written stays in `raw`).
 */
export function checkTextList(
  ctx: CheckContext,
  value: unknown,
  path: readonly KeyPathPart[],
): string[] | undefined {
  const list = checkField(ctx, value, path, stringArraySpec);
  if (list === undefined) return undefined;
  let out: string[] | undefined;
  for (let k = 0; k < list.length; k++) {
    const text = list[k];
    if (!CONTROL_CHARACTER.test(text)) continue;
    out ??= list.slice();
    reportControlCharacters(ctx, text, [...path, k]);
    out[k] = withoutControlCharacters(text);
  }
  return out ?? list;
}
