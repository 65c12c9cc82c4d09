import { RegistryFinding } from '../../model/types';
import { dependencySlaShortfalls } from '../../sla/dependencySla';
import { describeEffectiveSla } from '../../sla/effectiveSla';
import { checkDependencies, edgeSite } from '../edges';
import { isRetired } from '../../graph/runningGraphOf';
import { bareId, makeFinding, quoted, serviceLabel } from '../findings';
import { ValidationContext } from '../types';

/**
 * `sla/weaker-dependency` (warning), at the consumer's `dependencies.requires` entry: a service
 * requires a provider whose effective SLA is weaker than what the service itself promises: a
 * lower availability, or a slower p99 response time (see `dependencySlaShortfalls`). Effective
 * values are a service's own `sla`, else what its effective tier's `[sla.<tier>]` policy
 * requires; a target either side has no value for is not compared. Both as the consumer's
 * project sees them (its overrides, if it declares some). Optional dependencies (the consumer has
 * a fallback) are not checked; nor are retired consumers (see `checkDependencies`: they consume
 * nothing) and retired providers (left to the lifecycle rules).
 *
 * @param ctx - the validation context
 */
export function slaWeakerDependency(ctx: ValidationContext): RegistryFinding[] {
  const policies = ctx.registry.policies;
  return checkDependencies(ctx, ({ edge, consumer, provider }) => {
    if (edge.optional || !provider || edge.from === edge.to) return undefined;
    if (isRetired(provider)) return undefined;
    const shortfalls = dependencySlaShortfalls(consumer, provider, policies);
    if (shortfalls.length === 0) return undefined;
    const site = edgeSite(ctx, edge);
    const gaps = shortfalls
      .map(
        ({ target, consumer: promised, provider: offered }) =>
          `${target.key} ${describeEffectiveSla(promised, bareId(edge.from))} ${
            target.higherIsBetter ? 'above' : 'below'
          } ${describeEffectiveSla(offered, bareId(edge.to))}`,
      )
      .join('; ');
    const lower = shortfalls
      .map(
        ({ target, provider: offered }) =>
          `sla.${target.key} to ${offered.text} or ${
            target.higherIsBetter ? 'less' : 'more'
          }`,
      )
      .join(', ');
    return makeFinding(
      'warning',
      'sla/weaker-dependency',
      `${serviceLabel(edge.from)} promises more than it requires from ${quoted(
        edge.to,
      )}: ${gaps}. A service cannot promise more than what it requires: raise the SLA of ${quoted(
        edge.to,
      )} (or its tier), make the dependency optional with a fallback (dependencies.optional), or lower what ${quoted(
        edge.from,
      )} promises (${lower}).`,
      site.position,
      site.about,
    );
  });
}
