import semver from 'semver';
import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

const CONVENTION =
  'the lifecycle versions development 0.x.y, beta 1.0.0-beta.x, ga and maintenance 1.x.y';

/** What a version at the service's stage should be, when its version is not that; else undefined. */
function expectation(
  status: RegistryService['status'],
  version: string,
): string | undefined {
  const stable = semver.major(version) >= 1;
  const prerelease = semver.prerelease(version) !== null;
  switch (status) {
    case 'ga':
    case 'maintenance':
      return stable && !prerelease
        ? undefined
        : `a ${status} service promises a stable API: its version is a release of 1.0.0 or later, without a prerelease tag (${CONVENTION}). Release a 1.0.0 or later version, or set status to the stage the version is at.`;
    case 'beta':
      return stable && prerelease
        ? undefined
        : `a beta service is a prerelease of 1.0.0 or later, such as 1.0.0-beta.1 (${CONVENTION}). Set version to such a prerelease, or set status to the stage the version is at.`;
    case 'development':
      return !stable || prerelease
        ? undefined
        : `a service in development is versioned 0.x.y, or as a prerelease of the version it is heading for, such as 2.0.0-alpha.1 (${CONVENTION}). Set version to such a version, or set status to the stage the version is at (beta, ga).`;
    default:
      // deprecated and retired services keep the version they had
      return undefined;
  }
}

function check(service: RegistryService): readonly RegistryFinding[] {
  const { status, version } = service;
  // `version` is only set when it is valid semver (the loader reports the others)
  if (status === undefined || version === undefined) return NO_FINDINGS;
  const expected = expectation(status, version);
  if (expected === undefined) return NO_FINDINGS;
  return [
    makeFinding(
      'warning',
      'lifecycle/version-not-for-status',
      `${serviceLabel(
        service.id,
      )} is ${status} at version ${version}, but ${expected}`,
      declaredPosition(service, 'version', 'status'),
      aboutService(service),
    ),
  ];
}

/**
 * `lifecycle/version-not-for-status` (warning): a version that contradicts the lifecycle stage's
 * versioning (development 0.x.y, beta a prerelease of 1.0.0 or later, ga and maintenance a release
 * of 1.0.0 or later; deprecated and retired are not checked), at the `version` key (the `status`
 * key of an override that only changes the status); for a project's view of an overridden
 * service, when the override causes it.
 *
 * @param ctx - the validation context
 */
export function versionNotForStatus(ctx: ValidationContext): RegistryFinding[] {
  return checkServicesAndViews(ctx, check);
}
