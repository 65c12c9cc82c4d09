import { LoadedRegistry, RegistryService } from './types';

/**
 * The service a project sees under an id: the project's override of a global service when it
 * declares one, otherwise the service itself (roadmap 2.1, `get_service_for_project`). Without a
 * project (a global consumer), the declaration in `registry.services`.
 *
 * @param registry - the loaded registry
 * @param project - the project id, or undefined for the global view
 * @param serviceId - the service id
 * @public
 */
export function getServiceForProject(
  registry: LoadedRegistry,
  project: string | undefined,
  serviceId: string,
): RegistryService | undefined {
  if (project !== undefined) {
    const view = registry.overrides.get(project)?.get(serviceId);
    if (view) return view;
  }
  return registry.services.get(serviceId);
}
