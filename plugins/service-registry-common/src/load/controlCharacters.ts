import { controlCharacterPattern } from './controlCharacterPattern';
import { unicodeEscape } from './controlCharacterPattern';
import { CheckContext, checkField, pathLabel, report } from './fieldCheck';
import { stringArraySpec, stringSpec } from './fieldSpecs';
import { KeyPathPart } from './keyPath';

/*
 * Characters loading removes from free text, of two kinds:
 *
 * - control characters: C0 other than tab, line feed and carriage return, DEL and C1. TOML lets a
 *   basic string write any of them as an escape (`"\u001b[31m"`, `"\b"`, `"\u0000"`); shown by
 *   the portal or printed by the CLI they are invisible, or drive the reader's terminal.
 * - invisible formatting characters:
 *   - the bidirectional embeddings and overrides U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and
 *     isolates U+2066–U+2069 (LRI, RLI, FSI, PDI). Each reorders the text that follows it up to
 *     its terminator or the end of the paragraph, so a name or a description displays differently
 *     from what it is ("Trojan Source", CVE-2021-42574) in the portal, in a terminal and in the
 *     text of a pull request. Text in Arabic or Hebrew displays right without them: the Unicode
 *     bidirectional algorithm lays it out from its own letters.
 *   - the line and paragraph separators U+2028 and U+2029: some renderers break the line there,
 *     others show nothing or a box, and a terminal neither; a line break is written `\n`.
 *
 * Kept: the marks U+200E, U+200F and U+061C (left-to-right, right-to-left and Arabic letter
 * mark). A mark is a single invisible strong character with no scope: it settles the direction of
 * the neutral characters next to it (parentheses, digits, punctuation at the end of an RTL name)
 * and cannot reorder the rest of the text, and RTL text legitimately holds them. So are zero-width
 * (non-)joiners U+200C and U+200D, which emoji sequences and several scripts need, and every other
 * character.
 *
 * All of them are in the Basic Multilingual Plane: one class of UTF-16 code units, no `u` flag, so
 * that a value without any costs a single test.
 */
const CONTROL_CHARACTER = controlCharacterPattern();
const CONTROL_CHARACTERS = controlCharacterPattern({ global: true });

/** Most distinct characters a message names. */
const MAX_NAMED = 5;

/**
 * Whether a text holds a control character other than tab, line feed and carriage return
 * (U+0000–U+001F but those three, U+007F–U+009F) or an invisible formatting character (the
 * bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the line and
 * paragraph separators U+2028 and U+2029): what loading removes from free text with a
 * `schema/control-character` warning, and what the scaffolder's actions refuse at their input.
 * The marks U+200E, U+200F and U+061C, the zero-width joiners and every other character are text.
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

/** What a removed character is, for the wording of a message. */
type Kind = 'control' | 'bidi' | 'separator';

function kindOf(char: string): Kind {
  const code = char.charCodeAt(0);
  if (code < 0x2000) return 'control';
  return code === 0x2028 || code === 0x2029 ? 'separator' : 'bidi';
}

/** Why a kind of character is removed and how to delete it, for a message. */
const HINTS: Record<Kind, string> = {
  control:
    'an escape such as \\u001b or \\b, often a pasted terminal colour code',
  bidi: 'a bidirectional control such as \\u202e makes the text display in another order than it is written',
  separator:
    '\\u2028 and \\u2029 break the line in some renderers only; write a line break as \\n',
};

/**
 * The distinct removed characters of a text as escapes, in order of first appearance, and their
 * kinds.
 */
function namedControlCharacters(text: string): {
  named: string;
  kinds: Set<Kind>;
} {
  const seen: string[] = [];
  const kinds = new Set<Kind>();
  let more = false;
  for (const match of text.matchAll(CONTROL_CHARACTERS)) {
    kinds.add(kindOf(match[0]));
    const escape = unicodeEscape(match[0]);
    if (seen.includes(escape)) continue;
    if (seen.length === MAX_NAMED) {
      more = true;
      continue;
    }
    seen.push(escape);
  }
  return { named: `${seen.join(', ')}${more ? ', …' : ''}`, kinds };
}

function reportControlCharacters(
  ctx: CheckContext,
  text: string,
  path: readonly KeyPathPart[],
): void {
  const { named, kinds } = namedControlCharacters(text);
  const control = kinds.has('control');
  const formatting = kinds.has('bidi') || kinds.has('separator');
  let what = 'control characters';
  if (formatting) {
    what = control
      ? 'control and invisible formatting characters'
      : 'invisible formatting characters';
  }
  const hints = (['control', 'bidi', 'separator'] as const)
    .filter(kind => kinds.has(kind))
    .map(kind => HINTS[kind])
    .join('; ');
  report(
    ctx,
    'warning',
    'schema/control-character',
    `${ctx.subject}: ${pathLabel(
      path,
    )} holds ${what} (${named}), which are removed from what the catalog, the portal and the CLI show. Delete them from the string in the TOML file (${hints}); tabs and line breaks are allowed.`,
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
