/** Longest error text quoted in a log line. */
const MAX_ERROR_TEXT = 200;

/**
 * An error of another system (the catalog, GitHub), as a log line may quote it: its kind and the
 * first line of its message, at most 200 characters.
 *
 * @param error - what was thrown
 */
export function errorText(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown };
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const message =
    typeof e?.message === 'string' ? e.message.split('\n')[0] : '';
  const text = message ? `${name}: ${message}` : name;
  return text.length > MAX_ERROR_TEXT
    ? `${text.slice(0, MAX_ERROR_TEXT)}…`
    : text;
}
