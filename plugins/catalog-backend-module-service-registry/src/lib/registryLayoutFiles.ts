import {
  classifyRegistryFile,
  intendedRegistryPath,
} from '@service-registry/plugin-service-registry-common';

/**
 * Whether a path (relative to the registry root) is a file of the registry layout
 * (`services/catalog.toml`, `projects/<project>/services.toml`, `policies/<name>.toml`, …), also
 * with `.toml` in another case, which the provider keeps at its last good version.
 *
 * @param path - the path relative to the registry root, with forward slashes
 */
export function isRegistryLayoutFile(path: string): boolean {
  return (
    classifyRegistryFile(path).kind !== 'unknown' ||
    intendedRegistryPath(path) !== undefined
  );
}

/**
 * Whether a registry file of the layout declares services: the global catalog
 * (`services/catalog.toml`) or a project's `services.toml`.
 *
 * @param path - the path relative to the registry root, with forward slashes
 */
export function declaresServices(path: string): boolean {
  const kind = classifyRegistryFile(path);
  return (
    kind.kind === 'catalog' ||
    (kind.kind === 'project' && kind.file === 'services')
  );
}

/**
 * Where a target that holds no file of the layout seems to have its registry: the first of
 * `paths` that is a layout file below a folder (`registry/services/catalog.toml` in the folder
 * `registry`: a repository root given where the registry is one of its folders), preferring a
 * file that declares services; undefined when none is.
 *
 * @param paths - the paths read, relative to the target, in the order to prefer
 */
export function nestedRegistryFile(
  paths: readonly string[],
): { file: string; folder: string } | undefined {
  let found: { file: string; folder: string } | undefined;
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const rest = parts.slice(i).join('/');
      if (!isRegistryLayoutFile(rest)) continue;
      const candidate = { file: path, folder: parts.slice(0, i).join('/') };
      if (declaresServices(rest)) return candidate;
      found ??= candidate;
      break;
    }
  }
  return found;
}
