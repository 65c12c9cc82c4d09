import { computeConsumers } from '../../graph/computeConsumers';
import { daysBetween } from '../../model/units';
import { RegistryFinding } from '../../model/types';
import {
  aboutService,
  listIds,
  makeFinding,
  servicePosition,
} from '../findings';
import { ValidationContext } from '../types';

/**
 * `lifecycle/sunset-passed-with-consumers` (error): a service past its `sunset_date` (and not yet
 * retired) that services still depend on; reported on the service, as overdue, listing them.
 *
 * @param ctx - the validation context
 */
export function sunsetPassedWithConsumers(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const service of ctx.services) {
    const sunset = service.sunsetDate;
    if (sunset === undefined || service.status === 'retired') continue;
    const overdue = daysBetween(sunset, ctx.today);
    if (overdue <= 0) continue;
    const consumers = computeConsumers(ctx.graph, service.id);
    const remaining = [...consumers.requiredBy, ...consumers.optionalFor];
    if (remaining.length === 0) continue;
    findings.push(
      makeFinding(
        'error',
        'lifecycle/sunset-passed-with-consumers',
        `Service "${
          service.id
        }" is overdue: its sunset_date ${sunset} passed ${overdue} day${
          overdue === 1 ? '' : 's'
        } ago and ${remaining.length} service${
          remaining.length === 1 ? '' : 's'
        } still depend${remaining.length === 1 ? 's' : ''} on it: ${listIds(
          remaining,
        )}. Migrate them${
          service.replacementService
            ? ` to "${service.replacementService}"`
            : ''
        }, or move sunset_date to a new announced date.`,
        servicePosition(service, 'sunset_date'),
        aboutService(service),
      ),
    );
  }
  return findings;
}
