import { FILE_TOO_LARGE_CODE } from '../../load/unreadFileFinding';
import { LoadedRegistry, RegistryFinding } from '../../model/types';
import { edgeSite } from '../edges';
import { makeFinding } from '../findings';
import { ValidationContext } from '../types';

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;

/**
 * What the message of a missing dependency adds when some files contributed nothing (they may
 * declare it): those that did not parse, and those not read for their size; empty when none.
 */
function unloadedFilesNote(registry: LoadedRegistry): string {
  const failed = registry.failedFiles;
  if (failed.length === 0) return '';
  const tooLargeFiles = new Set(
    registry.findings
      .filter(f => f.code === FILE_TOO_LARGE_CODE)
      .map(f => f.file),
  );
  const tooLarge = failed.filter(file => tooLargeFiles.has(file)).length;
  const unparsed = failed.length - tooLarge;
  if (tooLarge === 0) {
    return ` (${files(
      unparsed,
    )} did not parse and may declare it: fix the syntax errors first)`;
  }
  if (unparsed === 0) {
    return ` (${files(tooLarge)} ${
      tooLarge === 1 ? 'was' : 'were'
    } not read, being above the size limit for a registry file, and may declare it: split or shrink ${
      tooLarge === 1 ? 'it' : 'them'
    } first)`;
  }
  return ` (${files(
    failed.length,
  )} were not loaded and may declare it: ${unparsed} did not parse, ${tooLarge} ${
    tooLarge === 1 ? 'is' : 'are'
  } above the size limit for a registry file; fix them first)`;
}

/**
 * `dependency/missing-required` (error) and `dependency/missing-optional` (warning): a
 * dependency on a service no registry file declares, at the entry of the list.
 *
 * @param ctx - the validation context
 */
export function missingDependencies(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const note = unloadedFilesNote(ctx.registry);
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
