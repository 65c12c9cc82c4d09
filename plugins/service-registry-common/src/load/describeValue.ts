import { isSecretLookingKey } from './secrets';

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

/**
 * Shows a value in a message: short scalars as written, other values by kind, and never the
 * value of a key that looks secret.
 *
 * @param value - the value
 * @param key - the key's own name, to hide secrets
 */
export function describeValue(value: unknown, key: string): string {
  if (isSecretLookingKey(key)) return `a ${tomlKind(value)} (value hidden)`;
  if (typeof value === 'string') {
    const text =
      value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  return `a ${tomlKind(value)}`;
}
