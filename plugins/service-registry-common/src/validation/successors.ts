import { getServiceForProject } from '../model/getServiceForProject';
import { LoadedRegistry, RegistryService } from '../model/types';
import { bareId } from './findings';

/** Deprecated and retired services are no successor to migrate to. */
export const isDead = (service: RegistryService): boolean =>
  service.status === 'deprecated' || service.status === 'retired';

/**
 * A walk down the `replacement_service` chain of a service (see `successorChain`).
 */
export interface SuccessorChain {
  /** The ids walked, the service first. */
  path: string[];
  /** The first successor that is neither deprecated nor retired, if the walk reaches one. */
  live?: string;
  /** Set when the walk comes back to the deprecated or retired service it started from. */
  cycle?: boolean;
}

/**
 * Follows `replacement_service` from a service, as a project sees each successor, past the
 * deprecated and retired ones, until a live successor, an id no file declares, or an id already
 * walked (the path then ends with it again).
 *
 * @param registry - the loaded registry
 * @param service - the service whose successors are walked
 * @param project - the project whose views of the successors count (undefined: the global ones)
 */
export function successorChain(
  registry: LoadedRegistry,
  service: RegistryService,
  project: string | undefined,
): SuccessorChain {
  const path = [service.id];
  const seen = new Set(path);
  for (let id = service.replacementService; id !== undefined; ) {
    if (seen.has(id)) {
      path.push(id);
      return id === service.id && isDead(service)
        ? { path, cycle: true }
        : { path };
    }
    seen.add(id);
    path.push(id);
    const next = getServiceForProject(registry, project, id);
    if (!next) return { path };
    if (!isDead(next)) return { path, live: id };
    id = next.replacementService;
  }
  return { path };
}

/**
 * Where the consumers of a deprecated or retired service should migrate, as their project sees
 * the successors (see `successorChain`):
 *
 * - `{ live: "new" }`: its `replacement_service`, when that is live;
 * - `{ live: "v4", chain: "the live end of its replacements v2 → v3 → v4" }`: the first live
 *   successor down the chain, when the replacement is itself deprecated or retired;
 * - `{ none: "no registry file declares it" }`, why, when the chain reaches no live service (an id
 *   no file declares, a circle, a last deprecated or retired successor);
 * - undefined without `replacement_service`.
 *
 * @param registry - the loaded registry
 * @param provider - the deprecated or retired service
 * @param project - the consumers' project (undefined for global consumers)
 *
 * @public
 */
export function migrationTarget(
  registry: LoadedRegistry,
  provider: RegistryService,
  project: string | undefined,
): { live: string; chain?: string } | { none: string } | undefined {
  const replacement = provider.replacementService;
  if (replacement === undefined) return undefined;
  const chain = successorChain(registry, provider, project);
  const successors = chain.path.slice(1).map(bareId).join(' → ');
  if (chain.live !== undefined) {
    return chain.path.length === 2
      ? { live: chain.live }
      : {
          live: chain.live,
          chain: `the live end of its replacements ${successors}`,
        };
  }
  let why = `its replacements ${successors} reach no live service`;
  if (replacement === provider.id) why = 'it names itself';
  else if (!getServiceForProject(registry, project, replacement)) {
    why = 'no registry file declares it';
  }
  return { none: why };
}
