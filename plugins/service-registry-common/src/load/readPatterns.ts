import { RegistryPattern } from '../model/types';
import { checkUnknownFields, isTable } from './fieldCheck';
import {
  fileStart,
  lazyTopLevelPositions,
  positionIndex,
} from './filePositions';
import { FindingCollector } from './loadState';
import { ParsedTomlFile } from './parseToml';

/**
 * Reads the deployment patterns of `services/patterns.toml` (`[pattern.<id>]`), kept as written.
 *
 * @param file - the parsed patterns file
 * @param collector - receives findings
 */
export function readPatterns(
  file: ParsedTomlFile,
  collector: FindingCollector,
): Map<string, RegistryPattern> {
  const index = positionIndex(file);
  const top = collector.context(
    file.path,
    lazyTopLevelPositions(file),
    fileStart(file.path),
    {},
  );
  checkUnknownFields(top, file.table, new Set(['pattern']), []);
  const patterns = new Map<string, RegistryPattern>();
  const table = isTable(file.table.pattern) ? file.table.pattern : {};
  for (const [id, value] of Object.entries(table)) {
    if (!isTable(value)) continue;
    patterns.set(id, {
      id,
      raw: value,
      source: index.recordSource('pattern', id) ?? fileStart(file.path),
    });
  }
  return patterns;
}
