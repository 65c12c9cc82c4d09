import { isTable } from '../../load/fieldCheck';
import { RegistryFinding, RegistryService } from '../../model/types';
import { daysBetween } from '../../model/units';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/** Whether the service writes a `migration.support_until`, valid or not (a bad one has its own error). */
function writesSupportUntil(service: RegistryService): boolean {
  const migration = service.raw.migration;
  return isTable(migration) && migration.support_until !== undefined;
}

/**
 * The support window of a service in `maintenance` (seed 000: "security fixes only, 12-month
 * support window, no new features"), which its `migration.support_until` says:
 *
 * - `lifecycle/maintenance-without-support-window` (warning): a maintenance service that names
 *   no `support_until`, at its `status`: its consumers cannot tell until when it gets fixes.
 * - `lifecycle/support-window-ended` (warning): a maintenance service whose `support_until` has
 *   passed (the day after it, in UTC), at `support_until`: it is no longer supported, and its
 *   consumers are not told to migrate until it is deprecated.
 *
 * For a project's view of an overridden service, when the override causes it.
 *
 * @param ctx - the validation context
 */
export function maintenanceSupportWindow(
  ctx: ValidationContext,
): RegistryFinding[] {
  const check = (service: RegistryService): readonly RegistryFinding[] => {
    if (service.status !== 'maintenance') return NO_FINDINGS;
    const supportUntil = service.migration?.supportUntil;
    if (supportUntil === undefined) {
      if (writesSupportUntil(service)) return NO_FINDINGS;
      return [
        makeFinding(
          'warning',
          'lifecycle/maintenance-without-support-window',
          `${serviceLabel(
            service.id,
          )} is in maintenance without a support window: add migration.support_until = "YYYY-MM-DD" (seed 000: 12 months of security fixes) so its consumers know until when it is supported, and plan its deprecation.`,
          declaredPosition(service, 'status'),
          aboutService(service),
        ),
      ];
    }
    const days = daysBetween(supportUntil, ctx.today);
    if (days <= 0) return NO_FINDINGS;
    return [
      makeFinding(
        'warning',
        'lifecycle/support-window-ended',
        `${serviceLabel(
          service.id,
        )} is still in maintenance although its support window ended ${days} day${
          days === 1 ? '' : 's'
        } ago (migration.support_until ${supportUntil}): it gets no more fixes, and its consumers are not told to migrate. Deprecate it (status = "deprecated" with a sunset_date and a replacement_service), or extend support_until.`,
        declaredPosition(service, 'migration.support_until', 'status'),
        aboutService(service),
      ),
    ];
  };
  return checkServicesAndViews(ctx, check);
}
