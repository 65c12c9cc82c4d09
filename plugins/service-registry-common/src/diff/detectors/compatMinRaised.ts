import { keyPosition } from '../../load/filePositions';
import { ConsumerView, consumerViewsOf, viewKey } from '../consumerViews';
import { compareViews } from '../directConsumers';
import { toOptionalConsumer } from '../optionalConsumers';
import { minLeavesOut, raisedCompatMin } from '../raisedCompatMin';
import { comparedServices } from '../scope';
import { BreakingChangeDetector } from '../types';

/**
 * `compat-min-raised`: `compat_version_min` went up past what some consumers' ranges allow (their
 * range has no version at or above the new minimum). Consumers' ranges are read from head, as
 * each project that uses a consumer sees it (a project's override of a consumer may write its own
 * range); only consumers that see the compared declaration count. `related` names the consumers
 * that require the service; those that use it optionally are listed apart, as its
 * `optionalConsumers`, and named in the message as optional. The change's impact counts the same
 * consumers (see `directConsumers`). Retired consumers do not count (see `consumerViewsOf`): a
 * range a retired service still lists breaks nothing.
 */
export const compatMinRaised: BreakingChangeDetector = (ctx, id) => {
  const raised = raisedCompatMin(ctx, id);
  const { after } = comparedServices(ctx, id);
  if (!raised || !after) return [];
  const { min, old } = raised;
  const required = new Map<string, ConsumerView & { ranges: string[] }>();
  const optional = new Map<string, ConsumerView & { ranges: string[] }>();
  for (const use of consumerViewsOf(ctx.head, ctx.headGraph, id)) {
    const range = use.edge.range;
    if (range === undefined || !minLeavesOut(range, min)) continue;
    if (ctx.scope && !ctx.scope.affects(use.project, 'compat-min-raised')) {
      continue;
    }
    const list = use.edge.optional ? optional : required;
    const key = viewKey(use);
    const known = list.get(key);
    if (known) {
      if (!known.ranges.includes(range)) known.ranges.push(range);
    } else {
      list.set(key, {
        id: use.id,
        ...(use.project !== undefined ? { project: use.project } : {}),
        ranges: [range],
      });
    }
  }
  for (const key of required.keys()) optional.delete(key);
  if (required.size + optional.size === 0) return [];
  const describe = (
    view: ConsumerView & { ranges: string[] },
    note: string,
  ) => {
    const where =
      view.project !== undefined &&
      ctx.head.services.get(view.id)?.project === undefined
        ? ` in project "${view.project}"`
        : '';
    return `"${view.id}" (${view.ranges.join(', ')}${where}${note})`;
  };
  const described = [
    ...[...required.values()].sort(compareViews).map(v => describe(v, '')),
    ...[...optional.values()]
      .sort(compareViews)
      .map(v => describe(v, ', optional')),
  ];
  const optionalConsumers = [...optional.values()]
    .sort(compareViews)
    .map(({ id: consumer, project }) =>
      toOptionalConsumer(
        ctx.head,
        project === undefined ? { id: consumer } : { id: consumer, project },
      ),
    );
  const count = described.length;
  return [
    {
      kind: 'compat-min-raised',
      service: id,
      message: `Service "${id}" raises compat_version_min ${
        old ? `from ${old} ` : ''
      }to ${min}, past what ${described.join(', ')} ask${
        count === 1 ? 's' : ''
      } for: migrate ${
        count === 1 ? 'that consumer' : 'those consumers'
      } and move their ranges to >=${min} first, or keep the old minimum.`,
      position: keyPosition(after, 'compat_version_min') ?? after.source,
      related: [...new Set([...required.values()].map(v => v.id))].sort(),
      optionalConsumers,
    },
  ];
};
