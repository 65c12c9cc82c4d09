import { RegistryFinding } from '../../model/types';
import { aboutService, makeFinding, servicePosition } from '../findings';
import { ValidationContext } from '../types';

/**
 * `lifecycle/deprecated-without-sunset` and `lifecycle/deprecated-without-replacement`
 * (warnings): a deprecated service must say when it goes away and what replaces it.
 *
 * @param ctx - the validation context
 */
export function deprecationDeclaration(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const service of ctx.services) {
    if (service.status !== 'deprecated') continue;
    const position = servicePosition(service, 'status');
    if (service.raw.sunset_date === undefined) {
      findings.push(
        makeFinding(
          'warning',
          'lifecycle/deprecated-without-sunset',
          `Service "${service.id}" is deprecated without a sunset_date: add sunset_date = "YYYY-MM-DD" (the lifecycle gives consumers a 6-month migration window) so they know when it goes away.`,
          position,
          aboutService(service),
        ),
      );
    }
    if (service.raw.replacement_service === undefined) {
      findings.push(
        makeFinding(
          'warning',
          'lifecycle/deprecated-without-replacement',
          `Service "${service.id}" is deprecated without a replacement_service: add replacement_service = "<id>" naming its successor (and a [service.${service.id}.migration] guide) so consumers know where to migrate.`,
          position,
          aboutService(service),
        ),
      );
    }
  }
  return findings;
}
