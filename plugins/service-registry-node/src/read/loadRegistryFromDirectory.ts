import {
  LoadedRegistry,
  loadRegistry,
} from '@service-registry/plugin-service-registry-common';
import { readRegistryDirectory } from './readRegistryDirectory';

/**
 * Reads a registry directory and loads it (see {@link readRegistryDirectory} and `loadRegistry`).
 *
 * @param dir - the registry root
 * @public
 */
export async function loadRegistryFromDirectory(
  dir: string,
): Promise<LoadedRegistry> {
  return loadRegistry(await readRegistryDirectory(dir));
}
