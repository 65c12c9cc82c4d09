import { RegistryFinding } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { makeFinding, quoted, serviceLabel } from '../findings';
import { asOverrideFinding, overrideViews } from '../projectViews';
import { ValidationContext } from '../types';

/**
 * `lifecycle/override-of-retired` (warning): a project's override of a global service that
 * `services/catalog.toml` retires, whose view of it is not retired (it sets another `status`), at
 * the override's `status`. The catalog shows the global declaration and no retired service, so the
 * service the project runs has no page, and the catalog's dependencies on it lead nowhere. Most
 * often a global service was given the id of a project's own service, which then became an
 * override of it.
 *
 * @param ctx - the validation context
 */
export function overrideOfRetired(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const { project, view, global } of overrideViews(ctx)) {
    if (global.status !== 'retired' || view.status === 'retired') continue;
    findings.push(
      asOverrideFinding(
        makeFinding(
          'warning',
          'lifecycle/override-of-retired',
          `${serviceLabel(global.id)} has status ${quoted(
            view.status ?? '',
          )}, but ${global.source.file}:${
            global.source.line
          } retires it: the catalog shows the global declaration, and no retired service, so the service this project runs has no page and the dependencies on it lead nowhere. Retire it here too (status = "retired"), bring the global service back, or give this project's service an id of its own if it is another service.`,
          declaredPosition(view, 'status'),
          { service: global.id, project },
        ),
        view,
        project,
      ),
    );
  }
  return findings;
}
