import { keyPosition } from '../load/filePositions';
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

/**
 * Quotes and joins ids for messages: `"a", "b" and "c"`.
 *
 * @param ids - the ids
 */
export function listIds(ids: readonly string[]): string {
  const quoted = ids.map(id => `"${id}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}
