/**
 * A value computed when first needed. Subclass it to keep what the computation needs in fields
 * (cheaper than a closure per object), or use {@link deferred} with a function.
 */
export abstract class Deferred<T> {
  /** Computes the value; called at most once per lazy property. */
  abstract resolve(): T;
}

class DeferredCall<T> extends Deferred<T> {
  constructor(private readonly compute: () => T) {
    super();
  }

  resolve(): T {
    return this.compute();
  }
}

/**
 * A {@link Deferred} of a function without arguments.
 *
 * @param compute - computes the value
 */
export function deferred<T>(compute: () => T): Deferred<T> {
  return new DeferredCall(compute);
}

/** A class whose constructor returns the object it is given (so that subclasses stamp it). */
class Stamped {
  constructor(target: object) {
    // eslint-disable-next-line no-constructor-return
    return target as Stamped;
  }
}

/**
 * A lazily computed, enumerable property `key` for many objects.
 *
 * Every object gets the same getter and setter (so objects built alike keep sharing their hidden
 * class), and its own pending computation in a private field (added to the object by a
 * subclass of {@link Stamped}: invisible to keys, symbols, copies and deep equality, and cheaper
 * to add than a hidden property). The property is enumerable, so `Object.keys`, spreads,
 * `JSON.stringify` and deep equality see it like a plain value; the computation runs the first
 * time it is read, never if it is not, and its result is kept. Assigning the property replaces
 * the value.
 */
export class LazyProperty<K extends string> {
  private readonly accessor: PropertyDescriptor;
  private readonly stamp: (target: object, value: unknown) => void;
  private readonly peekSlot: (target: object) => unknown;

  constructor(readonly key: K) {
    class Slot extends Stamped {
      #value: unknown;

      constructor(target: object, value: unknown) {
        super(target);
        this.#value = value;
      }

      static get(target: object): unknown {
        return (target as Slot).#value;
      }

      static set(target: object, value: unknown): void {
        (target as Slot).#value = value;
      }

      static peek(target: object): unknown {
        return #value in target ? (target as Slot).#value : undefined;
      }
    }
    this.peekSlot = Slot.peek;
    this.stamp = (target, value) => {
      // eslint-disable-next-line no-new
      new Slot(target, value);
    };
    this.accessor = {
      enumerable: true,
      configurable: true,
      get(this: object) {
        let value = Slot.get(this);
        if (value instanceof Deferred) {
          value = value.resolve();
          Slot.set(this, value);
        }
        return value;
      },
      set(this: object, value: unknown) {
        Slot.set(this, value);
      },
    };
  }

  /**
   * What the property of an object holds without computing it: its pending {@link Deferred}, or
   * its value once computed or assigned (undefined for an object it was not defined on).
   *
   * @param target - the object
   */
  peek(target: object): unknown {
    return this.peekSlot(target);
  }

  /**
   * Defines the property on an object. Define it where the plain property would have been
   * created, so that the key order stays the same.
   *
   * @param target - the object
   * @param value - the computation, or the value itself when already known
   */
  define<T extends { [P in K]?: unknown }>(
    target: T,
    value: Deferred<T[K]> | T[K],
  ): void {
    this.stamp(target, value);
    Object.defineProperty(target, this.key, this.accessor);
  }
}

/**
 * Memoises a function without arguments: `compute` runs on the first call only.
 *
 * @param compute - computes the value, at most once
 */
export function memo<T>(compute: () => T): () => T {
  let value: T | undefined;
  let pending: (() => T) | undefined = compute;
  return () => {
    if (pending !== undefined) {
      value = pending();
      pending = undefined;
    }
    return value as T;
  };
}

/** The lazy `positions` of services, projects and deployments. */
export const LAZY_POSITIONS = new LazyProperty('positions');
