import { isTable } from '../load/fieldCheck';
import { isSecretLookingKey } from '../load/secrets';
import { joinKeyPath, KeyPathPart } from '../load/keyPath';
import { toIsoDate } from '../model/units';
import { detectSecret } from '../validation/secrets/detectSecret';
import { FieldChange } from './types';

/** What a secret-looking value is shown as. */
export const HIDDEN = '(hidden)';

/**
 * A JSON-safe copy of a TOML value: dates as text, secrets hidden (an array element also by the
 * element before it: the value after `"--password"`).
 */
function present(value: unknown, key: string, previous?: unknown): unknown {
  if (value instanceof Date) return toIsoDate(value) ?? value.toISOString();
  if (Array.isArray(value)) {
    if (isSecretLookingKey(key)) return HIDDEN;
    return value.map((item, i) =>
      present(item, key, i > 0 ? value[i - 1] : undefined),
    );
  }
  if (isTable(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = present(value[k], k);
    return out;
  }
  if (
    detectSecret(key, value, previous) ||
    (isSecretLookingKey(key) && typeof value === 'string')
  ) {
    return HIDDEN;
  }
  return value;
}

/** Deep equality of two TOML values (dates by instant, tables regardless of key order). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) {
    return (
      a instanceof Date &&
      b instanceof Date &&
      a.getTime() === b.getTime() &&
      String(a) === String(b)
    );
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, k) => sameValue(item, b[k]))
    );
  }
  if (isTable(a) && isTable(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every(k => k in b && sameValue(a[k], b[k]))
    );
  }
  return false;
}

/**
 * The field changes between two tables as written: sub-tables are compared key by key (paths
 * dotted), arrays and scalars as whole values. Sorted by path.
 *
 * @param before - the table in base
 * @param after - the table in head
 * @public
 */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const walk = (
    a: Record<string, unknown>,
    b: Record<string, unknown>,
    path: KeyPathPart[],
  ) => {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const x = a[key];
      const y = b[key];
      if (isTable(x) && isTable(y)) {
        walk(x, y, [...path, key]);
        continue;
      }
      if (x !== undefined && y !== undefined && sameValue(x, y)) continue;
      const change: FieldChange = { path: joinKeyPath([...path, key]) };
      if (x !== undefined) change.before = present(x, key);
      if (y !== undefined) change.after = present(y, key);
      changes.push(change);
    }
  };
  walk(before, after, []);
  return changes.sort((p, q) =>
    p.path < q.path ? -1 : Number(p.path > q.path),
  );
}
