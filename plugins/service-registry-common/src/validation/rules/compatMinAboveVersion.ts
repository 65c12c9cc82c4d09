import semver from 'semver';
import { RegistryFinding } from '../../model/types';
import { aboutService, makeFinding, servicePosition } from '../findings';
import { ValidationContext } from '../types';

/**
 * `compat/min-above-version` (error): a service whose `compat_version_min` is above its own
 * `version`.
 *
 * @param ctx - the validation context
 */
export function compatMinAboveVersion(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const service of ctx.services) {
    const { version, compatVersionMin: min } = service;
    if (version === undefined || min === undefined) continue;
    if (!semver.gt(min, version)) continue;
    findings.push(
      makeFinding(
        'error',
        'compat/min-above-version',
        `Service "${service.id}" declares compat_version_min ${min}, above its own version ${version}: the oldest compatible version cannot be newer than the current one. Lower compat_version_min to ${version} or less, or raise version.`,
        servicePosition(service, 'compat_version_min'),
        aboutService(service),
      ),
    );
  }
  return findings;
}
