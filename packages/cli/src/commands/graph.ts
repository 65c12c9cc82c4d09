import {
  buildDependencyGraph,
  graphToDot,
  graphToJson,
  graphToMermaid,
  loadRegistry,
  mermaidChartLimit,
} from '@service-registry/plugin-service-registry-common';
import { UsageError } from '../lib/errors';
import { CliIO } from '../lib/io';
import { warnAboutUnparsedFiles } from '../lib/unparsedFiles';
import { readDirectorySource } from '../lib/readSource';
import { shownGraph } from '../format/shownPaths';
import { checkRegistryRoot } from '../lib/registryRootNote';

/** Formats of `service-registry graph`. */
export type GraphFormat = 'dot' | 'json' | 'mermaid';

/** Prints the dependency graph of a registry. */
export async function graphCommand(
  options: {
    dir: string;
    format: string | undefined;
    /** Size in bytes above which a registry file is not read (`--max-file-bytes`); default 16 MiB. */
    maxFileBytes?: number;
  },
  io: CliIO,
): Promise<number> {
  const format = (options.format ?? 'dot') as GraphFormat;
  if (!['dot', 'json', 'mermaid'].includes(format)) {
    throw new UsageError(
      `--format must be one of dot, json, mermaid, got ${options.format}`,
    );
  }
  const source = await readDirectorySource(options.dir, {
    maxFileBytes: options.maxFileBytes,
  });
  checkRegistryRoot(source, io);
  const registry = loadRegistry(source.files);
  warnAboutUnparsedFiles(
    registry,
    source.files,
    source.displayRoot,
    'the graph leaves out what it declares',
    io,
  );
  // a project folder named with a credential is shown with it hidden
  const graph = shownGraph(buildDependencyGraph(registry));
  if (format === 'json')
    io.stdout(`${JSON.stringify(graphToJson(graph), null, 2)}\n`);
  else if (format === 'mermaid') {
    const chart = graphToMermaid(graph);
    const limit = mermaidChartLimit(graph, chart);
    if (limit) {
      io.stderr(
        `service-registry: the graph has ${limit}, so GitHub and GitLab show an error instead of this chart (a renderer with a higher maxEdges or maxTextSize draws it; --format dot prints it for Graphviz).\n`,
      );
    }
    io.stdout(chart);
  } else io.stdout(graphToDot(graph));
  return 0;
}
