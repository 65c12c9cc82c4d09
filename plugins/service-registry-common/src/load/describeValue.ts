import { detectSecret } from '../validation/secrets/detectSecret';
import { tomlBasicString } from './keyPath';
import { isSecretLookingKey } from './secrets';
import { shortText } from './shortText';

const MAX_LENGTH = 60;

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

/** A kind of value with its article, for messages: `an array`, `a table`. */
function aKind(value: unknown): string {
  const kind = tomlKind(value);
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/**
 * Shows a value in a message: short scalars as written (`inf` and `nan` as TOML writes them;
 * strings cut to 60 code units, never inside a character, in JSON form: control characters and
 * bidirectional controls are escapes such as `\u001b`, `\u202e`), other values by kind. Never
 * shows the value of a key that looks secret, nor a value that looks like a credential (see
 * `detectSecret`): that is judged on the whole value, before it is cut, so that no message built
 * from a value echoes a credential or a piece of one.
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
  if (isSecretLookingKey(key)) return `${aKind(value)} (value hidden)`;
  const secret =
    detectSecret(key, whole) ??
    (whole === value ? undefined : detectSecret(key, value));
  if (secret) return `${aKind(value)} (value hidden: it looks like ${secret})`;
  if (typeof value === 'string') {
    return tomlBasicString(shortText(value, MAX_LENGTH));
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    // as TOML writes them
    if (Number.isNaN(value)) return 'nan';
    return value > 0 ? 'inf' : '-inf';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  return aKind(value);
}
