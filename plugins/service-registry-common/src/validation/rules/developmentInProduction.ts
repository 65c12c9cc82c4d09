import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { aboutService, makeFinding, quoted, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/** Words that, right before `prod` or `production`, say the environment is not production. */
const NEGATIONS: ReadonlySet<string> = new Set(['non', 'not', 'pre']);

/**
 * True when an environment names production: the word `prod` or `production` (any case), not
 * right after `non`, `not` or `pre` (`prod-eu`, `Production` yes; `preprod`, `pre-production`,
 * `non-prod` no).
 *
 * @param environment - the project's `environment`
 */
function isProductionEnvironment(environment: string): boolean {
  const words = environment.toLowerCase().split(/[^a-z0-9]+/);
  return words.some(
    (word, i) =>
      (word === 'prod' || word === 'production') &&
      !(i > 0 && NEGATIONS.has(words[i - 1])),
  );
}

/**
 * `lifecycle/development-in-production` (warning): a service in development (experimental, only
 * in staging) declared by a project whose `environment` is production, at its `status`; a
 * project's view of an overridden global service counts as that project's. Global services have
 * no environment and are not checked.
 *
 * @param ctx - the validation context
 */
export function developmentInProduction(
  ctx: ValidationContext,
): RegistryFinding[] {
  const check = (service: RegistryService): readonly RegistryFinding[] => {
    if (service.status !== 'development' || service.project === undefined) {
      return NO_FINDINGS;
    }
    const environment = ctx.registry.projects.get(service.project)?.environment;
    if (environment === undefined || !isProductionEnvironment(environment)) {
      return NO_FINDINGS;
    }
    return [
      makeFinding(
        'warning',
        'lifecycle/development-in-production',
        `${serviceLabel(
          service.id,
        )} is in development (experimental, only in staging), but its project ${quoted(
          service.project,
        )} is a production environment (environment = ${JSON.stringify(
          environment,
        )}). Promote it to beta (an opt-in, limited production use) once it is ready, or declare it in a staging project.`,
        declaredPosition(service, 'status'),
        aboutService(service),
      ),
    ];
  };
  return checkServicesAndViews(ctx, check);
}
