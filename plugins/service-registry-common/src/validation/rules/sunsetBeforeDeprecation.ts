import { RegistryFinding } from '../../model/types';
import { aboutService, makeFinding, servicePosition } from '../findings';
import { ValidationContext } from '../types';

/**
 * `lifecycle/sunset-before-deprecation` (error): a `sunset_date` earlier than the
 * `deprecation_date`.
 *
 * @param ctx - the validation context
 */
export function sunsetBeforeDeprecation(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const service of ctx.services) {
    const { sunsetDate, deprecationDate } = service;
    if (sunsetDate === undefined || deprecationDate === undefined) continue;
    if (sunsetDate >= deprecationDate) continue;
    findings.push(
      makeFinding(
        'error',
        'lifecycle/sunset-before-deprecation',
        `Service "${service.id}" has sunset_date ${sunsetDate} before its deprecation_date ${deprecationDate}: a service is deprecated first and sunset later (the lifecycle allows 6 months in between). Fix one of the two dates.`,
        servicePosition(service, 'sunset_date'),
        aboutService(service),
      ),
    );
  }
  return findings;
}
