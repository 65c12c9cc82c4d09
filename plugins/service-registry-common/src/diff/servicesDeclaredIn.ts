import { LoadedRegistry } from '../model/types';

/**
 * The services a file of the registry declares, its project's overrides of global services
 * included, sorted: what the diff names for a file it compared as the other side has it.
 *
 * @param registry - the registry
 * @param file - the file, relative to the registry root
 */
export function servicesDeclaredIn(
  registry: LoadedRegistry,
  file: string,
): string[] {
  const ids = new Set<string>();
  for (const [id, service] of registry.services) {
    if (service.source.file === file) ids.add(id);
  }
  for (const views of registry.overrides.values()) {
    for (const [id, view] of views) {
      if (view.source.file === file) ids.add(id);
    }
  }
  return [...ids].sort();
}
