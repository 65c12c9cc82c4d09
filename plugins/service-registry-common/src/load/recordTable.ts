import { SourcePosition } from '../model/types';
import { joinKeyPath } from './keyPath';
import type { TomlKeyPosition } from './positions';

/**
 * The key positions of one table of records of a file (`service` → one record per
 * `[service.<id>]`), kept compactly: the positions below every record in flat arrays, grouped by
 * record, with the relative key paths shared between records (every service's `version` is one
 * string). A record's positions become objects only when asked for, and the caller keeps them:
 * the table itself holds about 12 bytes per key, where the full scan it is made from holds
 * hundreds (a path array, a joined key and an object per key).
 */
export class RecordTable {
  private readonly slots = new Map<string, number>();
  /** Line and column of each record's own header or key (0: not written). */
  private readonly sourceLines: number[] = [];
  private readonly sourceColumns: number[] = [];
  /** Where each record's keys start in the flat arrays (one more entry than records). */
  private readonly starts: Uint32Array;
  private readonly keys: string[];
  private readonly lines: Uint32Array;
  private readonly columns: Uint32Array;

  /**
   * @param file - the file's path, for the positions made
   * @param prefix - the table of records (`service`)
   * @param scan - the file's full scan (see `scanTomlPositions`), not kept
   */
  constructor(
    private readonly file: string,
    prefix: string,
    scan: ReadonlyMap<string, TomlKeyPosition>,
  ) {
    // first pass: the records, their own positions and how many keys each has
    const slotOfEntry = new Int32Array(scan.size).fill(-1);
    const counts: number[] = [];
    let entry = 0;
    for (const { path, line, column } of scan.values()) {
      const at = entry++;
      if (path.length <= 1 || path[0] !== prefix) continue;
      const id = String(path[1]);
      let slot = this.slots.get(id);
      if (slot === undefined) {
        slot = this.slots.size;
        this.slots.set(id, slot);
        this.sourceLines.push(0);
        this.sourceColumns.push(0);
        counts.push(0);
      }
      if (path.length === 2) {
        this.sourceLines[slot] = line;
        this.sourceColumns[slot] = column;
      } else {
        slotOfEntry[at] = slot;
        counts[slot]++;
      }
    }
    this.starts = new Uint32Array(counts.length + 1);
    for (let slot = 0; slot < counts.length; slot++) {
      this.starts[slot + 1] = this.starts[slot] + counts[slot];
    }
    const total = this.starts[counts.length];
    this.keys = new Array<string>(total);
    this.lines = new Uint32Array(total);
    this.columns = new Uint32Array(total);

    // second pass: each key where its record's keys go, in the order of the file
    const next = this.starts.slice(0, counts.length);
    const shared = new Map<string, string>();
    entry = 0;
    for (const { path, line, column } of scan.values()) {
      const slot = slotOfEntry[entry++];
      if (slot < 0) continue;
      const key = joinKeyPath(path.slice(2));
      let kept = shared.get(key);
      if (kept === undefined) {
        kept = key;
        shared.set(key, key);
      }
      const at = next[slot]++;
      this.keys[at] = kept;
      this.lines[at] = line;
      this.columns[at] = column;
    }
  }

  /** Whether the file writes the record (its header or any key below it). */
  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** The ids of the records, in the order the file first writes them. */
  ids(): IterableIterator<string> {
    return this.slots.keys();
  }

  /** Where the record's own header or key is written, if it is. */
  source(id: string): SourcePosition | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined || this.sourceLines[slot] === 0) return undefined;
    return {
      file: this.file,
      line: this.sourceLines[slot],
      column: this.sourceColumns[slot],
    };
  }

  /** Where one key below the record is written (by dotted path relative to it), if it is. */
  position(id: string, key: string): SourcePosition | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    for (let at = this.starts[slot]; at < this.starts[slot + 1]; at++) {
      if (this.keys[at] === key) {
        return {
          file: this.file,
          line: this.lines[at],
          column: this.columns[at],
        };
      }
    }
    return undefined;
  }

  /**
   * The positions of every key below the record, by dotted path relative to it: a new object
   * at each call (empty when the record has no keys or is not written).
   */
  positions(id: string): Record<string, SourcePosition> {
    const result: Record<string, SourcePosition> = Object.create(null);
    const slot = this.slots.get(id);
    if (slot === undefined) return result;
    for (let at = this.starts[slot]; at < this.starts[slot + 1]; at++) {
      result[this.keys[at]] = {
        file: this.file,
        line: this.lines[at],
        column: this.columns[at],
      };
    }
    return result;
  }
}
