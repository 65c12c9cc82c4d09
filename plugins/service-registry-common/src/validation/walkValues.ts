import { isTable } from '../load/fieldCheck';
import { KeyPathPart } from '../load/keyPath';

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
 * Receives the values {@link walkValues} meets. Paths are relative to the walked table, in a
 * buffer reused between calls: copy one to keep it.
 */
export interface ValueVisitor {
  /**
   * A value that is neither a table nor an array.
   *
   * @param path - where it is
   * @param key - the key it is written under: for an array element, the array's own key
   * @param value - the value
   * @param previous - for an array element, the element before it
   */
  scalar?(
    path: readonly KeyPathPart[],
    key: string,
    value: unknown,
    previous: unknown,
  ): void;
  /**
   * With `depth`: each table or array whose path has `depth` parts and that holds anything (what
   * it holds is deeper), once; the walk goes on into it.
   */
  deeper?: {
    /** The number of parts a path may have at most. */
    depth: number;
    /** Receives the path of the table or array. */
    found(path: readonly KeyPathPart[]): void;
  };
}

/**
 * Walks every value of a TOML table (arrays included), however deep: the walk keeps its own stack
 * rather than recursing, so that a table nested thousands of levels deep (a dotted key or a
 * header of that many parts, which the parser's depth limit does not cover) does not overflow
 * the call stack. A table or an array met again inside itself (only an object built by hand can
 * hold one) is not walked again.
 *
 * @param table - the table as written
 * @param visitor - what receives the values
 */
export function walkValues(
  table: Record<string, unknown>,
  visitor: ValueVisitor,
): void {
  const { scalar, deeper } = visitor;
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
    const isArray = Array.isArray(value);
    if (isArray || isTable(value)) {
      const child = value as Record<string, unknown> | readonly unknown[];
      const children = isArray ? undefined : Object.keys(child);
      const size = children ? children.length : (child as unknown[]).length;
      if (deeper && path.length === deeper.depth && size > 0) {
        deeper.found(path);
      }
      if (!open.has(child)) {
        open.add(child);
        stack.push({ container: child, keys: children, next: 0, key });
        continue;
      }
    } else if (scalar) {
      scalar(path, key, value, previous);
    }
    path.pop();
  }
}
