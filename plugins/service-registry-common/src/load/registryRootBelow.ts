import { classifyRegistryFile, intendedRegistryPath } from './classifyFile';

/**
 * Whether a path (relative to the registry root) is a file of the registry layout
 * (`services/catalog.toml`, `projects/<project>/services.toml`, `policies/<name>.toml`, …), also
 * with `.toml` in another case (`services.TOML`, which means the layout's file).
 *
 * @param path - the normalised path relative to the registry root
 * @public
 */
export function isRegistryLayoutFile(path: string): boolean {
  return (
    classifyRegistryFile(path).kind !== 'unknown' ||
    intendedRegistryPath(path) !== undefined
  );
}

/**
 * Where a file read from a folder that is not the registry's root would be a file of the layout:
 * the folder below that would be the root (`registry` for `registry/services/catalog.toml`, a
 * repository's root given where the registry is one of its folders) and the path relative to it;
 * the shallowest such folder, undefined when there is none.
 *
 * @param path - the normalised path relative to the folder read
 * @public
 */
export function registryRootBelow(
  path: string,
): { folder: string; rest: string } | undefined {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const rest = parts.slice(i).join('/');
    if (isRegistryLayoutFile(rest)) {
      return { folder: parts.slice(0, i).join('/'), rest };
    }
  }
  return undefined;
}
