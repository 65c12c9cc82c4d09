/*
 * The characters loading removes from free text, written once (see `hasControlCharacter`): C0
 * other than tab, line feed and carriage return, DEL and C1; the line and paragraph separators
 * U+2028 and U+2029; the bidirectional embeddings, overrides and isolates U+202A–U+202E and
 * U+2066–U+2069. All in the Basic Multilingual Plane: one class of UTF-16 code units, no `u` flag.
 */
const REMOVED = String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069`;
/** The same with tab, line feed and carriage return: every C0 control. */
const REMOVED_WITH_LINE_BREAKS = String.raw`\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069`;

/**
 * A regular expression of one character of those loading removes from free text with a
 * `schema/control-character` warning (see `hasControlCharacter`), for the places that must treat
 * the same characters: a link's URL, a message that quotes a value, the scaffolder's refusal of
 * its inputs. Each call makes a new expression (a global one keeps its own `lastIndex`).
 *
 * @param options - `lineBreaks`: tab, line feed and carriage return too (which free text may
 *   hold, but a URL or a one-line input may not); `global`: the `g` flag, to replace or match all
 * @public
 */
export function controlCharacterPattern(
  options: { lineBreaks?: boolean; global?: boolean } = {},
): RegExp {
  return new RegExp(
    `[${options.lineBreaks ? REMOVED_WITH_LINE_BREAKS : REMOVED}]`,
    options.global ? 'g' : '',
  );
}

const REMOVED_GLOBAL = controlCharacterPattern({ global: true });
const REMOVED_WITH_LINE_BREAKS_GLOBAL = controlCharacterPattern({
  lineBreaks: true,
  global: true,
});

/** A character as a JSON / TOML escape: `\u001b`. */
export function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * The text with each character loading removes from free text (see `controlCharacterPattern`)
 * written as its `\uXXXX` escape: for a message or a log line that shows a text as written
 * (an id, an annotation, another system's error), so that it never holds a raw control
 * character, nor a bidirectional override that would show the rest of the line in another order
 * than it is written.
 *
 * @param text - the text to show
 * @param options - `lineBreaks`: tab, line feed and carriage return too (for one log line)
 * @public
 */
export function escapeControlCharacters(
  text: string,
  options: { lineBreaks?: boolean } = {},
): string {
  return text.replace(
    options.lineBreaks ? REMOVED_WITH_LINE_BREAKS_GLOBAL : REMOVED_GLOBAL,
    unicodeEscape,
  );
}

/**
 * A file's path as a message shows it: what {@link escapeControlCharacters} escapes, tabs and line
 * breaks included (a folder name may hold any of them, and a message is one line).
 *
 * @param path - the path
 */
export function pathInMessage(path: string): string {
  return escapeControlCharacters(path, { lineBreaks: true });
}
