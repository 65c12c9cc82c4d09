import { RegistryFinding } from '../../model/types';
import { aboutService, makeFinding, servicePosition } from '../findings';
import { ValidationContext } from '../types';

/**
 * `lifecycle/replacement-missing` (error), `lifecycle/replacement-deprecated` (warning) and
 * `lifecycle/replacement-retired` (error): the `replacement_service` of a service must exist and
 * be alive.
 *
 * @param ctx - the validation context
 */
export function replacementService(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const service of ctx.services) {
    const id = service.replacementService;
    if (id === undefined) continue;
    const position = servicePosition(service, 'replacement_service');
    const about = aboutService(service);
    const replacement = ctx.registry.services.get(id);
    if (!replacement) {
      findings.push(
        makeFinding(
          'error',
          'lifecycle/replacement-missing',
          `Service "${service.id}" names replacement_service "${id}", which no registry file declares: declare [service.${id}], or point replacement_service at the service consumers should migrate to.`,
          position,
          about,
        ),
      );
    } else if (id === service.id) {
      findings.push(
        makeFinding(
          'error',
          'lifecycle/replacement-missing',
          `Service "${service.id}" names itself as replacement_service: name the successor consumers should migrate to.`,
          position,
          about,
        ),
      );
    } else if (replacement.status === 'retired') {
      findings.push(
        makeFinding(
          'error',
          'lifecycle/replacement-retired',
          `Service "${
            service.id
          }" names replacement_service "${id}", which is retired: point it at a live successor${
            replacement.replacementService
              ? ` (perhaps "${replacement.replacementService}", the replacement of "${id}")`
              : ''
          }.`,
          position,
          about,
        ),
      );
    } else if (replacement.status === 'deprecated') {
      findings.push(
        makeFinding(
          'warning',
          'lifecycle/replacement-deprecated',
          `Service "${
            service.id
          }" names replacement_service "${id}", which is itself deprecated: consumers would have to migrate twice. Point it at ${
            replacement.replacementService
              ? `"${replacement.replacementService}", the replacement of "${id}"`
              : `a service that is not deprecated`
          }.`,
          position,
          about,
        ),
      );
    }
  }
  return findings;
}
