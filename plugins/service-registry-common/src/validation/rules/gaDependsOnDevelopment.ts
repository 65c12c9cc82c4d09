import { RegistryFinding } from '../../model/types';
import { checkDependencies, edgeSite } from '../edges';
import { makeFinding, quoted, serviceLabel } from '../findings';
import { ValidationContext } from '../types';

/**
 * `lifecycle/ga-depends-on-development` (warning): a generally available service, or one in
 * maintenance (a stable release past ga), that requires a service still in development
 * (experimental, staging only). Both as the consumer's project sees them (its overrides, if it
 * declares some).
 *
 * @param ctx - the validation context
 */
export function gaDependsOnDevelopment(
  ctx: ValidationContext,
): RegistryFinding[] {
  return checkDependencies(ctx, ({ edge, consumer, provider }) => {
    if (edge.optional) return undefined;
    const stable =
      consumer.status === 'ga' || consumer.status === 'maintenance';
    if (!stable || provider?.status !== 'development') return undefined;
    const site = edgeSite(ctx, edge);
    return makeFinding(
      'warning',
      'lifecycle/ga-depends-on-development',
      `${serviceLabel(edge.from)} is ${
        consumer.status === 'ga' ? 'ga' : 'maintenance (a stable release)'
      } but requires ${quoted(
        edge.to,
      )}, which is still in development (experimental, staging only): wait for ${quoted(
        edge.to,
      )} to reach beta or ga, or make the dependency optional.`,
      site.position,
      site.about,
    );
  });
}
