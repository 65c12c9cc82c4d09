import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

function check(service: RegistryService): readonly RegistryFinding[] {
  const { sunsetDate, deprecationDate } = service;
  if (sunsetDate === undefined || deprecationDate === undefined)
    return NO_FINDINGS;
  if (sunsetDate >= deprecationDate) return NO_FINDINGS;
  return [
    makeFinding(
      'error',
      'lifecycle/sunset-before-deprecation',
      `${serviceLabel(
        service.id,
      )} has sunset_date ${sunsetDate} before its deprecation_date ${deprecationDate}: a service is deprecated first and sunset later (the lifecycle allows 6 months in between). Fix one of the two dates.`,
      declaredPosition(service, 'sunset_date', 'deprecation_date'),
      aboutService(service),
    ),
  ];
}

/**
 * `lifecycle/sunset-before-deprecation` (error): a `sunset_date` earlier than the
 * `deprecation_date`; for a project's view of an overridden service, when the override causes it.
 *
 * @param ctx - the validation context
 */
export function sunsetBeforeDeprecation(
  ctx: ValidationContext,
): RegistryFinding[] {
  return checkServicesAndViews(ctx, check);
}
