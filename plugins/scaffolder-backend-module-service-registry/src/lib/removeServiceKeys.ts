import { isDeepStrictEqual } from 'node:util';
import { InputError } from '@backstage/errors';
import {
  parseTomlFile,
  scanTomlPositions,
  stripBom,
  TomlKeyPosition,
} from '@service-registry/plugin-service-registry-common';
import { isTable } from './tomlTable';

/** A key removed by {@link removeServiceKeys}, with its value as the file had it. */
export interface RemovedKey {
  /** The key, relative to the service (`status`, `migration`). */
  key: string;
  /** The parsed value (a table for a sub-table). */
  value: unknown;
}

/** A parsed document in a form that compares with `isDeepStrictEqual` (dates tagged). */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(normalize);
  if (isTable(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = normalize(value[key]);
    return out;
  }
  return value;
}

function parse(
  file: string,
  text: string,
): Record<string, unknown> | undefined {
  const parsed = parseTomlFile(file, text);
  return parsed.ok ? parsed.file.table : undefined;
}

/** Drops `service.<id>` when it is an empty table, and `service` when that leaves it empty. */
function pruneEmpty(doc: Record<string, unknown>, id: string): void {
  const services = doc.service;
  if (!isTable(services)) return;
  const table = services[id];
  if (isTable(table) && Object.keys(table).length === 0) delete services[id];
  if (Object.keys(services).length === 0) delete doc.service;
}

const isBlankOrComment = (line: string) => /^[ \t]*(#.*)?\r?\n?$/.test(line);
const isComment = (line: string) => /^[ \t]*#.*\r?\n?$/.test(line);
const isBlank = (line: string) => /^[ \t]*\r?\n?$/.test(line);
/** `[service]`, the header of the table of every service, alone on its line. */
const isServiceHeader = (line: string) =>
  /^[ \t]*\[[ \t]*service[ \t]*\][ \t]*(#.*)?\r?\n?$/.test(line);

/**
 * Removes keys of a service from a registry file, in place: whole lines go, every other byte of
 * the file stays (comments, order, line endings, BOM). A key may be written in the service's
 * table (`[service.<id>]`), as a dotted key (`service.<id>.status = ...`, `<id>.status = ...`
 * under `[service]`, `migration.guide_url = ...`), as an inline table (`migration = { ... }`, on
 * several lines too), or as a sub-table (`[service.<id>.migration]`, whose header and body go).
 *
 * Around the removed lines:
 * - a comment block right above a removed key or sub-table (no blank line between), which
 *   describes it, goes too; a comment a blank line away stays;
 * - when the service keeps nothing else, the whole declaration goes: its `[service.<id>]` header
 *   (or its `<id> = { ... }` inline table), and a `[service]` header left with no key, each with
 *   the comment block right above it; the neighbouring tables and their comments stay;
 * - a blank line the removed lines leave doubled, or at the start or end of the file, goes.
 *
 * The result is parsed and compared with the old document without those keys: the function
 * returns a text that holds exactly that change, or throws. (Should dropping a comment or a header
 * ever not give that document, only the lines of the keys go.)
 *
 * The node library's editor (`plugins/service-registry-node/src/edit`) has no key removal; this
 * is the smallest edit the scaffolder actions need, built on the common package's key positions.
 *
 * @param text - the file's text
 * @param id - the service
 * @param keys - keys relative to the service (`status`, `migration`); those not written are ignored
 * @param file - the file's path, for messages
 * @returns the new text and the keys removed, with the values they had; the text unchanged when
 *   the service writes none of the keys
 * @throws InputError when the file does not parse or the edit cannot be made in place
 */
export function removeServiceKeys(
  text: string,
  id: string,
  keys: readonly string[],
  file: string,
): { text: string; removed: RemovedKey[] } {
  const before = parse(file, text);
  if (!before) {
    throw new InputError(
      `${file} does not parse, so it is not edited: fix its syntax (service-registry validate shows where), then run again.`,
    );
  }
  const services = before.service;
  const table = isTable(services) ? services[id] : undefined;
  if (!isTable(table)) return { text, removed: [] };
  const removed = keys
    .filter(key => key in table)
    .map(key => ({ key, value: table[key] }));
  if (removed.length === 0) return { text, removed };
  const removedKeys = new Set(removed.map(r => r.key));
  // the declaration keeps nothing: its header or inline table goes too
  const nothingLeft = Object.keys(table).every(key => removedKeys.has(key));

  const bom = text.length > 0 && text !== stripBom(text) ? '\ufeff' : '';
  const body = bom ? text.slice(1) : text;
  const lines = body.split(/(?<=\n)/);
  const firstColumn = (line: string) =>
    line.length - line.trimStart().length + 1;
  const startsLine = (position: TomlKeyPosition) => {
    const index = position.line - 1;
    return lines[index] !== undefined &&
      position.column === firstColumn(lines[index])
      ? index
      : undefined;
  };

  // the statements that write the keys: each starts a line (a key, a dotted key or a header);
  // when nothing is left, those that write the service itself (`[service.<id>]`, `<id> = {...}`)
  const positions = scanTomlPositions(body);
  const starts = new Set<number>();
  const tableHeaders = new Set<number>();
  for (const position of positions.values()) {
    const index = startsLine(position);
    if (index === undefined) continue;
    const last = position.path[position.path.length - 1];
    if (typeof last === 'string' && lines[index].trimStart().startsWith('[')) {
      tableHeaders.add(index);
    }
    const [root, service, key] = position.path;
    if (root !== 'service' || service !== id) continue;
    const written =
      position.path.length >= 3
        ? removedKeys.has(String(key))
        : position.path.length === 2 && nothingLeft;
    if (written) starts.add(index);
  }
  const isHeader = (index: number) => lines[index].trimStart().startsWith('[');
  const ordered = [...starts].sort((a, b) => a - b);
  const gone = new Set<number>();
  const without = (skip: Set<number>) =>
    bom + lines.filter((_, i) => !skip.has(i)).join('');
  const failed = () =>
    new InputError(
      `Cannot remove ${[...removedKeys].join(
        ', ',
      )} of "${id}" from ${file} in place (the file writes them in a way the editor does not handle); remove them by hand and run again.`,
    );

  // 1. key statements: a value may span lines, so a statement ends at its first line after which
  //    the text parses again
  for (const start of ordered.filter(i => !isHeader(i))) {
    if (gone.has(start)) continue;
    let end = start;
    const span = () =>
      Array.from({ length: end - start + 1 }, (_, k) => start + k);
    while (
      end < lines.length &&
      !parse(file, without(new Set([...gone, ...span()])))
    )
      end++;
    if (end === lines.length) throw failed();
    span().forEach(i => gone.add(i));
  }
  // 2. sub-table headers: the header, and the body up to its last removed statement (comments
  //    between its keys included, the comments and blank lines after it kept)
  for (const header of ordered.filter(isHeader)) {
    gone.add(header);
    let last = header;
    for (let i = header + 1; i < lines.length; i++) {
      if (gone.has(i)) last = i;
      else if (!isBlankOrComment(lines[i])) break;
    }
    for (let i = header + 1; i < last; i++) gone.add(i);
  }
  const keyLines = new Set(gone);

  // 3. what described the removed lines: the comment block right above each run of them, and a
  //    `[service]` header they leave with no key (the first line left under it blank, or none),
  //    with the comment block above it
  const extra = new Set(gone);
  const dropCommentsAbove = () => {
    for (let start = 0; start < lines.length; start++) {
      if (!extra.has(start) || extra.has(start - 1)) continue;
      for (let i = start - 1; i >= 0 && isComment(lines[i]); i--) extra.add(i);
    }
  };
  dropCommentsAbove();
  const serviceRoot = positions.get('service');
  const serviceHeader =
    serviceRoot && startsLine(serviceRoot) !== undefined
      ? serviceRoot.line - 1
      : -1;
  if (serviceHeader >= 0 && isServiceHeader(lines[serviceHeader])) {
    let end = serviceHeader + 1;
    while (end < lines.length && !tableHeaders.has(end)) end++;
    const section = Array.from(
      { length: end - serviceHeader - 1 },
      (_, k) => serviceHeader + 1 + k,
    );
    const left = section.filter(i => !extra.has(i));
    if (
      section.some(i => keyLines.has(i)) &&
      left.every(i => isBlankOrComment(lines[i])) &&
      (left.length === 0 || isBlank(lines[left[0]]))
    ) {
      extra.add(serviceHeader);
      dropCommentsAbove();
    }
  }

  /** The text without the lines, or undefined when it is not the old document without the keys. */
  const checked = (skip: Set<number>): string | undefined => {
    const candidate = without(skip);
    const after = parse(file, candidate);
    if (!after) return undefined;
    // normalize makes a copy
    const expected = normalize(before) as Record<string, any>;
    for (const key of removedKeys) delete expected.service[id][key];
    pruneEmpty(expected, id);
    const actual = normalize(after) as Record<string, unknown>;
    pruneEmpty(actual, id);
    return isDeepStrictEqual(actual, expected) ? candidate : undefined;
  };
  const result =
    checked(withoutBlankRuns(lines, extra)) ??
    checked(withoutBlankRuns(lines, keyLines));
  if (result === undefined) throw failed();
  return { text: result, removed };
}

/**
 * The lines to skip, with the blank lines that skipping them would leave doubled, or at the
 * start or the end of the file.
 */
function withoutBlankRuns(lines: string[], skip: Set<number>): Set<number> {
  const gone = new Set(skip);
  const blank = (i: number) => isBlank(lines[i]);
  for (let start = 0; start < lines.length; start++) {
    if (!gone.has(start) || gone.has(start - 1)) continue;
    const previous = start - 1;
    let end = start;
    for (;;) {
      while (gone.has(end + 1)) end++;
      const next = end + 1;
      if (
        next < lines.length &&
        blank(next) &&
        (previous < 0 || blank(previous))
      ) {
        gone.add(next);
      } else break;
    }
    if (previous >= 0 && blank(previous) && end + 1 >= lines.length) {
      gone.add(previous);
    }
  }
  return gone;
}
