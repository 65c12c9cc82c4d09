import { isTable } from '../../load/fieldCheck';
import { KeyPathPart } from '../../load/keyPath';
import { detectSecret } from './detectSecret';

/** A table or an array being walked, and how far. */
interface Frame {
  /** The table or array. */
  container: Record<string, unknown> | readonly unknown[];
  /** A table's keys; undefined for an array. */
  keys: readonly string[] | undefined;
  /** The index of the next key or element. */
  next: number;
  /** The key its elements are judged under: an array's own key. */
  key: string;
}

/**
 * Walks a TOML table and reports every value that looks like a credential (see
 * {@link detectSecret}): each element of an array is judged under the array's key, with the
 * element before it (the value of a flag `"--password", "..."`).
 *
 * Every value is judged, however deep it is nested: the walk keeps its own stack rather than
 * recursing, so that a table nested thousands of levels deep (a dotted key or a header of that
 * many parts, which the parser's depth limit does not cover) neither overflows the call stack
 * nor hides a secret below some depth. A table or an array met again inside itself (only an
 * object built by hand can hold one) is not walked again.
 *
 * @param table - the table as written
 * @param onSecret - receives the value's path relative to the table (a buffer reused between
 *   calls: copy it to keep it) and the kind of credential; never the value
 */
export function findSecrets(
  table: Record<string, unknown>,
  onSecret: (path: readonly KeyPathPart[], kind: string) => void,
): void {
  // One mutable path: copying it for every value would dominate on large registries. It holds
  // the key or index of each frame's current child but the last frame's: `path.length` is
  // `stack.length - 1` between steps.
  const path: KeyPathPart[] = [];
  const stack: Frame[] = [
    { container: table, keys: Object.keys(table), next: 0, key: '' },
  ];
  // the containers of the frames on the stack: a cycle would otherwise never end
  const open = new Set<object>([table]);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const { container, keys } = frame;
    const length = keys ? keys.length : (container as unknown[]).length;
    if (frame.next >= length) {
      stack.pop();
      open.delete(container);
      path.pop();
      continue;
    }
    const at = frame.next++;
    let part: KeyPathPart;
    let key: string;
    let value: unknown;
    let previous: unknown;
    if (keys) {
      part = keys[at];
      key = part;
      value = (container as Record<string, unknown>)[part];
    } else {
      const array = container as readonly unknown[];
      part = at;
      key = frame.key;
      value = array[at];
      previous = at > 0 ? array[at - 1] : undefined;
    }
    path.push(part);
    if (isTable(value) || Array.isArray(value)) {
      if (!open.has(value)) {
        open.add(value);
        stack.push({
          container: value,
          keys: Array.isArray(value) ? undefined : Object.keys(value),
          next: 0,
          key,
        });
        continue;
      }
    } else {
      const kind = detectSecret(key, value, previous);
      if (kind) onSecret(path, kind);
    }
    path.pop();
  }
}
