import { detectSecret, redactSecrets } from './detectSecret';

/**
 * A copy of JSON data (an API answer holding registry tables as written; values with a `toJSON`,
 * such as dates, are taken as they serialise) in which every value
 * that looks like a credential (see {@link detectSecret}; an array element is judged under its
 * array's key, with the element before it: `"--password", "..."`) reads `(hidden: <kind>)`, and
 * credentials of a well-known form inside other strings are replaced as {@link redactSecrets}
 * does. The registry's validation reports such
 * values as `security/secret-value` errors; an answer must not hand them to every reader of the
 * portal meanwhile.
 *
 * @param value - JSON data
 * @public
 */
export function hideSecretValues<T>(value: T): T {
  const visit = (given: unknown, key: string, previous?: unknown): unknown => {
    // dates (TOML dates included) and other values that serialise themselves
    const current =
      given !== null &&
      typeof given === 'object' &&
      typeof (given as { toJSON?: unknown }).toJSON === 'function'
        ? (given as { toJSON(): unknown }).toJSON()
        : given;
    if (Array.isArray(current)) {
      return current.map((item, index) =>
        visit(item, key, index > 0 ? current[index - 1] : undefined),
      );
    }
    if (current !== null && typeof current === 'object') {
      const out: Record<string, unknown> = {};
      for (const [child, inner] of Object.entries(current)) {
        out[child] = visit(inner, child);
      }
      return out;
    }
    const kind = detectSecret(key, current, previous);
    if (kind) return `(hidden: ${kind})`;
    return typeof current === 'string' ? redactSecrets(current) : current;
  };
  return visit(value, '') as T;
}
