import { isLeftOutTooDeep, LEFT_OUT_TOO_DEEP } from '../servedDepth';
import { ArrayElement } from './commandArrays';
import { detectSecret, redactSecrets } from './detectSecret';

/** An array or an object of the input being copied, and how far. */
interface Frame {
  /** The array, or the object's entries. */
  items: readonly unknown[] | ReadonlyArray<[string, unknown]>;
  /** Whether `items` are an object's entries. */
  entries: boolean;
  /** The copy being filled. */
  out: unknown[] | Record<string, unknown>;
  /** The index of the next item. */
  next: number;
  /** The key an array's elements are judged under: the array's own key. */
  key: string;
  /** The array or object copied (the value as it serialises), while its copy is being filled. */
  source: object;
}

/** A value as JSON takes it: dates (TOML dates included) and others with a `toJSON`, serialised. */
function asSerialised(given: unknown): unknown {
  return given !== null &&
    typeof given === 'object' &&
    typeof (given as { toJSON?: unknown }).toJSON === 'function'
    ? (given as { toJSON(): unknown }).toJSON()
    : given;
}

/**
 * A copy of JSON data (an API answer holding registry tables as written; values with a `toJSON`,
 * such as dates, are taken as they serialise) in which every value
 * that looks like a credential (see {@link detectSecret}; an array element is judged under its
 * array's key, with the element before it: `"--password", "..."`, and as an argument of the command
 * the array writes: `["sshpass", "-p", "...", "ssh", "host"]`) reads `(hidden: <kind>)`, and
 * credentials of a well-known form inside other strings are replaced as {@link redactSecrets}
 * does. The registry's validation reports such
 * values as `security/secret-value` errors; an answer must not hand them to every reader of the
 * portal meanwhile.
 *
 * The copy keeps its own stack rather than recursing, and stops `MAX_SERVED_DEPTH` levels
 * down: an array or object there that holds anything (a table of a dotted key or a header of
 * thousands of parts) reads `LEFT_OUT_TOO_DEEP`, so that the copy can be encoded as JSON. Data that
 * holds itself (a cycle, which JSON cannot hold either) throws a `TypeError`.
 *
 * @param value - JSON data
 * @public
 */
export function hideSecretValues<T>(value: T): T {
  const stack: Frame[] = [];
  // the arrays and objects of the frames on the stack: a cycle would otherwise never end
  const open = new Set<object>();
  // the copy of a value: a scalar as shown, or an empty array or object that the stack fills
  const copyOf = (
    given: unknown,
    key: string,
    previous?: unknown,
    element?: ArrayElement,
  ): unknown => {
    const current = asSerialised(given);
    if (current !== null && typeof current === 'object') {
      // the value's depth is the number of frames above it
      if (isLeftOutTooDeep(current, stack.length)) return LEFT_OUT_TOO_DEEP;
      if (open.has(current)) {
        throw new TypeError(
          'hideSecretValues: the data holds itself (a cycle), which JSON cannot hold',
        );
      }
      open.add(current);
      const isArray = Array.isArray(current);
      const out: unknown[] | Record<string, unknown> = isArray ? [] : {};
      stack.push({
        items: isArray ? current : Object.entries(current),
        entries: !isArray,
        out,
        next: 0,
        key,
        source: current,
      });
      return out;
    }
    const kind = detectSecret(key, current, previous, element);
    if (kind) return `(hidden: ${kind})`;
    return typeof current === 'string' ? redactSecrets(current) : current;
  };
  const result = copyOf(value, '');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.items.length) {
      stack.pop();
      open.delete(frame.source);
      continue;
    }
    const at = frame.next++;
    if (frame.entries) {
      const [child, inner] = (frame.items as ReadonlyArray<[string, unknown]>)[
        at
      ];
      (frame.out as Record<string, unknown>)[child] = copyOf(inner, child);
    } else {
      const items = frame.items as readonly unknown[];
      (frame.out as unknown[])[at] = copyOf(
        items[at],
        frame.key,
        at > 0 ? items[at - 1] : undefined,
        { array: items, index: at },
      );
    }
  }
  return result as T;
}
