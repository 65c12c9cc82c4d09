import { RegistryFinding, RegistryService } from '../../model/types';
import { daysBetween } from '../../model/units';
import { declaredPosition } from '../declaredPosition';
import { migrationWindowOf } from '../migrationWindow';
import { aboutService, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/**
 * `lifecycle/short-migration-window` (warning): a deprecated service whose `sunset_date` comes
 * less than the migration window after its `deprecation_date`, at `sunset_date`. The window is
 * the lifecycle's 6 calendar months, or `[change_control] migration_window_days` of the policies.
 * A sunset before the deprecation is left to `lifecycle/sunset-before-deprecation`. For a
 * project's view of an overridden service, when the override causes it.
 *
 * @param ctx - the validation context
 */
export function shortMigrationWindow(
  ctx: ValidationContext,
): RegistryFinding[] {
  const window = migrationWindowOf(ctx.registry.policies);
  const check = (service: RegistryService): readonly RegistryFinding[] => {
    const { deprecationDate, sunsetDate } = service;
    if (
      service.status !== 'deprecated' ||
      deprecationDate === undefined ||
      sunsetDate === undefined ||
      // a sunset before the deprecation is lifecycle/sunset-before-deprecation's
      sunsetDate < deprecationDate
    ) {
      return NO_FINDINGS;
    }
    const earliest = window.end(deprecationDate);
    if (sunsetDate >= earliest) return NO_FINDINGS;
    const days = daysBetween(deprecationDate, sunsetDate);
    let after = 'the same day';
    if (days > 0) after = `${days} day${days === 1 ? '' : 's'} later`;
    return [
      makeFinding(
        'warning',
        'lifecycle/short-migration-window',
        `${serviceLabel(
          service.id,
        )} is deprecated on ${deprecationDate} and sunset on ${sunsetDate}, ${after}: less than ${
          window.label
        }. Move sunset_date to ${earliest} or later (or deprecation_date earlier).`,
        declaredPosition(service, 'sunset_date', 'deprecation_date'),
        aboutService(service),
      ),
    ];
  };
  return checkServicesAndViews(ctx, check);
}
