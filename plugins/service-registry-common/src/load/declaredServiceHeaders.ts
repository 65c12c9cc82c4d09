import { SourcePosition } from '../model/types';
import { stripBom } from './parseToml';
import { scanTomlHeaders } from './positions';

/** The top-level tables of a file that declares services (a catalog or project file). */
const SERVICE_FILE_TABLES: ReadonlySet<string> = new Set([
  'service',
  'project',
  'project-specific',
]);

/**
 * The `[service.<id>]` headers of a registry file, by id (the first of each id), added to
 * `into`; also of a file that does not parse: the header scan skips what it does not understand
 * line by line, so it finds the headers around a syntax error (a header inside a string left open
 * may be missed, or a header-like line in it taken). What a broken file was meant to declare.
 *
 * @param path - the file's path relative to the registry root
 * @param text - the file's text
 * @param into - the map to add to (a new one by default)
 * @public
 */
export function declaredServiceHeaders(
  path: string,
  text: string,
  into: Map<string, SourcePosition> = new Map(),
): Map<string, SourcePosition> {
  const records = scanTomlHeaders(stripBom(text)).records.get('service');
  for (const [id, entry] of records ?? []) {
    if (!into.has(id)) {
      into.set(id, { file: path, line: entry.line, column: entry.column });
    }
  }
  return into;
}

/**
 * The `[<table>.<id>]` headers of a catalog or project file under a top-level table such a file
 * does not have (`[services.<id>]`, `[servcie.<id>]`), by id (the first of each id), added to
 * `into`. The loader ignores such a table with everything in it (`schema/unknown-table`): what
 * the file was meant to declare as `[service.<id>]`.
 *
 * @param path - the file's path relative to the registry root
 * @param text - the file's text
 * @param into - the map to add to (a new one by default)
 * @public
 */
export function misspeltServiceHeaders(
  path: string,
  text: string,
  into: Map<string, SourcePosition> = new Map(),
): Map<string, SourcePosition> {
  for (const [table, records] of scanTomlHeaders(stripBom(text)).records) {
    if (SERVICE_FILE_TABLES.has(table)) continue;
    for (const [id, entry] of records) {
      if (!into.has(id)) {
        into.set(id, { file: path, line: entry.line, column: entry.column });
      }
    }
  }
  return into;
}
