import { RegistryPattern } from '../model/types';
import { checkTable, checkUnknownFields, isTable } from './fieldCheck';
import { describeValue } from './describeValue';
import { joinKeyPath, tomlBasicString } from './keyPath';
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
  const table = checkTable(top, file.table.pattern, ['pattern']) ?? {};
  for (const [id, value] of Object.entries(table)) {
    if (!isTable(value)) {
      const source = index.sourceOf(['pattern', id]) ?? fileStart(file.path);
      collector.add(
        'error',
        'schema/invalid-type',
        `${file.path}: pattern ${tomlBasicString(
          id,
        )} must be a table: write it as [pattern.${joinKeyPath([
          id,
        ])}] with the pattern's fields, got ${describeValue(
          value,
          id,
        )}. It is ignored until then.`,
        source,
        {},
      );
      continue;
    }
    patterns.set(id, {
      id,
      raw: value,
      source: index.recordSource('pattern', id) ?? fileStart(file.path),
    });
  }
  return patterns;
}
