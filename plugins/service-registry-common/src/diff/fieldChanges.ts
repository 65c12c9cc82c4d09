import { isTable } from '../load/fieldCheck';
import { isSecretLookingKey } from '../load/secrets';
import { joinKeyPath, KeyPathPart } from '../load/keyPath';
import { toIsoDate } from '../model/units';
import { ArrayElement } from '../validation/secrets/commandArrays';
import { detectSecret } from '../validation/secrets/detectSecret';
import { isLeftOutTooDeep, LEFT_OUT_TOO_DEEP } from '../validation/servedDepth';
import { FieldChange } from './types';

/** What a secret-looking value is shown as. */
export const HIDDEN = '(hidden)';

/** A value {@link present} has still to copy, and where its copy goes. */
interface PresentSlot {
  value: unknown;
  key: string;
  previous: unknown;
  /** For an array element, the array and where the element is in it (a command's arguments). */
  element: ArrayElement | undefined;
  into: Record<string, unknown> | unknown[];
  at: string | number;
  /** How many levels below the copied value. */
  depth: number;
}

/**
 * A JSON-safe copy of a TOML value: dates as text, secrets hidden (an array element also by the
 * element before it, the value after `"--password"`, and by its array, the password of a command
 * written as its arguments: `["sshpass", "-p", "..."]`), and an array or a table that holds
 * anything `MAX_SERVED_DEPTH` levels down left out (see `isLeftOutTooDeep`). Walks with
 * its own stack: a table nested thousands deep is copied without a stack overflow, and its copy
 * can be encoded as JSON.
 */
function present(value: unknown, key: string): unknown {
  const root: unknown[] = [];
  // LIFO: the elements and keys of a value are pushed last to first, so that each copy is
  // filled in order (tables keep their sorted key order)
  const pending: PresentSlot[] = [
    {
      value,
      key,
      previous: undefined,
      element: undefined,
      into: root,
      at: 0,
      depth: 0,
    },
  ];
  for (let slot = pending.pop(); slot; slot = pending.pop()) {
    const { value: v, key: k, previous, element, depth } = slot;
    let out: unknown = v;
    if (v instanceof Date) {
      out = toIsoDate(v) ?? v.toISOString();
    } else if ((Array.isArray(v) || isTable(v)) && isLeftOutTooDeep(v, depth)) {
      out = LEFT_OUT_TOO_DEEP;
    } else if (Array.isArray(v)) {
      if (isSecretLookingKey(k)) {
        out = HIDDEN;
      } else {
        const list: unknown[] = [];
        for (let i = v.length - 1; i >= 0; i--) {
          pending.push({
            value: v[i],
            key: k,
            previous: i > 0 ? v[i - 1] : undefined,
            element: { array: v, index: i },
            into: list,
            at: i,
            depth: depth + 1,
          });
        }
        out = list;
      }
    } else if (isTable(v)) {
      const table: Record<string, unknown> = {};
      const keys = Object.keys(v).sort();
      for (let i = keys.length - 1; i >= 0; i--) {
        const sub = keys[i];
        pending.push({
          value: v[sub],
          key: sub,
          previous: undefined,
          element: undefined,
          into: table,
          at: sub,
          depth: depth + 1,
        });
      }
      out = table;
    } else if (
      detectSecret(k, v, previous, element) ||
      (isSecretLookingKey(k) && typeof v === 'string')
    ) {
      out = HIDDEN;
    }
    (slot.into as Record<string | number, unknown>)[slot.at] = out;
  }
  return root[0];
}

/** Equality of two scalars: `===`, except that TOML's `nan` is the same as `nan`. */
function sameScalar(a: unknown, b: unknown): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Deep equality of two TOML values (dates by instant, tables regardless of key order, `nan` as
 * `nan`). Walks with its own stack: tables nested thousands deep compare without a stack overflow.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (sameScalar(a, b)) return true;
  // two different scalars, or a scalar and anything else (the common case: no stack)
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  ) {
    return false;
  }
  // pairs still to compare, flat: [x0, y0, x1, y1, ...]
  const pending: unknown[] = [a, b];
  while (pending.length > 0) {
    const y = pending.pop();
    const x = pending.pop();
    if (sameScalar(x, y)) continue;
    if (x instanceof Date || y instanceof Date) {
      if (
        x instanceof Date &&
        y instanceof Date &&
        x.getTime() === y.getTime() &&
        String(x) === String(y)
      ) {
        continue;
      }
      return false;
    }
    if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) {
        return false;
      }
      for (let k = 0; k < x.length; k++) pending.push(x[k], y[k]);
      continue;
    }
    if (!isTable(x) || !isTable(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) {
      if (!(k in y)) return false;
      pending.push(x[k], y[k]);
    }
  }
  return true;
}

/** The key path of a table {@link fieldChanges} compares: its key, and its parent's path. */
interface PathNode {
  key: string;
  parent: PathNode | undefined;
}

/** The parts of the path of `key` in the table at `node`. */
function pathTo(node: PathNode | undefined, key: string): KeyPathPart[] {
  const parts: KeyPathPart[] = [key];
  for (let n = node; n; n = n.parent) parts.push(n.key);
  return parts.reverse();
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
  // the pairs of tables still to compare (with their own stack: tables nested thousands deep
  // compare without a stack overflow); the order does not matter, the changes are sorted
  const pending: Array<
    [Record<string, unknown>, Record<string, unknown>, PathNode | undefined]
  > = [[before, after, undefined]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [a, b, node] = next;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const x = a[key];
      const y = b[key];
      if (isTable(x) && isTable(y)) {
        pending.push([x, y, { key, parent: node }]);
        continue;
      }
      if (x !== undefined && y !== undefined && sameValue(x, y)) continue;
      const change: FieldChange = { path: joinKeyPath(pathTo(node, key)) };
      if (x !== undefined) change.before = present(x, key);
      if (y !== undefined) change.after = present(y, key);
      changes.push(change);
    }
  }
  return changes.sort((p, q) =>
    p.path < q.path ? -1 : Number(p.path > q.path),
  );
}
