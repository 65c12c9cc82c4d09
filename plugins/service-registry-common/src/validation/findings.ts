import { keyPosition } from '../load/filePositions';
import { joinKeyPath, KeyPathPart, tomlBasicString } from '../load/keyPath';
import {
  FindingSeverity,
  RegistryFinding,
  RegistryService,
  SourcePosition,
} from '../model/types';

/**
 * Builds a finding at a position, about a service and/or a project.
 *
 * @param severity - how bad it is
 * @param code - the stable code
 * @param message - what is wrong and how to fix it
 * @param position - where
 * @param about - the service and project concerned
 */
export function makeFinding(
  severity: FindingSeverity,
  code: string,
  message: string,
  position: SourcePosition,
  about: { service?: string; project?: string } = {},
): RegistryFinding {
  return {
    severity,
    code,
    message,
    file: position.file,
    line: position.line,
    column: position.column,
    ...(about.service !== undefined ? { service: about.service } : {}),
    ...(about.project !== undefined ? { project: about.project } : {}),
  };
}

/**
 * The position of the first of `paths` the service declares (dotted, relative to the service),
 * else the service header.
 *
 * @param service - the service
 * @param paths - candidate key paths, most precise first
 */
export function servicePosition(
  service: RegistryService,
  ...paths: string[]
): SourcePosition {
  for (const path of paths) {
    const found = keyPosition(service, path);
    if (found) return found;
  }
  return service.source;
}

/**
 * The service and project a finding about a service concerns.
 *
 * @param service - the service
 */
export function aboutService(service: RegistryService): {
  service: string;
  project?: string;
} {
  return service.project === undefined
    ? { service: service.id }
    : { service: service.id, project: service.project };
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Orders findings by file, line, column, then code, service and message, so that the output
 * reads like the files and never depends on rule order.
 *
 * @param findings - the findings (not changed)
 */
export function sortFindings(findings: RegistryFinding[]): RegistryFinding[] {
  return [...findings].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.code, b.code) ||
      compareText(a.service ?? '', b.service ?? '') ||
      compareText(a.message, b.message),
  );
}

/*
 * How messages name ids and other names taken from keys or folders. The loader reports an id
 * that is not valid (`[service."a\u202eb"]`, a project folder `a\u0000b`) as `schema/invalid-id`
 * but still loads it, so rules meet such ids too: each is written as a TOML basic string (see
 * `tomlBasicString`), never raw, so that a message never brings a control character, nor a
 * bidirectional override that would show the message in another order than it is written. A
 * valid id reads as before (`"api"`, or `api` where it is not quoted).
 */

/**
 * An id or a name taken from a key, quoted for a message: `"api"`, `"a\u202eb"`.
 *
 * @param name - the id or name as the registry holds it
 */
export function quoted(name: string): string {
  return tomlBasicString(name);
}

/**
 * How a message names a service: `Service "api"`.
 *
 * @param id - the service's id
 */
export function serviceLabel(id: string): string {
  return `Service ${quoted(id)}`;
}

/**
 * An id where a message writes it without quotes (a chain `a → b`, `(api)`): as a TOML key, bare
 * when it is a bare key (every valid id is), else quoted (`"a\u202eb"`).
 *
 * @param id - the id
 */
export function bareId(id: string): string {
  return joinKeyPath([id]);
}

/**
 * A table header for a message: `[service.api.governance]`, `[service."a\u202eb".sla]`.
 *
 * @param parts - the header's key path
 */
export function tableHeader(...parts: KeyPathPart[]): string {
  return `[${joinKeyPath(parts)}]`;
}

/**
 * Quotes and joins ids for messages: `"a", "b" and "c"` (each as {@link quoted} writes it).
 *
 * @param ids - the ids
 */
export function listIds(ids: readonly string[]): string {
  const all = ids.map(quoted);
  if (all.length <= 1) return all.join('');
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}
