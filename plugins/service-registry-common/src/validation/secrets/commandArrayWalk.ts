import { KeyPathPart } from '../../load/keyPath';
import { ArrayElement, startsCommand } from './commandArrays';

/** An array that starts a command, met by a walk, and where it is. */
interface WalkedArray {
  array: readonly unknown[];
  /** The length of its elements' paths. */
  depth: number;
  /** The last part of its own path (its key or index). */
  part: KeyPathPart;
}

/**
 * Finds, for the array elements a walk of a table meets in order (`walkValues`, which gives each
 * element's path but not its array), the array of those in an array that starts a command (see
 * `startsCommand`: `["sshpass", "-p", "...", "ssh", "host"]`), so that they are judged as its
 * arguments. The array is looked up from the table along the path once, at its first element;
 * other arrays cost a test of their first element.
 */
export class CommandArrayWalk {
  private current: WalkedArray | undefined;

  /** @param table - the table walked */
  constructor(private readonly table: Record<string, unknown>) {}

  /**
   * The element at a path, with its array, when the array starts a command.
   *
   * @param path - the element's path, relative to the table
   * @param value - the element
   */
  elementAt(
    path: readonly KeyPathPart[],
    value: unknown,
  ): ArrayElement | undefined {
    const depth = path.length;
    const index = path[depth - 1];
    if (typeof index !== 'number' || depth < 2) return undefined;
    if (index === 0) {
      this.current = startsCommand(value) ? this.arrayAt(path) : undefined;
    }
    const current = this.current;
    if (
      current === undefined ||
      current.depth !== depth ||
      current.part !== path[depth - 2] ||
      current.array[index] !== value
    ) {
      return undefined;
    }
    return { array: current.array, index };
  }

  /** The array an element at a path is in, looked up from the table. */
  private arrayAt(path: readonly KeyPathPart[]): WalkedArray | undefined {
    let node: unknown = this.table;
    for (let i = 0; i < path.length - 1; i++) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[path[i]];
    }
    return Array.isArray(node)
      ? { array: node, depth: path.length, part: path[path.length - 2] }
      : undefined;
  }
}
