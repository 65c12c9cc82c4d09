import { migrationHint } from '../../deprecation/migrationHint';
import { RegistryFinding } from '../../model/types';
import { describeSunset } from '../dates';
import { edgeSite } from '../edges';
import { makeFinding } from '../findings';
import { ValidationContext } from '../types';

/**
 * `lifecycle/depends-on-deprecated` (warning, with the days left to the sunset or since it
 * passed) and `lifecycle/depends-on-retired` (error): dependencies on services at the end of
 * their lifecycle, at the consumer's entry.
 *
 * @param ctx - the validation context
 */
export function dependsOnDeprecated(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const edge of ctx.graph.edges) {
    const provider = ctx.registry.services.get(edge.to);
    if (!provider) continue;
    if (provider.status !== 'deprecated' && provider.status !== 'retired') {
      continue;
    }
    const site = edgeSite(ctx, edge);
    const kind = edge.optional ? 'optionally uses' : 'requires';
    if (provider.status === 'retired') {
      findings.push(
        makeFinding(
          'error',
          'lifecycle/depends-on-retired',
          `Service "${edge.from}" ${kind} "${
            edge.to
          }", which is retired: ${migrationHint(provider)} and remove "${
            edge.to
          }" from ${site.list}.`,
          site.position,
          site.about,
        ),
      );
      continue;
    }
    const when = provider.sunsetDate
      ? describeSunset(provider.sunsetDate, ctx.today)
      : 'no sunset date announced yet';
    findings.push(
      makeFinding(
        'warning',
        'lifecycle/depends-on-deprecated',
        `Service "${edge.from}" ${kind} "${
          edge.to
        }", which is deprecated (${when}): ${migrationHint(
          provider,
        )} and update ${site.list}.`,
        site.position,
        site.about,
      ),
    );
  }
  return findings;
}
