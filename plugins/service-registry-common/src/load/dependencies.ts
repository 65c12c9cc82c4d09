import { DependencyRef, SourcePosition } from '../model/types';
import {
  CheckContext,
  checkUnknownFields,
  isTable,
  pathLabel,
  report,
} from './fieldCheck';
import { describeValue } from './describeValue';
import { isValidSemverRange, SERVICE_ID_PATTERN } from './fieldSpecs';
import { KeyPathPart } from './keyPath';
import { Deferred, LazyProperty } from './lazy';

const ENTRY_KEYS: ReadonlySet<string> = new Set(['service', 'version']);

/**
 * Splits a dependency string, `"id"` or `"id@<semver range>"`, into its service id and range.
 *
 * @public
 */
export function parseDependencyString(entry: string): {
  service: string;
  range?: string;
} {
  const at = entry.indexOf('@');
  if (at === -1) return { service: entry.trim() };
  return {
    service: entry.slice(0, at).trim(),
    range: entry.slice(at + 1).trim(),
  };
}

/** `written`: the whole entry the id comes from, hidden too when it looks like a credential. */
function checkId(
  ctx: CheckContext,
  id: string,
  path: readonly KeyPathPart[],
  written: string = id,
): boolean {
  if (SERVICE_ID_PATTERN.test(id)) return true;
  report(
    ctx,
    'error',
    'schema/invalid-id',
    `${ctx.subject}: ${pathLabel(path)} names service ${describeValue(
      id,
      'service',
      written,
    )}, which is not a valid id (1 to 63 lowercase letters, digits or "-").`,
    path,
  );
  return false;
}

function checkRange(
  ctx: CheckContext,
  range: string | undefined,
  path: readonly KeyPathPart[],
  written: string | undefined = range,
): string | undefined {
  if (range === undefined) return undefined;
  if (range !== '' && isValidSemverRange(range)) return range;
  report(
    ctx,
    'error',
    'schema/invalid-semver',
    `${ctx.subject}: ${pathLabel(path)} has version range ${describeValue(
      range,
      'version',
      written,
    )}, which is not a semver range; write e.g. "shared-auth@^1.0" or { service = "shared-auth", version = ">=1.0.0" }.`,
    path,
  );
  return undefined;
}

/** The lazy `position` of dependency entries. */
const LAZY_POSITION = new LazyProperty('position');

/** Where a dependency entry is written, looked up when needed. */
class DeferredEntryPosition extends Deferred<SourcePosition> {
  constructor(
    private readonly ctx: CheckContext,
    private readonly list: readonly KeyPathPart[],
    private readonly index: number,
  ) {
    super();
  }

  resolve(): SourcePosition {
    return this.ctx.positionOf([...this.list, this.index]);
  }
}

/**
 * A dependency entry. Its `position` comes from `elements` (line and column of each element of
 * the list, when the header scan saw them), else it is looked up when first read (the look-up
 * may scan the file for its key positions, which loading does not need).
 */
function dependencyRef(
  ctx: CheckContext,
  list: readonly KeyPathPart[],
  index: number,
  service: string,
  range: string | undefined,
  raw: string,
  optional: boolean,
  file: string,
  elements: readonly number[] | undefined,
): DependencyRef {
  if (elements !== undefined && elements.length >= 2 * index + 2) {
    return {
      service,
      range,
      raw,
      position: {
        file,
        line: elements[2 * index],
        column: elements[2 * index + 1],
      },
      optional,
    };
  }
  const ref = { service, range, raw } as DependencyRef;
  // defined in the place of the plain property, so that the key order stays the same
  LAZY_POSITION.define(ref, new DeferredEntryPosition(ctx, list, index));
  ref.optional = optional;
  return ref;
}

/** A valid `"id"` or `"id@<range>"` entry, split. */
interface SplitEntry {
  service: string;
  range: string | undefined;
}

/** Most distinct ranged entries {@link splitValidEntry} remembers before it starts over. */
const SPLIT_CACHE_LIMIT = 10_000;
const splitCache = new Map<string, SplitEntry | null>();

/**
 * Splits a dependency string with a range (`"id@<range>"`) when it is valid (a valid id and a
 * valid range), else null. Memoised: registries repeat these entries (`"shared-auth@^1.0"`) a
 * lot, and the entries then share their strings.
 */
function splitRangedEntry(entry: string, at: number): SplitEntry | null {
  let split = splitCache.get(entry);
  if (split === undefined) {
    // parseDependencyString, checked
    const service = entry.slice(0, at).trim();
    const range = entry.slice(at + 1).trim();
    split =
      SERVICE_ID_PATTERN.test(service) &&
      range !== '' &&
      isValidSemverRange(range)
        ? { service, range }
        : null;
    if (splitCache.size >= SPLIT_CACHE_LIMIT) splitCache.clear();
    splitCache.set(entry, split);
  }
  return split;
}

function parseEntry(
  ctx: CheckContext,
  entry: unknown,
  list: readonly KeyPathPart[],
  index: number,
  optional: boolean,
  file: string,
  elements: readonly number[] | undefined,
): DependencyRef | undefined {
  if (typeof entry === 'string') {
    // the usual, valid entries: a plain id (the entry is its own id), or a memoised id and range
    const at = entry.indexOf('@');
    if (at === -1) {
      const service = entry.trim();
      if (SERVICE_ID_PATTERN.test(service)) {
        return dependencyRef(
          ctx,
          list,
          index,
          service,
          undefined,
          entry,
          optional,
          file,
          elements,
        );
      }
    } else {
      const split = splitRangedEntry(entry, at);
      if (split !== null) {
        return dependencyRef(
          ctx,
          list,
          index,
          split.service,
          split.range,
          entry,
          optional,
          file,
          elements,
        );
      }
    }
    // the slow path, which reports
    const { service, range } = parseDependencyString(entry);
    if (!SERVICE_ID_PATTERN.test(service)) {
      checkId(ctx, service, [...list, index], entry);
      return undefined;
    }
    return dependencyRef(
      ctx,
      list,
      index,
      service,
      checkRange(ctx, range, [...list, index], entry),
      entry,
      optional,
      file,
      elements,
    );
  }
  const path = [...list, index];
  if (isTable(entry)) {
    checkUnknownFields(ctx, entry, ENTRY_KEYS, path);
    const { service: writtenService, version } = entry;
    if (typeof writtenService !== 'string') {
      report(
        ctx,
        'error',
        writtenService === undefined
          ? 'schema/missing-field'
          : 'schema/invalid-type',
        `${ctx.subject}: ${pathLabel(
          path,
        )} needs service = "<id>" naming the service depended on.`,
        path,
      );
      return undefined;
    }
    // blanks around the id and the range are left out, as in the string form (`" db@ ^1"`)
    const service = writtenService.trim();
    if (!checkId(ctx, service, [...path, 'service'], writtenService)) {
      return undefined;
    }
    let range: string | undefined;
    if (version !== undefined && typeof version !== 'string') {
      report(
        ctx,
        'error',
        'schema/invalid-type',
        `${ctx.subject}: ${pathLabel([
          ...path,
          'version',
        ])} must be a semver range in quotes such as ">=1.0.0", got ${describeValue(
          version,
          'version',
        )}.`,
        [...path, 'version'],
      );
    } else {
      range = checkRange(ctx, version?.trim(), [...path, 'version'], version);
    }
    // as written, as the string form's
    const raw =
      version === undefined
        ? `{ service = ${JSON.stringify(writtenService)} }`
        : `{ service = ${JSON.stringify(
            writtenService,
          )}, version = ${JSON.stringify(version)} }`;
    return dependencyRef(
      ctx,
      list,
      index,
      service,
      range,
      raw,
      optional,
      file,
      elements,
    );
  }
  report(
    ctx,
    'error',
    'schema/invalid-type',
    `${ctx.subject}: ${pathLabel(
      path,
    )} must be "id", "id@<range>" or { service = "id", version = "<range>" }, got ${describeValue(
      entry,
      'dependency',
    )}.`,
    path,
  );
  return undefined;
}

/**
 * Parses `dependencies.requires` or `dependencies.optional`. Invalid entries are reported and
 * left out; an entry with a bad range keeps its service id without the range.
 *
 * @param ctx - where to report
 * @param value - the array as written (undefined when absent)
 * @param path - its path relative to the service
 * @param optional - whether these are optional dependencies
 * @param file - the file the list is written in
 * @param elements - where its elements are written, when already known: line and column of
 *   each element in turn (else each entry's `position` is looked up when first read)
 */
export function parseDependencyList(
  ctx: CheckContext,
  value: unknown,
  path: readonly KeyPathPart[],
  optional: boolean,
  file: string,
  elements?: readonly number[],
): DependencyRef[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report(
      ctx,
      'error',
      'schema/invalid-type',
      `${ctx.subject}: ${pathLabel(
        path,
      )} must be an array, e.g. ["project-a-api", "shared-auth@^1.0"], got ${describeValue(
        value,
        'dependency',
      )}.`,
      path,
    );
    return [];
  }
  // exactly as long as needed (an array filled with push keeps room for 17 entries)
  const refs = new Array<DependencyRef>(value.length);
  let count = 0;
  for (let index = 0; index < value.length; index++) {
    const ref = parseEntry(
      ctx,
      value[index],
      path,
      index,
      optional,
      file,
      elements,
    );
    if (ref) refs[count++] = ref;
  }
  if (count < refs.length) refs.length = count;
  return refs;
}
