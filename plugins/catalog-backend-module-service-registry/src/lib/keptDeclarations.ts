import {
  LoadedRegistry,
  loadRegistry,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';

const DUPLICATE_ID = 'service/duplicate-id';

/**
 * Where the provider keeps, among the last good files of a registry, which file's declaration of
 * each duplicated service id its last applied run kept (service id to file path, as JSON). Not a
 * registry file: readers take only `*.toml` files, so no registry file has this path.
 */
export const KEPT_DECLARATIONS_PATH =
  '.service-registry/kept-declarations.json';

/**
 * The service ids two or more projects declare in `registry`, each with the files that declare
 * it (the kept declaration's and those reported as `service/duplicate-id`). Empty, after one pass
 * over the findings, when no id is declared twice.
 */
export function duplicatedServices(
  registry: LoadedRegistry,
): Map<string, Set<string>> {
  const duplicated = new Map<string, Set<string>>();
  for (const finding of registry.findings) {
    if (finding.code !== DUPLICATE_ID || finding.service === undefined) {
      continue;
    }
    let files = duplicated.get(finding.service);
    if (!files) {
      files = new Set();
      const kept = registry.services.get(finding.service);
      if (kept) files.add(kept.source.file);
      duplicated.set(finding.service, files);
    }
    files.add(finding.file);
  }
  return duplicated;
}

/**
 * The record to keep with the files of an applied run: for each duplicated service id, the file
 * whose declaration `registry` kept. None when no id is declared twice.
 */
export function keptDeclarationsFile(
  registry: LoadedRegistry,
): RegistryFileInput[] {
  const kept: Record<string, string> = {};
  let any = false;
  for (const id of duplicatedServices(registry).keys()) {
    const service = registry.services.get(id);
    if (service?.project === undefined) continue;
    kept[id] = service.source.file;
    any = true;
  }
  return any
    ? [{ path: KEPT_DECLARATIONS_PATH, text: JSON.stringify(kept) }]
    : [];
}

/**
 * Reads the record {@link keptDeclarationsFile} wrote; anything else (none, or a record this
 * version cannot read) is no preference: the first declaration in path order is kept.
 */
export function readKeptDeclarations(
  text: string | undefined,
): Map<string, string> | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return undefined;
  }
  const kept = new Map<string, string>();
  for (const [id, file] of Object.entries(parsed)) {
    if (typeof file === 'string') kept.set(id, file);
  }
  return kept;
}

/**
 * Which file declared each duplicated service id of `registry` at the last applied run, where
 * that is not the declaration `registry` kept: the preference to load the registry again with
 * (`LoadRegistryOptions.preferredDeclarations`), so that a project that adds an id another
 * project declared before cannot take its service over. Reads only the last good versions of the
 * files that declare a duplicated id (and the record of the declarations kept then), and nothing
 * when no id is declared twice.
 *
 * @param registry - the registry as this run loaded it
 * @param lastGoodFiles - the last good content of the given files (see `ProviderStateStore.getFiles`)
 * @returns undefined when `registry` already keeps every declaration the last run kept
 */
export async function declarationsBefore(
  registry: LoadedRegistry,
  lastGoodFiles: (paths: string[]) => Promise<Map<string, string>>,
): Promise<Map<string, string> | undefined> {
  const duplicated = duplicatedServices(registry);
  if (duplicated.size === 0) return undefined;
  const paths = new Set<string>([KEPT_DECLARATIONS_PATH]);
  for (const files of duplicated.values()) {
    for (const file of files) paths.add(file);
  }
  const stored = await lastGoodFiles([...paths]);
  const keptThen = readKeptDeclarations(stored.get(KEPT_DECLARATIONS_PATH));
  stored.delete(KEPT_DECLARATIONS_PATH);
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
