import { LoadedRegistry } from '../model/types';

const DUPLICATE_ID = 'service/duplicate-id';

/**
 * The service ids two or more projects declare in `registry`, each with the files that declare
 * it (the kept declaration's and those reported as `service/duplicate-id`). Empty, after one pass
 * over the findings, when no id is declared twice.
 *
 * @public
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
 * For each service id two or more projects declare, the file whose declaration `registry` kept:
 * what to record with the files it was loaded from, to load them again with the same
 * declarations kept (`LoadRegistryOptions.preferredDeclarations`) where path order would keep
 * another. Empty when no id is declared twice.
 *
 * @public
 */
export function keptDeclarationsOf(
  registry: LoadedRegistry,
): Map<string, string> {
  const kept = new Map<string, string>();
  for (const id of duplicatedServices(registry).keys()) {
    const service = registry.services.get(id);
    if (service?.project === undefined) continue;
    kept.set(id, service.source.file);
  }
  return kept;
}
