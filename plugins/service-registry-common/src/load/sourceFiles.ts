import { LoadedRegistry } from '../model/types';
import type { ParsedTomlFile } from './parseToml';

const sourceFiles = new WeakMap<LoadedRegistry, readonly ParsedTomlFile[]>();

/**
 * Keeps the parsed files a registry was loaded from beside it, outside the model: the secret
 * scan reads them as written, with their key positions (see `positionIndex`).
 *
 * @param registry - the registry `loadRegistry` returns
 * @param files - every file that parsed, those outside the registry layout included
 */
export function keepSourceFiles(
  registry: LoadedRegistry,
  files: readonly ParsedTomlFile[],
): void {
  sourceFiles.set(registry, files);
}

/**
 * The parsed files `loadRegistry` loaded `registry` from (those outside the layout included), or
 * undefined for a registry it did not return (a copy, an object built by hand).
 *
 * @param registry - the registry
 */
export function sourceFilesOf(
  registry: LoadedRegistry,
): readonly ParsedTomlFile[] | undefined {
  return sourceFiles.get(registry);
}
