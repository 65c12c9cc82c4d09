import {
  buildDependencyGraph,
  computeImpact,
  fitMarkdown,
  loadRegistry,
  plural,
  runningGraphOf,
  renderImpactMarkdown,
} from '@service-registry/plugin-service-registry-common';
import { CUT_NOTICE } from '../lib/cutNotice';
import { UsageError } from '../lib/errors';
import { CliIO } from '../lib/io';
import { warnAboutUnparsedFiles } from '../lib/unparsedFiles';
import { ReportFormat } from '../lib/options';
import { readDirectorySource } from '../lib/readSource';
import { checkRegistryRoot } from '../lib/registryRootNote';
import { JSON_SCHEMA_VERSION } from '../format/json';
import { shownImpact } from '../format/shownPaths';
import { forTerminal, paint } from '../format/text';

/** Options of `service-registry impact`. */
export interface ImpactCommandOptions {
  service: string;
  dir: string;
  format: ReportFormat;
  includeOptional: boolean;
  maxDepth?: number;
  /** Size in bytes above which a registry file is not read (`--max-file-bytes`); default 16 MiB. */
  maxFileBytes?: number;
}

/** Prints everything that depends on a service, directly and transitively, by project. */
export async function impactCommand(
  options: ImpactCommandOptions,
  io: CliIO,
): Promise<number> {
  const source = await readDirectorySource(options.dir, {
    maxFileBytes: options.maxFileBytes,
  });
  checkRegistryRoot(source, io);
  const registry = loadRegistry(source.files);
  warnAboutUnparsedFiles(
    registry,
    source.files,
    source.displayRoot,
    'the impact leaves out what it declares',
    io,
  );
  const graph = buildDependencyGraph(registry);
  if (
    !graph.nodes.has(options.service) &&
    !graph.incoming.has(options.service)
  ) {
    throw new UsageError(
      `no service ${options.service} in ${source.label}: give the id of a [service.<id>] table`,
    );
  }
  // a retired service consumes nothing: it is affected by no change; a project folder named with
  // a credential is shown with it hidden
  const impact = shownImpact(
    computeImpact(runningGraphOf(registry, graph), options.service, {
      includeOptional: options.includeOptional,
      maxDepth: options.maxDepth,
    }),
  );
  if (options.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        { schemaVersion: JSON_SCHEMA_VERSION, command: 'impact', ...impact },
        null,
        2,
      )}\n`,
    );
  } else if (options.format === 'markdown') {
    io.stdout(
      fitMarkdown(limits => renderImpactMarkdown(impact, limits), {
        findings: 0,
        cutNotice: CUT_NOTICE,
      }),
    );
  } else {
    const p = paint(io.isTTY);
    // what comes from the registry (a project's folder name) never drives the terminal
    const t = forTerminal;
    io.stdout(
      `${p.bold(t(options.service))}: ${plural(
        impact.counts.services,
        'dependent service',
      )} (${impact.counts.direct} direct, ${
        impact.counts.transitive
      } transitive) in ${plural(impact.counts.projects, 'project')}\n`,
    );
    for (const group of impact.byProject) {
      io.stdout(
        `\n${p.bold(
          group.project ? `project ${t(group.project)}` : 'global services',
        )}\n`,
      );
      for (const s of group.services) {
        io.stdout(
          `  ${'  '.repeat(Math.min(s.depth - 1, 6))}${t(s.id)} ${p.dim(
            `depth ${s.depth} via ${t(s.via)}${
              s.owner ? `, owner ${t(s.owner)}` : ''
            }`,
          )}\n`,
        );
      }
    }
  }
  return 0;
}
