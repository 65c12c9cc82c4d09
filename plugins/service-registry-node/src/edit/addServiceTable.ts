import { isDeepStrictEqual } from 'node:util';
import {
  assertServiceId,
  assertWritable,
  normalize,
  openText,
  parseDocument,
  RegistryEditError,
} from './editSupport';
import {
  isTable,
  renderTomlDottedKey,
  renderTomlKey,
  renderTomlValue,
  TomlEditValue,
} from './renderToml';
import { scanTomlStatements } from './scanStatements';

/**
 * Options of {@link addServiceTable}.
 *
 * @public
 */
export interface AddServiceTableOptions {
  /** The file's path, used in error messages (default `services.toml`). */
  file?: string;
}

/**
 * Renders the TOML block of a new service: `[service.<id>]` with its plain fields in the given
 * order, then one `[service.<id>.<name>]` sub-table per table field (`dependencies`, `sla`, ...),
 * each after a blank line. Tables inside sub-tables are written inline.
 *
 * @param id - a valid service id
 * @param service - the service's fields
 * @param eol - the line ending to use
 * @public
 */
export function renderServiceBlock(
  id: string,
  service: { [key: string]: TomlEditValue },
  eol: '\n' | '\r\n' = '\n',
): string {
  assertServiceId(id);
  const lines = [`[service.${id}]`];
  const tables: [string, { [key: string]: TomlEditValue }][] = [];
  for (const [key, value] of Object.entries(service)) {
    if (isTable(value)) tables.push([key, value]);
    else lines.push(`${renderTomlKey(key)} = ${renderTomlValue(value)}`);
  }
  for (const [key, table] of tables) {
    lines.push('', `[${renderTomlDottedKey(['service', id, key])}]`);
    for (const [k, v] of Object.entries(table)) {
      lines.push(`${renderTomlKey(k)} = ${renderTomlValue(v)}`);
    }
  }
  return lines.join(eol) + eol;
}

/** Whether a text sets `service = { ... }` at its top level, which no table can extend. */
function writesServicesInline(body: string): boolean {
  try {
    return scanTomlStatements(body).some(
      s =>
        s.kind === 'keyValue' &&
        s.table?.length === 0 &&
        s.key.length === 1 &&
        s.key[0] === 'service',
    );
  } catch {
    // a layout the scanner does not follow: the result is checked after the edit anyway
    return false;
  }
}

/**
 * Adds a `[service.<id>]` table (with its sub-tables) at the end of a registry file. Everything
 * already in the file stays byte for byte as it was: the block is appended after one blank line
 * (and after a line break, when the file does not end with one), in the file's line ending style;
 * a BOM is kept, and a file that does not end with a line break still does not after the block.
 * The result is parsed and compared with the intended document before it is returned, so the
 * function returns a text that holds exactly the old document plus the new service, or throws.
 *
 * @param text - the file's current text (empty for a new file)
 * @param id - the new service's id (`[a-z0-9-]{1,63}`)
 * @param service - its fields; table values become sub-tables
 * @throws RegistryEditError when the id is invalid or already declared in the file, a value
 *   cannot be written, the file does not parse, or it writes its services as one inline table
 *   (`service = { ... }`), which no table can be added to
 * @public
 */
export function addServiceTable(
  text: string,
  id: string,
  service: { [key: string]: TomlEditValue },
  options: AddServiceTableOptions = {},
): string {
  const file = options.file ?? 'services.toml';
  assertServiceId(id);
  if (!isTable(service)) {
    throw new RegistryEditError(`The fields of ${id} must be a table.`);
  }
  assertWritable(service, `service.${id}`);
  const before = parseDocument(file, text);
  const services = before.service;
  if (services !== undefined && !isTable(services)) {
    throw new RegistryEditError(
      `${file} defines "service" as something other than a table, so no service can be added to it; fix the file first.`,
    );
  }
  if (services && Object.prototype.hasOwnProperty.call(services, id)) {
    throw new RegistryEditError(
      `${file} already declares service "${id}": choose another id, or update the existing service.`,
    );
  }

  const { bom, body, eol } = openText(text);
  if (writesServicesInline(body)) {
    throw new RegistryEditError(
      `${file} writes its services as one inline table (\`service = { ... }\`), to which no [service.${id}] table can be added: write each service as a [service.<id>] table, or add "${id}" inside the inline table by hand.`,
    );
  }
  let separator = '';
  if (body.length > 0) {
    if (!body.endsWith('\n')) separator += eol;
    if (!/(^|\n)[ \t]*\r?\n$/.test(body + separator)) separator += eol;
  }
  let block: string;
  try {
    block = renderServiceBlock(id, service, eol);
  } catch (error) {
    throw new RegistryEditError(
      `Cannot write service "${id}": ${(error as Error).message}`,
    );
  }
  // a file that ends without a line break keeps ending without one
  const ending =
    body.length > 0 && !body.endsWith('\n') ? -eol.length : undefined;
  const result = `${bom}${body}${separator}${block.slice(0, ending)}`;

  const after = parseDocument(file, result);
  const expected = normalize(before) as Record<string, unknown>;
  const expectedServices = (expected.service ?? {}) as Record<string, unknown>;
  expectedServices[id] = normalize(service);
  expected.service = normalize(expectedServices);
  if (!isDeepStrictEqual(normalize(after), normalize(expected))) {
    throw new RegistryEditError(
      `Adding service "${id}" to ${file} would change more than that service (the file probably ends inside an array of tables or a multi-line value); add it by hand.`,
    );
  }
  return result;
}
