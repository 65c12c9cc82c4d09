import { z } from 'zod';
import {
  FindingSeverity,
  RegistryFinding,
  SourcePosition,
} from '../model/types';
import { pathInMessage } from './controlCharacterPattern';
import { describeValue } from './describeValue';
import { joinKeyPath, KeyPathPart, tomlBasicString } from './keyPath';

/**
 * How one field is checked: its zod schema, and how to say what it expects.
 */
export interface FieldSpec<T> {
  /** Parses (and may normalise) the value as written. */
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  /**
   * The fast path of the check, without allocating: the value as the schema would return it
   * when the value is certainly valid, else undefined (then the schema decides, and explains).
   * It must never accept a value the schema refuses.
   */
  accept?: (value: unknown) => T | undefined;
  /** What a valid value looks like, for messages: `an integer between 1 and 65535`. */
  expected: string;
  /** For enums: the allowed values. */
  values?: readonly string[];
}

/**
 * Where the checks of one record (a service, a project, a policy table) report.
 */
export interface CheckContext {
  /** Who the record is, for messages: `Service "shared-auth"`. */
  subject: string;
  /**
   * The record's table from the root of its file (`['service', 'shared-auth']`), for messages
   * that name a table to write; undefined when the paths checked start at the file's root.
   */
  table?: readonly KeyPathPart[];
  /** Position of a path relative to the record (nearest known prefix, else the record's header). */
  positionOf(path: readonly KeyPathPart[]): SourcePosition;
  /** Receives findings; omitted when the record was already checked (e.g. a merged override view). */
  report?: (
    finding: Pick<RegistryFinding, 'severity' | 'code' | 'message'>,
    position: SourcePosition,
  ) => void;
}

/**
 * The position of the nearest known prefix of a path among positions keyed by relative dotted
 * path, or `fallback`. Only own keys count: a key may be named `constructor`.
 */
export function nearestPosition(
  positions: Record<string, SourcePosition>,
  path: readonly KeyPathPart[],
  fallback: SourcePosition,
): SourcePosition {
  for (let k = path.length; k > 0; k--) {
    const key = joinKeyPath(path.slice(0, k));
    if (Object.prototype.hasOwnProperty.call(positions, key)) {
      const found = positions[key];
      if (found) return found;
    }
  }
  return fallback;
}

/**
 * Makes a position lookup over positions keyed by relative dotted path: the nearest known prefix
 * of the path, or `fallback`.
 */
export function positionLookup(
  positions: Record<string, SourcePosition>,
  fallback: SourcePosition,
): (path: readonly KeyPathPart[]) => SourcePosition {
  return path => nearestPosition(positions, path, fallback);
}

/** The most parts {@link pathLabel} spells out; a longer path shows its first and last ones. */
const MAX_LABEL_PARTS = 64;
/** The parts a cut label keeps at its end. */
const LABEL_TAIL_PARTS = 2;

/**
 * A path for messages: `sla.availability`, `tags[2]`. A path of more than 64 parts (a dotted key
 * of thousands, which only a mistake writes) shows its first 62 and its last 2 parts around the
 * number of those left out (`a.a.a …19,938 more parts… a.password`), so that a message stays
 * readable.
 */
export function pathLabel(path: readonly KeyPathPart[]): string {
  if (path.length > MAX_LABEL_PARTS) {
    const head = MAX_LABEL_PARTS - LABEL_TAIL_PARTS;
    const left = path.length - MAX_LABEL_PARTS;
    return `${pathLabel(path.slice(0, head))} …${left.toLocaleString(
      'en-US',
    )} more parts… ${pathLabel(path.slice(-LABEL_TAIL_PARTS))}`;
  }
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${joinKeyPath([part])}` : joinKeyPath([part]);
  }
  return out;
}

function issueCode(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'schema/invalid-type';
    case 'invalid_enum_value':
    case 'invalid_literal':
      return 'schema/invalid-enum';
    case 'invalid_string':
      return issue.validation === 'url'
        ? 'schema/invalid-url'
        : 'schema/invalid-value';
    case 'too_small':
    case 'too_big':
    case 'not_finite':
      return 'schema/out-of-range';
    case 'custom':
      return (
        (issue.params?.code as string | undefined) ?? 'schema/invalid-value'
      );
    default:
      return 'schema/invalid-value';
  }
}

function valueAt(value: unknown, path: readonly KeyPathPart[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/**
 * Reports a finding through the context, if it reports.
 */
export function report(
  ctx: CheckContext,
  severity: FindingSeverity,
  code: string,
  message: string,
  path: readonly KeyPathPart[],
): void {
  ctx.report?.({ severity, code, message }, ctx.positionOf(path));
}

/**
 * Checks one field of a record with its spec. A valid value is returned (normalised by the
 * schema); an invalid one is reported at the key (or the offending array element) and left out.
 *
 * @param ctx - where to report
 * @param value - the value as written (undefined when absent)
 * @param path - the field's path relative to the record
 * @param spec - the field's spec
 */
export function checkField<T>(
  ctx: CheckContext,
  value: unknown,
  path: readonly KeyPathPart[],
  spec: FieldSpec<T>,
): T | undefined {
  if (value === undefined) return undefined;
  if (spec.accept !== undefined) {
    const accepted = spec.accept(value);
    if (accepted !== undefined) return accepted;
  }
  const parsed = spec.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // one finding per value: `port = inf` is neither an integer nor in range, one fix for both
  const reported = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (reported.size === 5) break;
    const fullPath = [...path, ...issue.path];
    const label = pathLabel(fullPath);
    if (reported.has(label)) continue;
    reported.add(label);
    const key = String(path[path.length - 1] ?? '');
    const shown = describeValue(valueAt(value, issue.path), key);
    const code = issueCode(issue);
    const message =
      code === 'schema/invalid-enum' && spec.values
        ? `${ctx.subject}: ${label} ${shown} is not one of ${spec.values.join(
            ', ',
          )}. Use one of these values.`
        : `${ctx.subject}: ${label} must be ${
            // an element's own expectation, where its check gives one
            (issue.code === 'custom' &&
              (issue.params?.expected as string | undefined)) ||
            spec.expected
          }, got ${shown}.`;
    report(ctx, 'error', code, message, fullPath);
  }
  return undefined;
}

/**
 * {@link checkField} for the field `key` of a sub-table at `base`: the field's path is only
 * built when the value needs the schema (a valid value allocates nothing).
 */
export function checkFieldAt<T>(
  ctx: CheckContext,
  value: unknown,
  base: readonly KeyPathPart[],
  key: string,
  spec: FieldSpec<T>,
): T | undefined {
  if (value === undefined) return undefined;
  if (spec.accept !== undefined) {
    const accepted = spec.accept(value);
    if (accepted !== undefined) return accepted;
  }
  return checkField(ctx, value, [...base, key], spec);
}

/**
 * Warns about the keys of a table that are not among the known ones.
 *
 * @param ctx - where to report
 * @param table - the table as written
 * @param known - the known keys
 * @param path - the table's path relative to the record
 * @param hint - how to fix, appended to the message
 */
export function checkUnknownFields(
  ctx: CheckContext,
  table: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: readonly KeyPathPart[],
  hint?: string,
): void {
  // Object.keys, not for...in: the parser's tables have no prototype and are in V8's dictionary
  // mode, where for...in checks every key again as it goes (about 40% slower here)
  const keys = Object.keys(table);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (known.has(key)) continue;
    const where = path.length ? ` in ${pathLabel(path)}` : '';
    report(
      ctx,
      'warning',
      'schema/unknown-field',
      `${ctx.subject}: unknown field ${tomlBasicString(
        key,
      )}${where} is ignored; known fields are ${[...known].join(
        ', ',
      )}. Check the spelling${hint ? ` or ${hint}` : ''}.`,
      [...path, key],
    );
  }
}

/**
 * True for a TOML table (a plain object, not an array or a date).
 */
export function isTable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  );
}

/**
 * Reports a record of a file written as a value that is not a table (`service.a = 7` in a
 * monitoring or versions file, a project's `monitoring.p = "critical"`), at the record's key:
 * what it must be a table of and how to write it; the value is ignored.
 *
 * @param ctx - the record's check context (its positions start at the record's key)
 * @param record - the file, the kind of record (`service`, `monitoring`) and its id
 * @param tableOf - what the table holds (`releases`, `monitoring`)
 * @param howToWrite - how to write it (`write each release as [[service.a.release]] …`)
 * @param value - the value written instead
 */
export function reportRecordNotATable(
  ctx: CheckContext,
  record: { file: string; kind: string; id: string },
  tableOf: string,
  howToWrite: string,
  value: unknown,
): void {
  report(
    ctx,
    'error',
    'schema/invalid-type',
    `${pathInMessage(record.file)}: ${record.kind} ${tomlBasicString(
      record.id,
    )} must be a table of ${tableOf}: ${howToWrite}, got ${describeValue(
      value,
      record.id,
    )}. It is ignored until then.`,
    [],
  );
}

/**
 * Returns a sub-table of a record, reporting an `schema/invalid-type` error when the key holds
 * something else.
 */
export function checkTable(
  ctx: CheckContext,
  value: unknown,
  path: readonly KeyPathPart[],
): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (isTable(value)) return value;
  const label = pathLabel(path);
  const header = joinKeyPath(ctx.table ? [...ctx.table, ...path] : path);
  report(
    ctx,
    'error',
    'schema/invalid-type',
    `${
      ctx.subject
    }: ${label} must be a table (write it as [${header}] or ${label} = { ... }), got ${describeValue(
      value,
      String(path[path.length - 1]),
    )}.`,
    path,
  );
  return undefined;
}
