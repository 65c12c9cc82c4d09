import { RegistryFinding } from '../../model/types';
import { edgeSite } from '../edges';
import { makeFinding } from '../findings';
import { ValidationContext } from '../types';

/**
 * `lifecycle/ga-depends-on-development` (warning): a generally available service that requires a
 * service still in development (experimental, staging only).
 *
 * @param ctx - the validation context
 */
export function gaDependsOnDevelopment(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const edge of ctx.graph.edges) {
    if (edge.optional) continue;
    if (ctx.graph.nodes.get(edge.from)?.status !== 'ga') continue;
    if (ctx.graph.nodes.get(edge.to)?.status !== 'development') continue;
    const site = edgeSite(ctx, edge);
    findings.push(
      makeFinding(
        'warning',
        'lifecycle/ga-depends-on-development',
        `Service "${edge.from}" is ga but requires "${edge.to}", which is still in development (experimental, staging only): wait for "${edge.to}" to reach beta or ga, or make the dependency optional.`,
        site.position,
        site.about,
      ),
    );
  }
  return findings;
}
