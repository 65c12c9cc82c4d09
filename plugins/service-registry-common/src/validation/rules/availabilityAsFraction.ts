import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/** An availability that reads like a fraction of 1 (`0.999`) rather than a percentage. */
function looksLikeFraction(availability: number | undefined): boolean {
  return availability !== undefined && availability > 0 && availability <= 1;
}

/** The percentage a fraction was meant as: `0.9995` → `"99.95%"`. */
function asPercent(fraction: number): string {
  return `"${Number((fraction * 100).toPrecision(10))}%"`;
}

function what(availability: number): string {
  return `availability ${availability} is read as ${availability}%, not ${asPercent(
    availability,
  )}`;
}

function check(service: RegistryService): readonly RegistryFinding[] {
  const availability = service.sla?.availability;
  if (!looksLikeFraction(availability)) return NO_FINDINGS;
  return [
    makeFinding(
      'warning',
      'sla/availability-as-fraction',
      `${serviceLabel(service.id)}: sla.${what(
        availability!,
      )}. Write the percentage: availability = ${asPercent(availability!)}.`,
      declaredPosition(service, 'sla.availability', 'sla'),
      aboutService(service),
    ),
  ];
}

/**
 * `sla/availability-as-fraction` (warning): an availability written as a fraction of 1
 * (`availability = 0.999`), which the contract reads as a percentage (0.999%), in a service's
 * `sla` or a tier policy's `[sla.<tier>]`. The message gives the percentage it was most likely
 * meant as (`"99.9%"`).
 *
 * @param ctx - the validation context
 */
export function availabilityAsFraction(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings = checkServicesAndViews(ctx, check);
  const { policies } = ctx.registry;
  for (const policy of Object.values(policies.sla)) {
    if (!policy || !looksLikeFraction(policy.availability)) continue;
    findings.push(
      makeFinding(
        'warning',
        'sla/availability-as-fraction',
        `Tier policy [sla.${policy.tier}]: ${what(
          policy.availability!,
        )}. Write the percentage: availability = ${asPercent(
          policy.availability!,
        )}.`,
        policies.positions[`sla.${policy.tier}.availability`] ?? policy.source,
        {},
      ),
    );
  }
  return findings;
}
