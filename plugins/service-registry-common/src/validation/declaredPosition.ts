import { keyPosition } from '../load/filePositions';
import { RegistryService, SourcePosition } from '../model/types';

/**
 * Where a finding about a service belongs: the first of `paths` (dotted, relative to the service)
 * written in the service's own file, else the service header. For a global or project service
 * that is the first of `paths` it declares; for a project's view of an overridden global service
 * only the keys of the override count (its file is the project's `services.toml`), so that a
 * finding raised by the override points at the override, never at the global declaration.
 *
 * @param service - the service, or a project's view of it
 * @param paths - candidate key paths, most precise first
 */
export function declaredPosition(
  service: RegistryService,
  ...paths: string[]
): SourcePosition {
  for (const path of paths) {
    const found = keyPosition(service, path);
    if (found && found.file === service.source.file) return found;
  }
  return service.source;
}
