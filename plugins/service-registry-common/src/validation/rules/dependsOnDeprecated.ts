import { RegistryFinding, RegistryService } from '../../model/types';
import { describeSunset } from '../dates';
import { checkDependencies, edgeSite, overrideNote } from '../edges';
import { makeFinding, quoted, serviceLabel } from '../findings';
import { migrationTarget } from '../successors';
import { ValidationContext } from '../types';

type Target = ReturnType<typeof migrationTarget>;

/**
 * What a consumer of a deprecated or retired service should do, followed by `and …`: migrate to
 * its replacement, or to the live end of its chain of replacements when the replacement is itself
 * deprecated or retired (never to a service at the end of its lifecycle), with the provider's
 * migration guide; or, when the chain reaches no live service, ask its owners. The successor
 * itself (a replacement that still uses what it replaces) is told to take over that use.
 */
function migrationAdvice(
  target: Target,
  provider: RegistryService,
  consumer: string,
): string {
  const guide = provider.migration?.guideUrl
    ? ` (guide: ${provider.migration.guideUrl})`
    : '';
  if (target === undefined) return `migrate to its successor${guide} and`;
  if ('live' in target) {
    if (target.live === consumer) {
      return `${quoted(consumer)} is its ${
        target.chain === undefined ? 'replacement' : 'live successor'
      }, so take over what it still uses ${quoted(
        provider.id,
      )} for${guide} and`;
    }
    return target.chain === undefined
      ? `migrate to ${quoted(target.live)}${guide} and`
      : `migrate to ${quoted(target.live)}, ${target.chain}${guide}, and`;
  }
  return `its replacement_service ${quoted(
    provider.replacementService!,
  )} is no live service (${target.none}), so ask the owners of ${quoted(
    provider.id,
  )} where to migrate${guide}, and`;
}

/**
 * `lifecycle/depends-on-deprecated` (warning, with the days left to the sunset or since it
 * passed) and `lifecycle/depends-on-retired` (error): dependencies on services at the end of
 * their lifecycle, at the consumer's entry, saying where to migrate: the provider's
 * `replacement_service`, or the live end of its chain of replacements when that one is deprecated
 * or retired too (see `migrationTarget`). The provider and its successors are the ones the
 * consumer's project sees (its overrides, if it declares some). Retired consumers do not count
 * (see `checkDependencies`): a retired service depending on a deprecated or retired one is
 * history, not a finding, in the projects whose view of it is retired.
 *
 * @param ctx - the validation context
 */
export function dependsOnDeprecated(ctx: ValidationContext): RegistryFinding[] {
  // consumers of one provider, in one project, migrate to the same successor
  const targets = new Map<string, Target>();
  const adviceFor = (
    provider: RegistryService,
    project: string | undefined,
    consumer: string,
  ) => {
    const key = `${project ?? ''}\u0000${provider.id}`;
    if (!targets.has(key)) {
      targets.set(key, migrationTarget(ctx.registry, provider, project));
    }
    return migrationAdvice(targets.get(key), provider, consumer);
  };
  return checkDependencies(ctx, ({ edge, provider, project }) => {
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
        )}, which is retired${overrideNote(ctx, provider)}: ${adviceFor(
          provider,
          project,
          edge.from,
        )} remove ${quoted(edge.to)} from ${site.list}.`,
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
      )} (${when}): ${adviceFor(provider, project, edge.from)} update ${
        site.list
      }.`,
      site.position,
      site.about,
    );
  });
}
