import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

function check(service: RegistryService): readonly RegistryFinding[] {
  const supportUntil = service.migration?.supportUntil;
  const { sunsetDate } = service;
  if (supportUntil === undefined || sunsetDate === undefined) {
    return NO_FINDINGS;
  }
  if (supportUntil <= sunsetDate) return NO_FINDINGS;
  return [
    makeFinding(
      'warning',
      'lifecycle/support-after-sunset',
      `${serviceLabel(
        service.id,
      )} promises support until ${supportUntil} (migration.support_until), after its sunset_date ${sunsetDate}, when it goes away: move support_until to ${sunsetDate} or earlier, or move sunset_date later.`,
      declaredPosition(service, 'migration.support_until', 'sunset_date'),
      aboutService(service),
    ),
  ];
}

/**
 * `lifecycle/support-after-sunset` (warning): a `migration.support_until` later than the
 * `sunset_date` (support cannot outlive the service; the seeds set both to the same day). Both
 * are whole UTC days, compared as written. For a project's view of an overridden service, when
 * the override causes it.
 *
 * @param ctx - the validation context
 */
export function supportAfterSunset(ctx: ValidationContext): RegistryFinding[] {
  return checkServicesAndViews(ctx, check);
}
