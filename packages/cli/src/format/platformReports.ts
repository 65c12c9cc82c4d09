import { RegistryFinding } from '@service-registry/plugin-service-registry-common';
import { formatFindingsGitlab } from './gitlab';
import { formatFindingsSarif } from './sarif';

/**
 * The formats that are a report file for a CI platform, which compares it with its target
 * branch's itself: findings at their paths from the repository root (`root`, from
 * `annotationRoot`), as a JSON document.
 */
export const PLATFORM_REPORTS: Record<
  'gitlab' | 'sarif',
  (findings: RegistryFinding[], options: { root: string }) => string
> = {
  gitlab: formatFindingsGitlab,
  sarif: formatFindingsSarif,
};
