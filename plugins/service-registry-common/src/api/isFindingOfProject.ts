import { LoadedRegistry, RegistryFinding } from '../model/types';
import { GLOBAL_PROJECT_ID } from './projectSummaryResponse';

const CATALOG_FILE = 'services/catalog.toml';

/**
 * Whether a finding belongs to a project, as the project's summary counts it: a finding about the
 * project or about one of its services. For `GLOBAL_PROJECT_ID` (`:global`), a finding about no
 * project that is in `services/catalog.toml` or about a global service.
 *
 * @param registry - the registry the finding was made on
 * @param finding - the finding
 * @param projectId - a project id, or `GLOBAL_PROJECT_ID`
 * @public
 */
export function isFindingOfProject(
  registry: LoadedRegistry,
  finding: RegistryFinding,
  projectId: string,
): boolean {
  const service =
    finding.service === undefined
      ? undefined
      : registry.services.get(finding.service);
  if (projectId === GLOBAL_PROJECT_ID) {
    return (
      finding.project === undefined &&
      (finding.file === CATALOG_FILE ||
        (service !== undefined && service.project === undefined))
    );
  }
  return finding.project === projectId || service?.project === projectId;
}
