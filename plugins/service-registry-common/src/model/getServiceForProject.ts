import { LoadedRegistry, RegistryService } from './types';

/**
 * The service a project sees under an id: the project's override of a global service when it
 * declares one, otherwise the service itself (roadmap 2.1, `get_service_for_project`).
 *
 * @param registry - the loaded registry
 * @param project - the project id
 * @param serviceId - the service id
 * @public
 */
export function getServiceForProject(
  registry: LoadedRegistry,
  project: string,
  serviceId: string,
): RegistryService | undefined {
  return (
    registry.overrides.get(project)?.get(serviceId) ??
    registry.services.get(serviceId)
  );
}
