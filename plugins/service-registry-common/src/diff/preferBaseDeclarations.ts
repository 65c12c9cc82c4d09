import { loadRegistry } from '../load/buildRegistry';
import { duplicatedServices } from '../load/keptDeclarations';
import { LoadedRegistry, RegistryFileInput } from '../model/types';

/**
 * The head registry of a diff with each service id two projects declare kept where base declared
 * it: without a preference the loader keeps the first declaration in path order, so a project
 * that sorts first and declares an id another project already declared would take that service
 * over, with the duplicate reported on the old declaration and the service shown as changed. When
 * head has `service/duplicate-id` findings for ids a project declared in base, head is loaded
 * again with base's declarations as `LoadRegistryOptions.preferredDeclarations`, so that the new
 * declaration is the one reported and ignored.
 *
 * @param base - the registry before
 * @param head - the registry after, as loaded from `headFiles` without a preference
 * @param headFiles - the files `head` was loaded from
 * @returns `head` itself when no duplicated id needs it (the usual case: nothing is loaded again)
 * @public
 */
export function preferBaseDeclarations(
  base: LoadedRegistry,
  head: LoadedRegistry,
  headFiles: readonly RegistryFileInput[],
): LoadedRegistry {
  const preferred = new Map<string, string>();
  for (const id of duplicatedServices(head).keys()) {
    const before = base.services.get(id);
    if (before?.project === undefined) continue;
    if (before.source.file !== head.services.get(id)?.source.file) {
      preferred.set(id, before.source.file);
    }
  }
  if (preferred.size === 0) return head;
  return loadRegistry(headFiles, { preferredDeclarations: preferred });
}
