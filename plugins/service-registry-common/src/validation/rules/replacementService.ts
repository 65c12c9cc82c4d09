import { getServiceForProject } from '../../model/getServiceForProject';
import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import {
  aboutService,
  bareId,
  makeFinding,
  quoted,
  serviceLabel,
  tableHeader,
} from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { successorChain } from '../successors';
import { ValidationContext } from '../types';

const NOT_DEAD = 'a service that is neither deprecated nor retired';

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
  // declared in a file that does not parse: its syntax error is the finding
  if (!replacement && ctx.registry.unreadServices?.has(id)) return NO_FINDINGS;
  if (!replacement) {
    findings.push(
      makeFinding(
        'error',
        'lifecycle/replacement-missing',
        `${serviceLabel(service.id)} names replacement_service ${quoted(
          id,
        )}, which no registry file declares: declare ${tableHeader(
          'service',
          id,
        )}, or point replacement_service at the service consumers should migrate to.`,
        position,
        about,
      ),
    );
  } else if (id === service.id) {
    findings.push(
      makeFinding(
        'error',
        'lifecycle/replacement-missing',
        `${serviceLabel(
          service.id,
        )} names itself as replacement_service: name the successor consumers should migrate to.`,
        position,
        about,
      ),
    );
  } else if (
    replacement.status === 'retired' ||
    replacement.status === 'deprecated'
  ) {
    const chain = successorChain(ctx.registry, service, service.project);
    const live = chain.live
      ? `${quoted(chain.live)}, the live end of ${chain.path
          .slice(1)
          .map(bareId)
          .join(' → ')}`
      : undefined;
    if (chain.cycle) {
      findings.push(
        makeFinding(
          'error',
          'lifecycle/replacement-cycle',
          `${serviceLabel(service.id)} names replacement_service ${quoted(
            id,
          )}, but the replacements go round in a circle (${chain.path
            .map(bareId)
            .join(
              ' → ',
            )}) without reaching a live service: consumers have nowhere to migrate to. Point one of them at ${NOT_DEAD}.`,
          position,
          about,
        ),
      );
    } else if (replacement.status === 'retired') {
      findings.push(
        makeFinding(
          'error',
          'lifecycle/replacement-retired',
          `${serviceLabel(service.id)} names replacement_service ${quoted(
            id,
          )}, which is retired: point it at a live successor${
            live ? ` (perhaps ${live})` : ''
          }.`,
          position,
          about,
        ),
      );
    } else {
      findings.push(
        makeFinding(
          'warning',
          'lifecycle/replacement-deprecated',
          `${serviceLabel(service.id)} names replacement_service ${quoted(
            id,
          )}, which is itself deprecated: consumers would have to migrate twice. Point it at ${
            live ?? NOT_DEAD
          }.`,
          position,
          about,
        ),
      );
    }
  }
  return findings;
}

/**
 * `lifecycle/replacement-missing` (error), `lifecycle/replacement-deprecated` (warning) and
 * `lifecycle/replacement-retired` (error): the `replacement_service` of a service must exist and
 * be alive, as the service's project sees it; for a project's view of an overridden service, when
 * the override causes it. The fix suggested is the first live service down the chain of
 * replacements, never a deprecated or retired one. `lifecycle/replacement-cycle` (error): a
 * deprecated or retired service whose chain of replacements comes back to it without reaching a
 * live service (`a → b → a`), with the path. A replacement that a file which does not parse
 * declares (`LoadedRegistry.unreadServices`) gets no finding: that file's syntax error is what is
 * wrong.
 *
 * @param ctx - the validation context
 */
export function replacementService(ctx: ValidationContext): RegistryFinding[] {
  return checkServicesAndViews(ctx, service => check(ctx, service));
}
