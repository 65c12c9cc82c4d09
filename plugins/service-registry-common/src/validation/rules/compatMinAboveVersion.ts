import semver from 'semver';
import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

function check(service: RegistryService): readonly RegistryFinding[] {
  const { version, compatVersionMin: min } = service;
  if (version === undefined || min === undefined) return NO_FINDINGS;
  if (!semver.gt(min, version)) return NO_FINDINGS;
  return [
    makeFinding(
      'error',
      'compat/min-above-version',
      `${serviceLabel(
        service.id,
      )} declares compat_version_min ${min}, above its own version ${version}: the oldest compatible version cannot be newer than the current one. Lower compat_version_min to ${version} or less, or raise version.`,
      declaredPosition(service, 'compat_version_min', 'version'),
      aboutService(service),
    ),
  ];
}

/**
 * `compat/min-above-version` (error): a service whose `compat_version_min` is above its own
 * `version`; for a project's view of an overridden service, when the override causes it.
 *
 * @param ctx - the validation context
 */
export function compatMinAboveVersion(
  ctx: ValidationContext,
): RegistryFinding[] {
  return checkServicesAndViews(ctx, check);
}
