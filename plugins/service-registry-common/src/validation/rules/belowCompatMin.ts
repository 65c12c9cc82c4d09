import semver from 'semver';
import { RegistryFinding } from '../../model/types';
import { edgeSite } from '../edges';
import { makeFinding } from '../findings';
import { ValidationContext } from '../types';

const SEMVER_OPTIONS = { includePrerelease: true };

/**
 * `dependency/below-compat-min` (warning): a consumer's range that only allows versions below the
 * provider's `compat_version_min`, i.e. versions the provider no longer stays compatible with.
 *
 * @param ctx - the validation context
 */
export function belowCompatMin(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const edge of ctx.graph.edges) {
    if (edge.range === undefined) continue;
    const min = ctx.registry.services.get(edge.to)?.compatVersionMin;
    if (min === undefined) continue;
    if (semver.validRange(edge.range, SEMVER_OPTIONS) === null) continue;
    if (semver.intersects(edge.range, `>=${min}`, SEMVER_OPTIONS)) continue;
    const site = edgeSite(ctx, edge);
    findings.push(
      makeFinding(
        'warning',
        'dependency/below-compat-min',
        `Service "${edge.from}" asks for "${edge.to}" ${edge.range}, which only allows versions below its compat_version_min ${min}: "${edge.to}" no longer stays compatible with them. Move the range to ">=${min}" after migrating.`,
        site.position,
        site.about,
      ),
    );
  }
  return findings;
}
