import {
  duplicatedServices,
  LoadedRegistry,
  loadRegistry,
} from '@service-registry/plugin-service-registry-common';

/**
 * Which file declared each duplicated service id of `registry` at the last applied run, where
 * that is not the declaration `registry` kept: the preference to load the registry again with
 * (`LoadRegistryOptions.preferredDeclarations`), so that a project that adds an id another
 * project declared before cannot take its service over. Reads only the last good versions of the
 * files that declare a duplicated id and the record of the declarations kept then, and nothing
 * when no id is declared twice.
 *
 * @param registry - the registry as this run loaded it
 * @param lastGoodFiles - the last good content of the given files (see `ProviderStateStore.getFiles`)
 * @param keptDeclarations - the declarations the last applied run kept (see
 *   `ProviderStateStore.getKeptDeclarations`); with none, the first in path order
 * @returns undefined when `registry` already keeps every declaration the last run kept
 */
export async function declarationsBefore(
  registry: LoadedRegistry,
  lastGoodFiles: (paths: string[]) => Promise<Map<string, string>>,
  keptDeclarations: () => Promise<Map<string, string> | undefined>,
): Promise<Map<string, string> | undefined> {
  const duplicated = duplicatedServices(registry);
  if (duplicated.size === 0) return undefined;
  const paths = new Set<string>();
  for (const files of duplicated.values()) {
    for (const file of files) paths.add(file);
  }
  const [stored, keptThen] = await Promise.all([
    lastGoodFiles([...paths]),
    keptDeclarations(),
  ]);
  // those files as the last run applied them, with the declarations it kept
  const before = loadRegistry(
    [...stored].map(([path, text]) => ({ path, text })),
    { preferredDeclarations: keptThen },
  );
  const preferred = new Map<string, string>();
  for (const [id, files] of duplicated) {
    const then = before.services.get(id);
    if (then?.project === undefined || !files.has(then.source.file)) continue;
    if (then.source.file !== registry.services.get(id)?.source.file) {
      preferred.set(id, then.source.file);
    }
  }
  return preferred.size > 0 ? preferred : undefined;
}
