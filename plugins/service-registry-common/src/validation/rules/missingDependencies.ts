import { FILE_TOO_LARGE_CODE } from '../../load/unreadFileFinding';
import { LoadedRegistry, RegistryFinding } from '../../model/types';
import { checkDependencies, edgeSite } from '../edges';
import { makeFinding, quoted, serviceLabel, tableHeader } from '../findings';
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
 * Retired consumers do not count (see `checkDependencies`): a retired service runs nothing, so
 * an entry it still lists for a provider deleted since is history and gets no finding, not even
 * a warning. Deleting a provider once its last consumer is retired is the normal end of a
 * decommissioning; a finding there would fail (or nag) every later check about a service nobody
 * runs, whose entries nobody needs to edit. The loader still checks the entry itself (its id and
 * range). A project whose override retires a global service drops the finding from that
 * project's view only; a global service retired but kept running by a project's override is
 * reported in that project.
 *
 * A dependency on a service that a file which does not parse declares (a `[service.<id>]` header
 * in it, `LoadedRegistry.unreadServices`) gets no finding: the consumer is not wrong, the file's
 * `toml/syntax` error is, and one broken file does not bring an error for every consumer of its
 * services. The message of a dependency still missing says how many files were not loaded and
 * may declare it.
 *
 * @param ctx - the validation context
 */
export function missingDependencies(ctx: ValidationContext): RegistryFinding[] {
  const note = unloadedFilesNote(ctx.registry);
  const unread = ctx.registry.unreadServices;
  return checkDependencies(ctx, ({ edge }) => {
    if (ctx.graph.nodes.has(edge.to)) return undefined;
    // declared in a file that does not parse: its syntax error is the finding
    if (unread?.has(edge.to)) return undefined;
    const site = edgeSite(ctx, edge);
    const where =
      site.about.project !== undefined
        ? `projects/${site.about.project}/services.toml or services/catalog.toml`
        : 'services/catalog.toml or a project services.toml';
    const kind = edge.optional ? 'optionally uses' : 'requires';
    const message = `${serviceLabel(edge.from)} ${kind} ${quoted(
      edge.to,
    )}, which no registry file declares${note}: declare ${tableHeader(
      'service',
      edge.to,
    )} in ${where}, or remove ${quoted(edge.to)} from ${site.list}.`;
    return makeFinding(
      edge.optional ? 'warning' : 'error',
      edge.optional
        ? 'dependency/missing-optional'
        : 'dependency/missing-required',
      message,
      site.position,
      site.about,
    );
  });
}
