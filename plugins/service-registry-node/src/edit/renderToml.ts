/**
 * A value the registry editor can write: strings, finite numbers, booleans, dates, arrays of
 * values and tables of values. A `Date` is written by its `toISOString()`: a plain `Date` as an
 * offset date-time, smol-toml's `TomlDate` in the form it was read (a local date stays
 * `2026-01-01`). The actions write lifecycle dates as `"YYYY-MM-DD"` strings, which the registry
 * accepts wherever it takes a date.
 *
 * @public
 */
export type TomlEditValue =
  | string
  | number
  | boolean
  | Date
  | TomlEditValue[]
  | { [key: string]: TomlEditValue };

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** Whether a value is a plain table (an object that is not an array). */
export function isTable(
  value: unknown,
): value is { [key: string]: TomlEditValue } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  );
}

/** A TOML basic string: quotes, backslashes and control characters escaped. */
function renderString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += value[i] + value[i + 1];
        i++;
        continue;
      }
      throw new TypeError(
        'Cannot write a string with an unpaired UTF-16 surrogate to TOML; send valid Unicode text.',
      );
    }
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c === 0x7f) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += value[i];
  }
  return `${out}"`;
}

/**
 * Renders one key part: bare when it can be, else a quoted basic string (so that no key can
 * break out of its place, e.g. `a"]` stays one quoted key).
 *
 * @public
 */
export function renderTomlKey(key: string): string {
  return BARE_KEY.test(key) ? key : renderString(key);
}

/**
 * Renders a dotted key from its parts.
 *
 * @public
 */
export function renderTomlDottedKey(parts: readonly string[]): string {
  return parts.map(renderTomlKey).join('.');
}

/**
 * Renders a value as TOML: arrays and tables inline, on one line.
 *
 * @throws TypeError for values TOML cannot hold (non-finite numbers, null, undefined, functions)
 * @public
 */
export function renderTomlValue(value: TomlEditValue): string {
  switch (typeof value) {
    case 'string':
      return renderString(value);
    case 'boolean':
      return String(value);
    case 'number':
      if (!Number.isFinite(value)) {
        throw new TypeError(
          `Cannot write ${value} to TOML: only finite numbers are allowed.`,
        );
      }
      if (Number.isInteger(value)) {
        if (!Number.isSafeInteger(value)) {
          throw new TypeError(
            `Cannot write ${value} to TOML exactly: integers must be within ±2^53.`,
          );
        }
        return String(value);
      }
      // JavaScript writes `0.5`, `1.5e-7` or `1.5e+300`: all valid TOML floats
      return String(value);
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) {
          throw new TypeError('Cannot write an invalid date to TOML.');
        }
        return value.toISOString();
      }
      if (Array.isArray(value)) {
        return `[${value.map(renderTomlValue).join(', ')}]`;
      }
      if (isTable(value)) {
        const entries = Object.entries(value);
        if (entries.length === 0) return '{}';
        return `{ ${entries
          .map(([k, v]) => `${renderTomlKey(k)} = ${renderTomlValue(v)}`)
          .join(', ')} }`;
      }
      break;
    default:
      break;
  }
  throw new TypeError(
    `Cannot write a value of type ${
      value === null ? 'null' : typeof value
    } to TOML: use a string, a number, a boolean, an array or a table.`,
  );
}
