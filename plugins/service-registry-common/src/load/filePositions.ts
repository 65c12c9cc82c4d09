import { SourcePosition } from '../model/types';
import { joinKeyPath, KeyPathPart } from './keyPath';
import { Deferred, LAZY_POSITIONS } from './lazy';
import type { ParsedTomlFile } from './parseToml';
import {
  DependencyElements,
  HeaderEntry,
  scanTomlHeaders,
  scanTomlPositions,
  TomlHeaderIndex,
  TomlKeyPosition,
} from './positions';
import { PlainHeaderLookup } from './plainHeaders';
import { RecordTable } from './recordTable';

/**
 * Positions of one subtree of a file (see {@link FilePositionIndex.positionsUnder}): its own
 * header or key and its keys by path relative to it.
 */
export interface RecordPositions {
  /** The record's own header or key, when written. */
  source?: SourcePosition;
  /** Every key below it, by dotted path relative to the record. */
  positions: Record<string, SourcePosition>;
}

function startsWith(
  path: readonly KeyPathPart[],
  prefix: readonly KeyPathPart[],
): boolean {
  if (path.length < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    if (path[k] !== prefix[k]) return false;
  }
  return true;
}

/**
 * The key positions of one file, computed as late as possible and at most once:
 *
 * - record headers (`[service.<id>]`, `[project]`, ...) are searched for by their text when
 *   they are written plainly in a file without multi-line strings ({@link PlainHeaderLookup});
 *   else they come from a cheap scan of the table headers ({@link scanTomlHeaders}), done on
 *   the first look-up that needs it;
 * - the positions below the records of a table (`service`) come from the full scan
 *   ({@link scanTomlPositions}), done when one of them is first needed (a finding, a
 *   `positions` look-up); the index keeps them compactly ({@link RecordTable}), not the scan,
 *   so that a registry kept after validation does not keep every key of its large files;
 * - every other position comes from the full scan, kept once made (the files where such
 *   look-ups happen, policies, deployments, top-level keys, are small, or read once).
 *
 * Both give the same positions: the header scan is only used where it is exact.
 */
export class FilePositionIndex {
  private headerIndex: TomlHeaderIndex | undefined;
  /** The plain look-up (null: not made yet; undefined: the text does not allow it). */
  private plain: PlainHeaderLookup | undefined | null = null;
  private fullIndex: Map<string, TomlKeyPosition> | undefined;
  private readonly tables = new Map<string, RecordTable>();
  private readonly under = new Map<string, RecordPositions>();
  private topLevel: Record<string, SourcePosition> | undefined;

  /**
   * @param path - the file's path relative to the registry root
   * @param text - the file's text without BOM, or undefined to read the positions of `file`
   * @param file - the parsed file, when there is no text
   * @param headers - the header scan of `text`, when already known (see a single-pass reader)
   */
  constructor(
    readonly path: string,
    private readonly text: string | undefined,
    private readonly file?: ParsedTomlFile,
    headers?: TomlHeaderIndex,
  ) {
    this.headerIndex = headers;
  }

  /**
   * Drops what only loading needs (the header scan), keeping the text for the lazy look-ups.
   */
  compact(): void {
    if (this.text !== undefined) {
      this.headerIndex = undefined;
      this.plain = null;
    }
  }

  /** The file's text without BOM, when the index was made from it. */
  get source(): string | undefined {
    return this.text;
  }

  /** Position of every header, key and array element (the full scan, done once). */
  get positions(): Map<string, TomlKeyPosition> {
    if (this.fullIndex === undefined) {
      this.fullIndex =
        this.text !== undefined
          ? scanTomlPositions(this.text)
          : this.file?.positions ?? new Map();
    }
    return this.fullIndex;
  }

  private headers(): TomlHeaderIndex | undefined {
    if (this.headerIndex === undefined && this.text !== undefined) {
      this.headerIndex = scanTomlHeaders(this.text);
    }
    return this.headerIndex;
  }

  private plainLookup(): PlainHeaderLookup | undefined {
    if (this.plain === null) {
      this.plain =
        this.text === undefined ? undefined : PlainHeaderLookup.of(this.text);
    }
    return this.plain;
  }

  /** A position at the start of a line found by the plain look-up. */
  private lineStart(line: number | undefined): SourcePosition | undefined {
    return line === undefined
      ? undefined
      : { file: this.path, line, column: 1 };
  }

  private at(entry: HeaderEntry | undefined): SourcePosition | undefined {
    return entry && { file: this.path, line: entry.line, column: entry.column };
  }

  /**
   * Where a path is written: its first explicit definition, else its first implicit one (the
   * same as the full scan's entry for the path).
   */
  sourceOf(path: readonly KeyPathPart[]): SourcePosition | undefined {
    if (path.length === 1) return this.rootSource(String(path[0]));
    if (path.length === 2) {
      return this.recordSource(String(path[0]), String(path[1]));
    }
    return this.fullSource(path);
  }

  /** Where a top-level key or table is written, e.g. `[project]`. */
  rootSource(key: string): SourcePosition | undefined {
    const plain = this.lineStart(this.plainLookup()?.headerLine(key));
    if (plain) return plain;
    const headers = this.headers();
    if (headers && !headers.rootKeys) return this.at(headers.roots.get(key));
    return this.fullSource([key]);
  }

  /** Where a record of a table of records is written, e.g. `[service.<id>]`. */
  recordSource(prefix: string, id: string): SourcePosition | undefined {
    const plain = this.lineStart(this.plainLookup()?.headerLine(prefix, id));
    if (plain) return plain;
    const headers = this.headers();
    if (headers && !headers.rootKeys && !headers.depth1Keys.has(prefix)) {
      return this.at(headers.records.get(prefix)?.get(id));
    }
    return this.records(prefix).source(id);
  }

  /**
   * The positions of the elements of a service's `requires` and `optional` lists when a cheap
   * look-up finds them (written in a `[service.<id>.dependencies]` table); else undefined.
   */
  dependencyElements(id: string): DependencyElements | undefined {
    if (this.headerIndex === undefined) {
      const plain = this.plainLookup();
      if (plain) return plain.dependencyElements(id);
    }
    return this.headers()?.dependencies.get(id);
  }

  private fullSource(path: readonly KeyPathPart[]): SourcePosition | undefined {
    const found = this.positions.get(joinKeyPath(path));
    return found && { file: this.path, line: found.line, column: found.column };
  }

  /**
   * The positions of a table of records grouped by record (`service` into one entry per
   * service id), made once from a full scan that is not kept (unless it already was).
   */
  records(prefix: string): RecordTable {
    let table = this.tables.get(prefix);
    if (table === undefined) {
      const scan =
        this.fullIndex ??
        (this.text !== undefined
          ? scanTomlPositions(this.text)
          : this.file?.positions ?? new Map());
      table = new RecordTable(this.path, prefix, scan);
      this.tables.set(prefix, table);
    }
    return table;
  }

  /**
   * The positions under one record, by path relative to it (empty if it has none): a new
   * object at each call, for the caller to keep.
   */
  recordPositions(prefix: string, id: string): Record<string, SourcePosition> {
    return this.records(prefix).positions(id);
  }

  /**
   * Positions of one subtree of the file, relative to it (the whole file for an empty prefix),
   * computed once.
   */
  positionsUnder(prefix: readonly KeyPathPart[]): RecordPositions {
    const key = joinKeyPath(prefix);
    let result = this.under.get(key);
    if (result === undefined) {
      result = { positions: Object.create(null) };
      const depth = prefix.length;
      for (const { path, line, column } of this.positions.values()) {
        if (!startsWith(path, prefix)) continue;
        const position = { file: this.path, line, column };
        if (path.length === depth) result.source = position;
        else result.positions[joinKeyPath(path.slice(depth))] = position;
      }
      this.under.set(key, result);
    }
    return result;
  }

  /** Positions of the top-level keys and tables of the file, by key, computed once. */
  topLevelPositions(): Record<string, SourcePosition> {
    if (this.topLevel === undefined) {
      const result: Record<string, SourcePosition> = Object.create(null);
      for (const { path, line, column } of this.positions.values()) {
        if (path.length === 1) {
          result[joinKeyPath(path)] = { file: this.path, line, column };
        }
      }
      this.topLevel = result;
    }
    return this.topLevel;
  }
}

/** The positions of one record of a file, looked up when needed. */
class DeferredRecordPositions extends Deferred<Record<string, SourcePosition>> {
  constructor(
    private readonly index: FilePositionIndex,
    private readonly prefix: string,
    private readonly id: string,
  ) {
    super();
  }

  resolve(): Record<string, SourcePosition> {
    return this.index.recordPositions(this.prefix, this.id);
  }

  /** One position of the record, without making the object of all of them. */
  positionOf(key: string): SourcePosition | undefined {
    return this.index.records(this.prefix).position(this.id, key);
  }
}

/** The positions under a path of a file, looked up when needed. */
class DeferredPositionsUnder extends Deferred<Record<string, SourcePosition>> {
  constructor(
    private readonly index: FilePositionIndex,
    private readonly prefix: readonly KeyPathPart[],
  ) {
    super();
  }

  resolve(): Record<string, SourcePosition> {
    return this.index.positionsUnder(this.prefix).positions;
  }
}

/** The top-level positions of a file, looked up when needed. */
class DeferredTopLevel extends Deferred<Record<string, SourcePosition>> {
  constructor(private readonly index: FilePositionIndex) {
    super();
  }

  resolve(): Record<string, SourcePosition> {
    return this.index.topLevelPositions();
  }
}

/**
 * Where one key of an object with lazy `positions` (a service, a project, a deployment) is
 * written: the same as `target.positions[key]`, but for a record whose positions were not read
 * yet, looked up alone, so that the object of all its positions is not made and kept (a finding
 * at one key of every other service would otherwise keep them all).
 *
 * @param target - the object
 * @param key - the dotted path relative to it
 * @public
 */
export function keyPosition(
  target: { positions: Record<string, SourcePosition> },
  key: string,
): SourcePosition | undefined {
  const pending = LAZY_POSITIONS.peek(target);
  if (pending instanceof DeferredRecordPositions)
    return pending.positionOf(key);
  return target.positions[key];
}

/** {@link FilePositionIndex.recordPositions}, when needed. */
export function lazyRecordPositions(
  index: FilePositionIndex,
  prefix: string,
  id: string,
): Deferred<Record<string, SourcePosition>> {
  return new DeferredRecordPositions(index, prefix, id);
}

/** {@link FilePositionIndex.positionsUnder}, when needed. */
export function lazyPositionsUnder(
  index: FilePositionIndex,
  prefix: readonly KeyPathPart[],
): Deferred<Record<string, SourcePosition>> {
  return new DeferredPositionsUnder(index, prefix);
}

/** {@link FilePositionIndex.topLevelPositions}, when needed. */
export function lazyTopLevelPositions(
  file: ParsedTomlFile,
): Deferred<Record<string, SourcePosition>> {
  return new DeferredTopLevel(positionIndex(file));
}

const indexes = new WeakMap<ParsedTomlFile, FilePositionIndex>();

/**
 * Registers the position index of a file parsed from its text.
 */
export function registerPositionIndex(
  file: ParsedTomlFile,
  index: FilePositionIndex,
): void {
  indexes.set(file, index);
}

/**
 * The position index of a parsed file (one made from its `positions` when the file was not
 * made by `parseTomlFile`).
 */
export function positionIndex(file: ParsedTomlFile): FilePositionIndex {
  let index = indexes.get(file);
  if (index === undefined) {
    index = new FilePositionIndex(file.path, undefined, file);
    indexes.set(file, index);
  }
  return index;
}

/**
 * Positions of one subtree of a file, relative to it (the whole file for an empty prefix).
 * Computed once per file and prefix.
 */
export function positionsUnder(
  file: ParsedTomlFile,
  prefix: readonly KeyPathPart[],
): RecordPositions {
  return positionIndex(file).positionsUnder(prefix);
}

/**
 * The start of a file, where findings about the file as a whole go.
 */
export function fileStart(file: string): SourcePosition {
  return { file, line: 1, column: 1 };
}

/**
 * Positions of the top-level keys and tables of a file, by key.
 */
export function topLevelPositions(
  file: ParsedTomlFile,
): Record<string, SourcePosition> {
  return positionIndex(file).topLevelPositions();
}
