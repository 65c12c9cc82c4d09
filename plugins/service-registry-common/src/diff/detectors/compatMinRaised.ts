import semver from 'semver';
import { affectsConsumer, comparedServices } from '../scope';
import { BreakingChangeDetector } from '../types';

const SEMVER_OPTIONS = { includePrerelease: true };

/**
 * `compat-min-raised`: `compat_version_min` went up past what some consumers' ranges allow (their
 * range has no version at or above the new minimum). Consumers' ranges are read from head; only
 * consumers that see the compared declaration count.
 */
export const compatMinRaised: BreakingChangeDetector = (ctx, id) => {
  const { before, after } = comparedServices(ctx, id);
  if (!before || !after || after.compatVersionMin === undefined) return [];
  const min = after.compatVersionMin;
  const old = before.compatVersionMin;
  if (old !== undefined && !semver.gt(min, old)) return [];
  const broken: string[] = [];
  const described: string[] = [];
  for (const edge of ctx.headGraph.incoming.get(id) ?? []) {
    if (edge.range === undefined || edge.from === id) continue;
    if (!affectsConsumer(ctx, ctx.headGraph, edge, 'compat-min-raised')) {
      continue;
    }
    if (semver.validRange(edge.range, SEMVER_OPTIONS) === null) continue;
    if (semver.intersects(edge.range, `>=${min}`, SEMVER_OPTIONS)) continue;
    if (broken.includes(edge.from)) continue;
    broken.push(edge.from);
    described.push(`"${edge.from}" (${edge.range})`);
  }
  if (broken.length === 0) return [];
  return [
    {
      kind: 'compat-min-raised',
      service: id,
      message: `Service "${id}" raises compat_version_min ${
        old ? `from ${old} ` : ''
      }to ${min}, past what ${described.join(', ')} ask${
        broken.length === 1 ? 's' : ''
      } for: migrate ${
        broken.length === 1 ? 'that consumer' : 'those consumers'
      } and move their ranges to >=${min} first, or keep the old minimum.`,
      position: after.positions.compat_version_min ?? after.source,
      related: [...broken].sort(),
    },
  ];
};
