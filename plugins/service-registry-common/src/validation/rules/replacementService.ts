import { getServiceForProject } from '../../model/getServiceForProject';
import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

function check(
  ctx: ValidationContext,
  service: RegistryService,
): readonly RegistryFinding[] {
  const id = service.replacementService;
  if (id === undefined) return NO_FINDINGS;
  const findings: RegistryFinding[] = [];
  const position = declaredPosition(service, 'replacement_service');
  const about = aboutService(service);
  // the successor as the service's project sees it
  const replacement = getServiceForProject(ctx.registry, service.project, id);
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
  return findings;
}

/**
 * `lifecycle/replacement-missing` (error), `lifecycle/replacement-deprecated` (warning) and
 * `lifecycle/replacement-retired` (error): the `replacement_service` of a service must exist and
 * be alive, as the service's project sees it; for a project's view of an overridden service, when
 * the override causes it.
 *
 * @param ctx - the validation context
 */
export function replacementService(ctx: ValidationContext): RegistryFinding[] {
  return checkServicesAndViews(ctx, service => check(ctx, service));
}
