import { migrationHint } from '../../deprecation/migrationHint';
import { RegistryFinding } from '../../model/types';
import { describeSunset } from '../dates';
import { checkDependencies, edgeSite, overrideNote } from '../edges';
import { makeFinding, quoted, serviceLabel } from '../findings';
import { ValidationContext } from '../types';

/**
 * `lifecycle/depends-on-deprecated` (warning, with the days left to the sunset or since it
 * passed) and `lifecycle/depends-on-retired` (error): dependencies on services at the end of
 * their lifecycle, at the consumer's entry. The provider is the one the consumer's project sees
 * (its override, if it declares one). Retired consumers do not count (see `checkDependencies`):
 * a retired service depending on a deprecated or retired one is history, not a finding, in the
 * projects whose view of it is retired.
 *
 * @param ctx - the validation context
 */
export function dependsOnDeprecated(ctx: ValidationContext): RegistryFinding[] {
  return checkDependencies(ctx, ({ edge, provider }) => {
    if (!provider) return undefined;
    if (provider.status !== 'deprecated' && provider.status !== 'retired') {
      return undefined;
    }
    const site = edgeSite(ctx, edge);
    const kind = edge.optional ? 'optionally uses' : 'requires';
    if (provider.status === 'retired') {
      return makeFinding(
        'error',
        'lifecycle/depends-on-retired',
        `${serviceLabel(edge.from)} ${kind} ${quoted(
          edge.to,
        )}, which is retired${overrideNote(ctx, provider)}: ${migrationHint(
          provider,
        )} and remove ${quoted(edge.to)} from ${site.list}.`,
        site.position,
        site.about,
      );
    }
    const when = provider.sunsetDate
      ? describeSunset(provider.sunsetDate, ctx.today)
      : 'no sunset date announced yet';
    return makeFinding(
      'warning',
      'lifecycle/depends-on-deprecated',
      `${serviceLabel(edge.from)} ${kind} ${quoted(
        edge.to,
      )}, which is deprecated${overrideNote(
        ctx,
        provider,
      )} (${when}): ${migrationHint(provider)} and update ${site.list}.`,
      site.position,
      site.about,
    );
  });
}
