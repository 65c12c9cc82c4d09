import { SourcePosition } from '../model/types';
import { classifyRegistryFile, normalizeRegistryPath } from './classifyFile';
import { isTable } from './fieldCheck';
import { fileStart, positionIndex } from './filePositions';
import type { ParsedTomlFile } from './parseToml';

/** The declaration of a service id that is kept over its duplicates. */
export interface PreferredDeclaration {
  /** The project whose `services.toml` declares it. */
  project: string;
  /** Its `[service.<id>]` header. */
  source: SourcePosition;
}

/**
 * The declarations of `LoadRegistryOptions.preferredDeclarations` that the loaded files still
 * hold: for each service id, the project `services.toml` named for it, when that file was
 * loaded and declares the service as a table, and no global service of that id exists (projects
 * override a global service, they do not duplicate it). Looks only at the preferred files, so it
 * costs nothing without a preference.
 *
 * @param preferred - service id to the path of the file that declared it before
 * @param servicesFile - the loaded `services.toml` of a project, if any
 * @param globals - the services of `services/catalog.toml`
 * @returns undefined when none applies
 */
export function preferredDeclarations(
  preferred: ReadonlyMap<string, string> | undefined,
  servicesFile: (project: string) => ParsedTomlFile | undefined,
  globals: ReadonlyMap<string, unknown>,
): Map<string, PreferredDeclaration> | undefined {
  if (preferred === undefined || preferred.size === 0) return undefined;
  const kept = new Map<string, PreferredDeclaration>();
  for (const [id, path] of preferred) {
    if (globals.has(id)) continue;
    const kind = classifyRegistryFile(normalizeRegistryPath(path));
    if (kind.kind !== 'project' || kind.file !== 'services') continue;
    const file = servicesFile(kind.project);
    const services = file?.table.service;
    if (
      file === undefined ||
      !isTable(services) ||
      !Object.prototype.hasOwnProperty.call(services, id) ||
      !isTable(services[id])
    ) {
      continue;
    }
    kept.set(id, {
      project: kind.project,
      source:
        positionIndex(file).recordSource('service', id) ?? fileStart(file.path),
    });
  }
  return kept.size > 0 ? kept : undefined;
}
