import {
  LoadedRegistry,
  loadRegistry,
  RegistryReadOptions,
} from '@service-registry/plugin-service-registry-common';
import { readRegistryDirectory } from './readRegistryDirectory';

/**
 * Reads a registry directory and loads it (see {@link readRegistryDirectory} and `loadRegistry`).
 *
 * @param dir - the registry root
 * @param options - `maxFileBytes`, the size above which a file is not read
 * @public
 */
export async function loadRegistryFromDirectory(
  dir: string,
  options: RegistryReadOptions = {},
): Promise<LoadedRegistry> {
  return loadRegistry(await readRegistryDirectory(dir, options));
}
