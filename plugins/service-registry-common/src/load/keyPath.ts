import {
  controlCharacterPattern,
  escapeControlCharacters,
} from './controlCharacterPattern';

/**
 * One step of a key path: a table key, or the index of an array element.
 *
 * @public
 */
export type KeyPathPart = string | number;

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * A character a TOML basic string escapes (`"`, `\`, every C0 control and those loading
 * removes), or a surrogate (JSON.stringify escapes a lone one; a pair takes the long way too).
 */
const ESCAPED = new RegExp(
  `["\\\\\\ud800-\\udfff]|${
    controlCharacterPattern({ lineBreaks: true }).source
  }`,
);

/**
 * A text as a TOML basic string (`"a.b"`, `"tab\there"`), for keys and values that a message or
 * a key path quotes: JSON's escapes (which TOML shares), and every character loading removes
 * from free text (DEL, C1, line and paragraph separators, bidirectional controls) as a `\uXXXX`
 * escape too, so that a quoted key never brings a raw control character into a message, nor a
 * bidirectional override that would show the message in another order than it is written. One
 * text gives one quoted form, and two texts never the same.
 */
export function tomlBasicString(text: string): string {
  // most texts quoted (ids, keys) need no escape
  if (!ESCAPED.test(text)) return `"${text}"`;
  // JSON.stringify escapes U+0000 to U+001F only: DEL, C1, U+2028/2029 and the bidirectional
  // controls are escaped after it
  return escapeControlCharacters(JSON.stringify(text));
}

/** Whether a key is written without quotes in TOML (a bare key). */
export function isBareKey(key: string): boolean {
  return BARE_KEY.test(key);
}

/**
 * Joins key path parts into the dotted form used to key positions: bare keys as they are,
 * array indices as numbers, other keys quoted as TOML basic strings (`service.x."a.b".tags.0`,
 * see `tomlBasicString`).
 *
 * @public
 */
export function joinKeyPath(parts: readonly KeyPathPart[]): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const text =
      typeof part === 'number' || isBareKey(part)
        ? String(part)
        : tomlBasicString(part);
    out = i === 0 ? text : `${out}.${text}`;
  }
  return out;
}
