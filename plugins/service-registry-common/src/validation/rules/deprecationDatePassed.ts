import { RegistryFinding, RegistryService } from '../../model/types';
import { daysBetween } from '../../model/units';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/**
 * `lifecycle/deprecation-date-passed` (warning): a service whose `deprecation_date` has passed
 * (the day after it, in UTC) while its status is not `deprecated` (nor `retired`): a planned
 * deprecation that came due, as seed 000's `shared-auth` (`deprecation_date = "2026-06-30"`, no
 * status). Consumers are told about deprecated services only, so they are not told to migrate.
 * At `deprecation_date` (the override's `status` for a project's view that keeps the service
 * live); for a project's view of an overridden service, when the override causes it.
 *
 * @param ctx - the validation context
 */
export function deprecationDatePassed(
  ctx: ValidationContext,
): RegistryFinding[] {
  const check = (service: RegistryService): readonly RegistryFinding[] => {
    const { deprecationDate, status } = service;
    if (
      deprecationDate === undefined ||
      status === 'deprecated' ||
      status === 'retired'
    ) {
      return NO_FINDINGS;
    }
    const days = daysBetween(deprecationDate, ctx.today);
    if (days <= 0) return NO_FINDINGS;
    const state =
      status === undefined ? 'declares no status' : `is "${status}"`;
    return [
      makeFinding(
        'warning',
        'lifecycle/deprecation-date-passed',
        `${serviceLabel(
          service.id,
        )} ${state} although its deprecation_date ${deprecationDate} passed ${days} day${
          days === 1 ? '' : 's'
        } ago: its consumers are not told to migrate. Set status = "deprecated" with a sunset_date and a replacement_service, or move deprecation_date to the day it will be deprecated.`,
        declaredPosition(service, 'deprecation_date', 'status'),
        aboutService(service),
      ),
    ];
  };
  return checkServicesAndViews(ctx, check);
}
