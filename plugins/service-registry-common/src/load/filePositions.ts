import { SourcePosition } from '../model/types';
import { joinKeyPath, KeyPathPart } from './keyPath';
import { ParsedTomlFile } from './parseToml';

/**
 * Positions of one record of a file (e.g. one `[service.<id>]`): its header and its keys by
 * path relative to it.
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
 * Groups the positions of a file by the records of a table of tables, e.g. `service` into one
 * entry per service id, in a single pass.
 *
 * @param file - the parsed file
 * @param prefix - the path of the table of records (`['service']`)
 */
export function positionsByRecord(
  file: ParsedTomlFile,
  prefix: readonly KeyPathPart[],
): Map<string, RecordPositions> {
  const records = new Map<string, RecordPositions>();
  const depth = prefix.length;
  for (const { path, line, column } of file.positions.values()) {
    if (path.length <= depth || !startsWith(path, prefix)) continue;
    const id = String(path[depth]);
    let record = records.get(id);
    if (!record) {
      record = { positions: {} };
      records.set(id, record);
    }
    const position = { file: file.path, line, column };
    if (path.length === depth + 1) record.source = position;
    else record.positions[joinKeyPath(path.slice(depth + 1))] = position;
  }
  return records;
}

/**
 * Positions of one subtree of a file, relative to it (the whole file for an empty prefix).
 */
export function positionsUnder(
  file: ParsedTomlFile,
  prefix: readonly KeyPathPart[],
): RecordPositions {
  const result: RecordPositions = { positions: {} };
  const depth = prefix.length;
  for (const { path, line, column } of file.positions.values()) {
    if (!startsWith(path, prefix)) continue;
    const position = { file: file.path, line, column };
    if (path.length === depth) result.source = position;
    else result.positions[joinKeyPath(path.slice(depth))] = position;
  }
  return result;
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
  const result: Record<string, SourcePosition> = {};
  for (const { path, line, column } of file.positions.values()) {
    if (path.length === 1) {
      result[joinKeyPath(path)] = { file: file.path, line, column };
    }
  }
  return result;
}
