import { dependencyGraphOf } from '../graph/dependencyGraphOf';
import { LoadedRegistry } from '../model/types';
import { ValidationContext } from './types';

/**
 * Builds the context the rules share: the dependency graph (once) and the services by id.
 *
 * @param registry - the loaded registry
 * @param today - `YYYY-MM-DD`
 *
 * @public
 */
export function createValidationContext(
  registry: LoadedRegistry,
  today: string,
): ValidationContext {
  const services = [...registry.services.keys()]
    .sort()
    .map(id => registry.services.get(id)!);
  return { registry, graph: dependencyGraphOf(registry), today, services };
}
