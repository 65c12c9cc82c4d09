import { detectSecret } from '../validation/secrets/detectSecret';
import { controlCharacterPattern } from './controlCharacterPattern';
import { isSecretLookingKey } from './secrets';

const MAX_LENGTH = 60;

/*
 * What JSON.stringify leaves as it is (it escapes only U+0000 to U+001F) of the characters loading
 * removes from free text (see `hasControlCharacter`): DEL and the C1 controls, the line and
 * paragraph separators U+2028 and U+2029, and the bidirectional embeddings, overrides and isolates
 * U+202A–U+202E and U+2066–U+2069. Escaped too, so that a message never holds a raw control
 * character, nor a bidirectional override that would show the rest of the message (or the text
 * of whatever quotes it) in another order than it is written.
 */
const UNESCAPED_BY_JSON = controlCharacterPattern({ global: true });

/** A character as a JSON / TOML escape: `\u001b`. */
export function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Kind of a TOML value, for messages: string, integer, float, boolean, date, array, table.
 */
export function tomlKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'float';
  }
  if (typeof value === 'object' && value !== null) return 'table';
  return typeof value;
}

/**
 * Shows a value in a message: short scalars as written (strings cut to 60 characters, in JSON
 * form: control characters and bidirectional controls are escapes such as `\u001b`, `\u202e`),
 * other values by kind. Never shows the value of a key that looks secret, nor a value that looks
 * like a credential (see `detectSecret`): that is judged on the whole value, before it is cut, so
 * that no message built from a value echoes a credential or a piece of one.
 *
 * @param value - the value, or the part of a value the message is about (e.g. the service id of
 *   a dependency entry `"id@range"`)
 * @param key - the key's own name, to hide secrets
 * @param whole - the whole value `value` is part of, when it is a part: hidden too when the
 *   whole looks like a credential
 */
export function describeValue(
  value: unknown,
  key: string,
  whole: unknown = value,
): string {
  if (isSecretLookingKey(key)) return `a ${tomlKind(value)} (value hidden)`;
  const secret =
    detectSecret(key, whole) ??
    (whole === value ? undefined : detectSecret(key, value));
  if (secret)
    return `a ${tomlKind(value)} (value hidden: it looks like ${secret})`;
  if (typeof value === 'string') {
    const text =
      value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value;
    return JSON.stringify(text).replace(UNESCAPED_BY_JSON, unicodeEscape);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  return `a ${tomlKind(value)}`;
}
