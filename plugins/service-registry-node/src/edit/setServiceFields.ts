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
import { dependencyEntryRules } from './dependencyEntries';
import { valueEntryRules } from './valueEntries';
import { editArrayText } from './editArrayText';
import {
  scanTomlStatements,
  TomlHeaderStatement,
  TomlInlineTableNode,
  TomlKeyValueStatement,
  TomlStatement,
  TomlValueNode,
} from './scanStatements';
import { insertItem } from './sequenceText';

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

  /**
   * Inserts a line (or lines) at the start of a line, or at the end of a text that does not end
   * with a line break: the text then still ends without one, after the new line.
   */
  private insertAt(offset: number, line: string): void {
    const before = this.body.slice(0, offset);
    const after = this.body.slice(offset);
    if (before.length > 0 && !before.endsWith('\n')) {
      this.body = `${before}${this.eol}${line}${after}`;
    } else this.body = `${before}${line}${this.eol}${after}`;
  }

  private indentOf(statement: TomlKeyValueStatement | undefined): string {
    if (!statement) return '';
    const lineStart = this.body.lastIndexOf('\n', statement.start - 1) + 1;
    const indent = this.body.slice(lineStart, statement.start);
    return /^[ \t]*$/.test(indent) ? indent : '';
  }

  /** Sets one leaf; returns the value written (a dependency list keeps its entries' forms). */
  set(change: LeafChange, doc: unknown): TomlEditValue {
    if (isTable(valueAt(doc, change.path))) {
      throw new RegistryEditError(
        `Cannot replace ${change.path.slice(2).join('.')} of "${this.id}" in ${
          this.file
        }: it is a table; set the fields inside it instead.`,
      );
    }
    const statements = scanTomlStatements(this.body);
    const rendered = renderTomlValue(change.value);

    // 1. the key is written, as a statement or inside an inline table: replace its value (a
    //    trailing comment stays; a dependency list keeps the entries that stay)
    // 2. an ancestor is written as an inline table that lacks the key: add it inside
    for (const s of statements) {
      if (s.kind !== 'keyValue' || s.table === null) continue;
      const full = [...s.table, ...s.key];
      if (!startsWith(change.path, full)) continue;
      const holder = valueAt(doc, full);
      if (!samePath(full, change.path) && !isTable(holder)) {
        throw new RegistryEditError(
          `Cannot set ${change.path.join('.')} in ${this.file}: ${full.join(
            '.',
          )} is not a table.`,
        );
      }
      const located = locateWithin(s.value, change.path.slice(full.length));
      if (located?.kind === 'value') {
        return this.replaceValue(located.node, change, doc);
      }
      if (located?.kind === 'missing') {
        this.addEntry(located.table, located.rest, rendered);
        return change.value;
      }
      // a layout the scan cannot follow: the ancestor's whole value is written anew
      const merged = toEditValue(holder) as Record<string, TomlEditValue>;
      let target = merged;
      for (const part of change.path.slice(full.length, -1)) {
        if (!isTable(target[part])) target[part] = {};
        target = target[part] as Record<string, TomlEditValue>;
      }
      target[change.path[change.path.length - 1]] = change.value;
      this.replaceNode(s.value, renderTomlValue(merged));
      return change.value;
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
      return change.value;
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
        return change.value;
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
    return change.value;
  }

  /**
   * Writes a new value where the old one is; a list is edited entry by entry (a dependency list
   * with the rules of dependency entries). Returns the value written.
   */
  private replaceValue(
    node: TomlValueNode,
    change: LeafChange,
    doc: unknown,
  ): TomlEditValue {
    const current = valueAt(doc, change.path);
    if (
      node.kind === 'array' &&
      Array.isArray(current) &&
      Array.isArray(change.value)
    ) {
      const edited = editArrayText(
        this.body,
        text => {
          const found = locateValue(scanTomlStatements(text), change.path);
          return found?.kind === 'value' && found.node.kind === 'array'
            ? found.node
            : undefined;
        },
        current,
        change.value,
        isDependencyList(change.path) ? dependencyEntryRules : valueEntryRules,
        this.eol,
      );
      if (edited) {
        this.body = edited.text;
        return edited.value;
      }
    }
    this.replaceNode(node, renderTomlValue(change.value));
    return change.value;
  }

  /** Adds `key = value` to an inline table, in its layout and with its spacing around `=`. */
  private addEntry(
    table: TomlInlineTableNode,
    key: string[],
    rendered: string,
  ): void {
    const last = table.items[table.items.length - 1];
    const written = last && this.body.slice(last.keyEnd, last.value.start);
    const equals = written && /^[ \t]*=[ \t]*$/.test(written) ? written : ' = ';
    this.body = insertItem(
      this.body,
      table,
      table.items.length,
      `${renderTomlDottedKey(key)}${equals}${rendered}`,
      this.eol,
    );
  }

  private replaceNode(node: TomlValueNode, rendered: string): void {
    this.body =
      this.body.slice(0, node.start) + rendered + this.body.slice(node.end);
  }
}

/** `service.<id>.dependencies.requires` and `.optional`, whose entries are edited one by one. */
function isDependencyList(path: readonly string[]): boolean {
  return (
    path.length === 4 &&
    path[2] === 'dependencies' &&
    (path[3] === 'requires' || path[3] === 'optional')
  );
}

/**
 * Where a key path is written inside a value: the value itself (`value`), or the innermost inline
 * table that would hold it but lacks it (`missing`, with the part of the path it lacks). Dotted
 * keys inside inline tables are followed. Undefined when the path runs into something else than
 * an inline table.
 */
type Located =
  | { kind: 'value'; node: TomlValueNode }
  | { kind: 'missing'; table: TomlInlineTableNode; rest: string[] };

function locateWithin(
  node: TomlValueNode,
  rest: readonly string[],
): Located | undefined {
  if (rest.length === 0) return { kind: 'value', node };
  if (node.kind !== 'inlineTable') return undefined;
  for (const item of node.items) {
    if (startsWith(rest, item.key)) {
      return locateWithin(item.value, rest.slice(item.key.length));
    }
  }
  return { kind: 'missing', table: node, rest: [...rest] };
}

/** Where a key path is written in a document's statements (see {@link locateWithin}). */
function locateValue(
  statements: TomlStatement[],
  path: readonly string[],
): Located | undefined {
  for (const s of statements) {
    if (s.kind !== 'keyValue' || s.table === null) continue;
    const full = [...s.table, ...s.key];
    if (startsWith(path, full)) {
      return locateWithin(s.value, path.slice(full.length));
    }
  }
  return undefined;
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
 * - a field inside an inline table (`migration = { ... }`, or a whole service written as one
 *   inline table) gets its new value where the old one was, or is added at the end of that
 *   inline table: the rest of the inline table stays as written (`0x1F90`, key order, spacing);
 * - `dependencies.requires` and `dependencies.optional` are edited entry by entry: an entry that
 *   stays keeps its text (an inline table `{ service = "a", version = "^1.0" }` stays one for
 *   `"a@^1.0"`, and so do comments), a removed entry's line goes with its comment, an entry whose
 *   range changes is rewritten where it is, and a new entry is written like its neighbours (on a
 *   line of its own in a list of one entry per line, as an inline table among inline tables). A
 *   list left without entries is written `[]`;
 * - any other list (`tags`, `governance.approvers`, `compat_with`, ...) is edited the same way,
 *   element by element: elements that stay keep their text and comments, a removed element's
 *   line goes, a new one is written like its neighbours (a string in their quotes).
 *
 * The result is parsed and compared with the old document plus the patch before it is returned
 * (dependency entries kept in their written form count as the entries of the patch they say the
 * same as), so the function returns a text that holds exactly the intended change, or throws.
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
  // the value each leaf was written with: a dependency list keeps the entries it has, in their form
  const written: LeafChange[] = [];
  for (const change of flatten(['service', id], patch, [])) {
    try {
      let current: Record<string, unknown>;
      try {
        current = parseDocument(file, setter.text);
      } catch {
        throw changeFailed();
      }
      written.push({ path: change.path, value: setter.set(change, current) });
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
  for (const leaf of written) {
    const parent = valueAt(expected, leaf.path.slice(0, -1)) as Record<
      string,
      unknown
    >;
    parent[leaf.path[leaf.path.length - 1]] = normalize(leaf.value);
  }
  if (!isDeepStrictEqual(normalize(after), normalize(expected))) {
    throw changeFailed();
  }
  return result;
}
