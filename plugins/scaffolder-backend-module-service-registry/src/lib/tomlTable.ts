/**
 * True for a TOML table as smol-toml parses it or an edit writes it: a plain object, not an
 * array or a date.
 */
export function isTable<T = unknown>(
  value: unknown,
): value is { [key: string]: T } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  );
}
