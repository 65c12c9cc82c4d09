import {
  classifyRegistryFile,
  registryRootBelow,
} from '@service-registry/plugin-service-registry-common';

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
    const below = registryRootBelow(path);
    if (!below) continue;
    const candidate = { file: path, folder: below.folder };
    if (declaresServices(below.rest)) return candidate;
    found ??= candidate;
  }
  return found;
}
