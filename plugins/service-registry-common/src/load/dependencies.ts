import semver from 'semver';
import { DependencyRef } from '../model/types';
import {
  CheckContext,
  checkUnknownFields,
  isTable,
  pathLabel,
  report,
} from './fieldCheck';
import { describeValue } from './describeValue';
import { SERVICE_ID_PATTERN } from './fieldSpecs';
import { KeyPathPart } from './keyPath';

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

function checkId(
  ctx: CheckContext,
  id: string,
  path: readonly KeyPathPart[],
): boolean {
  if (SERVICE_ID_PATTERN.test(id)) return true;
  report(
    ctx,
    'error',
    'schema/invalid-id',
    `${ctx.subject}: ${pathLabel(path)} names service ${JSON.stringify(
      id,
    )}, which is not a valid id (1 to 63 lowercase letters, digits or "-").`,
    path,
  );
  return false;
}

function checkRange(
  ctx: CheckContext,
  range: string | undefined,
  path: readonly KeyPathPart[],
): string | undefined {
  if (range === undefined) return undefined;
  if (range !== '' && semver.validRange(range) !== null) return range;
  report(
    ctx,
    'error',
    'schema/invalid-semver',
    `${ctx.subject}: ${pathLabel(path)} has version range ${JSON.stringify(
      range,
    )}, which is not a semver range; write e.g. "shared-auth@^1.0" or { service = "shared-auth", version = ">=1.0.0" }.`,
    path,
  );
  return undefined;
}

function parseEntry(
  ctx: CheckContext,
  entry: unknown,
  path: readonly KeyPathPart[],
  optional: boolean,
): DependencyRef | undefined {
  const position = ctx.positionOf(path);
  if (typeof entry === 'string') {
    const { service, range } = parseDependencyString(entry);
    if (!checkId(ctx, service, path)) return undefined;
    return {
      service,
      range: checkRange(ctx, range, path),
      raw: entry,
      position,
      optional,
    };
  }
  if (isTable(entry)) {
    checkUnknownFields(ctx, entry, ENTRY_KEYS, path);
    const { service, version } = entry;
    if (typeof service !== 'string') {
      report(
        ctx,
        'error',
        service === undefined ? 'schema/missing-field' : 'schema/invalid-type',
        `${ctx.subject}: ${pathLabel(
          path,
        )} needs service = "<id>" naming the service depended on.`,
        path,
      );
      return undefined;
    }
    if (!checkId(ctx, service, [...path, 'service'])) return undefined;
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
      range = checkRange(ctx, version, [...path, 'version']);
    }
    const raw =
      version === undefined
        ? `{ service = ${JSON.stringify(service)} }`
        : `{ service = ${JSON.stringify(service)}, version = ${JSON.stringify(
            version,
          )} }`;
    return { service, range, raw, position, optional };
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
 */
export function parseDependencyList(
  ctx: CheckContext,
  value: unknown,
  path: readonly KeyPathPart[],
  optional: boolean,
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
  const refs: DependencyRef[] = [];
  value.forEach((entry, index) => {
    const ref = parseEntry(ctx, entry, [...path, index], optional);
    if (ref) refs.push(ref);
  });
  return refs;
}
