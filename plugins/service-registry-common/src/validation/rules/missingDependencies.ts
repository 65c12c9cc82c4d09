import { RegistryFinding } from '../../model/types';
import { edgeSite } from '../edges';
import { makeFinding } from '../findings';
import { ValidationContext } from '../types';

/**
 * `dependency/missing-required` (error) and `dependency/missing-optional` (warning): a
 * dependency on a service no registry file declares, at the entry of the list.
 *
 * @param ctx - the validation context
 */
export function missingDependencies(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const failed = ctx.registry.failedFiles;
  const note =
    failed.length > 0
      ? ` (${failed.length} file${
          failed.length === 1 ? '' : 's'
        } did not parse and may declare it: fix the syntax errors first)`
      : '';
  for (const edge of ctx.graph.edges) {
    if (ctx.graph.nodes.has(edge.to)) continue;
    const site = edgeSite(ctx, edge);
    const where =
      site.about.project !== undefined
        ? `projects/${site.about.project}/services.toml or services/catalog.toml`
        : 'services/catalog.toml or a project services.toml';
    const kind = edge.optional ? 'optionally uses' : 'requires';
    const message = `Service "${edge.from}" ${kind} "${edge.to}", which no registry file declares${note}: declare [service.${edge.to}] in ${where}, or remove "${edge.to}" from ${site.list}.`;
    findings.push(
      makeFinding(
        edge.optional ? 'warning' : 'error',
        edge.optional
          ? 'dependency/missing-optional'
          : 'dependency/missing-required',
        message,
        site.position,
        site.about,
      ),
    );
  }
  return findings;
}
