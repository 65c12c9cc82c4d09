import { redactSecrets } from '../validation/secrets/detectSecret';
import { RegistryDiff } from './types';

/** A name (an id, an owner, a version): no whitespace and no `/`, unlike a message or a path. */
const NAME = /^[^\s/]+$/;

/**
 * A string of a diff as it may be shown: a name that holds a credential of a well-known form (a
 * token pasted as a service id, see `redactSecrets`) reads `(hidden)`, whole; in other text (a
 * message, a file's path) the credential alone is replaced.
 */
function shown(text: string): string {
  const redacted = redactSecrets(text);
  if (redacted === text) return text;
  return NAME.test(text) ? '(hidden)' : redacted;
}

/** An array or an object being copied, and how far. */
interface Frame {
  /** The array's elements, or the object's entries. */
  items: readonly unknown[] | ReadonlyArray<[string, unknown]>;
  /** Whether `items` are an object's entries. */
  entries: boolean;
  /** The copy being filled. */
  out: unknown[] | Record<string, unknown>;
  /** The index of the next item. */
  next: number;
}

/**
 * A copy of a diff in which no string holds a credential of a well-known form: a service or
 * project whose id is one (someone pasted a token as a service id) is named `(hidden)` in
 * `added`, `removed`, the changes, breaking changes, impacts, SLA impacts and approvals alike,
 * and messages quoting it have it replaced. The CLI (text, JSON, markdown, annotations) and the
 * backend show a diff as it is. Object keys and values that are not strings are kept; the diff
 * shares the registries' tables in its field changes, so it is copied rather than changed. The
 * copy keeps its own stack, so deep field values do not exhaust the call stack.
 *
 * @param diff - the diff as computed
 */
export function hideCredentialIds(diff: RegistryDiff): RegistryDiff {
  const stack: Frame[] = [];
  const copyOf = (value: unknown): unknown => {
    if (typeof value === 'string') return shown(value);
    if (value === null || typeof value !== 'object') return value;
    // dates and other values that serialise themselves are kept as they are
    if (
      Object.getPrototypeOf(value) !== Object.prototype &&
      !Array.isArray(value)
    ) {
      return value;
    }
    const isArray = Array.isArray(value);
    const out: unknown[] | Record<string, unknown> = isArray ? [] : {};
    stack.push({
      items: isArray ? value : Object.entries(value),
      entries: !isArray,
      out,
      next: 0,
    });
    return out;
  };
  const result = copyOf(diff);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.items.length) {
      stack.pop();
      continue;
    }
    const at = frame.next++;
    if (frame.entries) {
      const [key, inner] = (frame.items as ReadonlyArray<[string, unknown]>)[
        at
      ];
      (frame.out as Record<string, unknown>)[key] = copyOf(inner);
    } else {
      (frame.out as unknown[])[at] = copyOf((frame.items as unknown[])[at]);
    }
  }
  return result as RegistryDiff;
}
