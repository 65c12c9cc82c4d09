import { isDeepStrictEqual } from 'node:util';
import {
  assertServiceId,
  assertWritable,
  mergeInto,
  normalize,
  openText,
  parseDocument,
  RegistryEditError,
} from './editSupport';
import {
  isTable,
  renderTomlDottedKey,
  renderTomlValue,
  TomlEditValue,
} from './renderToml';
import {
  scanTomlStatements,
  TomlHeaderStatement,
  TomlKeyValueStatement,
  TomlStatement,
} from './scanStatements';

/**
 * Options of {@link setServiceFields}.
 *
 * @public
 */
export interface SetServiceFieldsOptions {
  /** The file's path, used in error messages (default `services.toml`). */
  file?: string;
}

/** A change of one leaf: the full key path from the document root, and the new value. */
interface LeafChange {
  path: string[];
  value: TomlEditValue;
}

function flatten(
  prefix: string[],
  patch: { [key: string]: TomlEditValue },
  out: LeafChange[],
): LeafChange[] {
  for (const [key, value] of Object.entries(patch)) {
    if (isTable(value)) {
      // an empty table sets nothing
      flatten([...prefix, key], value, out);
    } else out.push({ path: [...prefix, key], value });
  }
  return out;
}

const startsWith = (path: readonly string[], prefix: readonly string[]) =>
  prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

const samePath = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && startsWith(a, b);

function valueAt(doc: unknown, path: readonly string[]): unknown {
  let current = doc;
  for (const part of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Where a table's body ends: after its last statement, or after its header when it has none. */
function endOfTable(
  statements: TomlStatement[],
  header: TomlHeaderStatement,
): { offset: number; indent: TomlKeyValueStatement | undefined } {
  let offset = header.end;
  let last: TomlKeyValueStatement | undefined;
  for (let i = statements.indexOf(header) + 1; i < statements.length; i++) {
    const s = statements[i];
    if (s.kind === 'header') break;
    offset = s.end;
    last = s;
  }
  return { offset, indent: last };
}

class FieldSetter {
  private readonly eol: '\n' | '\r\n';
  private body: string;

  constructor(
    private readonly file: string,
    private readonly id: string,
    text: string,
  ) {
    const opened = openText(text);
    this.eol = opened.eol;
    this.body = opened.body;
  }

  get text(): string {
    return this.body;
  }

  private insertAt(offset: number, line: string): void {
    const before = this.body.slice(0, offset);
    const needsBreak = before.length > 0 && !before.endsWith('\n');
    this.body = `${before}${needsBreak ? this.eol : ''}${line}${
      this.eol
    }${this.body.slice(offset)}`;
  }

  private indentOf(statement: TomlKeyValueStatement | undefined): string {
    if (!statement) return '';
    const lineStart = this.body.lastIndexOf('\n', statement.start - 1) + 1;
    const indent = this.body.slice(lineStart, statement.start);
    return /^[ \t]*$/.test(indent) ? indent : '';
  }

  set(change: LeafChange, doc: unknown): void {
    if (isTable(valueAt(doc, change.path))) {
      throw new RegistryEditError(
        `Cannot replace ${change.path.slice(2).join('.')} of "${this.id}" in ${
          this.file
        }: it is a table; set the fields inside it instead.`,
      );
    }
    const statements = scanTomlStatements(this.body);
    const rendered = renderTomlValue(change.value);

    // 1. the key is written: replace its value (a trailing comment stays)
    // 2. an ancestor is written as `key = value` (an inline table): rewrite that value
    for (const s of statements) {
      if (s.kind !== 'keyValue' || s.table === null) continue;
      const full = [...s.table, ...s.key];
      if (samePath(full, change.path)) {
        this.replace(s, rendered);
        return;
      }
      if (startsWith(change.path, full)) {
        const current = valueAt(doc, full);
        if (!isTable(current)) {
          throw new RegistryEditError(
            `Cannot set ${change.path.join('.')} in ${this.file}: ${full.join(
              '.',
            )} is not a table.`,
          );
        }
        const merged = toEditValue(current) as Record<string, TomlEditValue>;
        let target = merged;
        for (const part of change.path.slice(full.length, -1)) {
          if (!isTable(target[part])) target[part] = {};
          target = target[part] as Record<string, TomlEditValue>;
        }
        target[change.path[change.path.length - 1]] = change.value;
        this.replace(s, renderTomlValue(merged));
        return;
      }
    }

    const headers = statements.filter(
      (s): s is TomlHeaderStatement => s.kind === 'header',
    );
    // 3. the deepest table written with a header that holds the key: insert a line into it
    for (let depth = change.path.length - 1; depth >= 2; depth--) {
      const prefix = change.path.slice(0, depth);
      const header = headers.find(h => !h.isArray && samePath(h.path, prefix));
      if (!header) continue;
      const rest = change.path.slice(depth);
      if (
        depth === 2 &&
        rest.length > 1 &&
        valueAt(doc, prefix.concat(rest[0])) === undefined
      ) {
        // a new sub-table: written as its own table after the service's last table
        break;
      }
      const { offset, indent } = endOfTable(statements, header);
      this.insertAt(
        offset,
        `${this.indentOf(indent)}${renderTomlDottedKey(rest)} = ${rendered}`,
      );
      return;
    }

    // 4. a service written with dotted keys (`service.<id>.key = ...`, or `<id>.key = ...` under
    //    `[service]`) and no `[service.<id>]` table: one more dotted key after its last one
    const own = headers.filter(h => startsWith(h.path, ['service', this.id]));
    if (!own.some(h => !h.isArray && samePath(h.path, ['service', this.id]))) {
      const dotted = statements.filter(
        (s): s is TomlKeyValueStatement =>
          s.kind === 'keyValue' &&
          s.table !== null &&
          s.table.length < 2 &&
          startsWith([...s.table, ...s.key], ['service', this.id]),
      );
      const last = dotted[dotted.length - 1];
      if (last && startsWith(change.path, last.table!)) {
        this.insertAt(
          last.end,
          `${this.indentOf(last)}${renderTomlDottedKey(
            change.path.slice(last.table!.length),
          )} = ${rendered}`,
        );
        return;
      }
    }

    // 5. a new table, right after the service's last table
    if (own.length === 0) {
      throw new RegistryEditError(
        `${this.file} writes service "${
          this.id
        }" in a way the editor cannot add ${change.path
          .slice(2)
          .join('.')} to: rewrite it as a [service.${
          this.id
        }] table with one key per line, then run the change again.`,
      );
    }
    const last = own[own.length - 1];
    const { offset } = endOfTable(statements, last);
    const tablePath =
      change.path.length > 3
        ? change.path.slice(0, 3)
        : change.path.slice(0, -1);
    const keyPath = change.path.slice(tablePath.length);
    this.insertAt(
      offset,
      `${this.eol}[${renderTomlDottedKey(tablePath)}]${
        this.eol
      }${renderTomlDottedKey(keyPath)} = ${rendered}`,
    );
  }

  private replace(statement: TomlKeyValueStatement, rendered: string): void {
    this.body =
      this.body.slice(0, statement.valueStart) +
      rendered +
      this.body.slice(statement.valueEnd);
  }
}

/** A deep copy of a parsed TOML value as an editable value (dates stay the parser's dates). */
function toEditValue(value: unknown): TomlEditValue {
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(toEditValue);
  if (isTable(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, toEditValue(v)]),
    );
  }
  return value as TomlEditValue;
}

/**
 * Sets fields of a service that a registry file declares, in place. The patch is merged: a table
 * value sets the keys it holds and leaves the others alone; any other value (string, number,
 * boolean, array) replaces the field. Nothing else of the file changes:
 *
 * - a field that is written gets its new value where the old one was (a trailing comment stays);
 * - a new field goes on a new line after the last key of the table that holds it
 *   (`[service.<id>]`, or `[service.<id>.migration]` when that table exists);
 * - a field of a sub-table the service does not have yet starts that sub-table, right after the
 *   service's last table;
 * - a field inside an inline table (`migration = { ... }`) rewrites that inline table.
 *
 * The result is parsed and compared with the old document plus the patch before it is returned,
 * so the function returns a text that holds exactly the intended change, or throws.
 *
 * @param text - the file's current text
 * @param id - the service, which the file must declare with a `[service.<id>]` table
 * @param patch - the fields to set, e.g. `{ status: 'deprecated', migration: { guide_url: '...' } }`
 * @throws RegistryEditError when the file does not declare the service, a value cannot be
 *   written, the file does not parse, or the edit would change anything else
 * @public
 */
export function setServiceFields(
  text: string,
  id: string,
  patch: { [key: string]: TomlEditValue },
  options: SetServiceFieldsOptions = {},
): string {
  const file = options.file ?? 'services.toml';
  assertServiceId(id);
  if (!isTable(patch)) {
    throw new RegistryEditError('The fields to set must be a table.');
  }
  assertWritable(patch, `service.${id}`);
  const before = parseDocument(file, text);
  if (!isTable(valueAt(before, ['service', id]))) {
    throw new RegistryEditError(
      `${file} does not declare service "${id}": check the id, or edit the file that declares it.`,
    );
  }
  const { bom } = openText(text);
  const setter = new FieldSetter(file, id, text);
  const changeFailed = () =>
    new RegistryEditError(
      `Setting ${Object.keys(patch).join(
        ', ',
      )} of "${id}" in ${file} would change more than those fields (the file's layout is too unusual for an in-place edit); edit it by hand.`,
    );
  for (const change of flatten(['service', id], patch, [])) {
    try {
      let current: Record<string, unknown>;
      try {
        current = parseDocument(file, setter.text);
      } catch {
        throw changeFailed();
      }
      setter.set(change, current);
    } catch (error) {
      if (error instanceof RegistryEditError) throw error;
      throw new RegistryEditError(
        `Cannot set ${change.path.slice(2).join('.')} of "${id}" in ${file}: ${
          (error as Error).message
        }`,
      );
    }
  }
  const result = bom + setter.text;
  let after: Record<string, unknown>;
  try {
    after = parseDocument(file, result);
  } catch {
    throw changeFailed();
  }
  const expected = normalize(before) as Record<string, unknown>;
  mergeInto(expected, { service: { [id]: patch } });
  if (!isDeepStrictEqual(normalize(after), normalize(expected))) {
    throw changeFailed();
  }
  return result;
}
