import path from 'node:path';
import { LoadedRegistry } from '@service-registry/plugin-service-registry-common';
import { CliIO } from './io';

/**
 * Tells on stderr which files of the registry do not parse, for commands that print what the
 * registry holds (graph, impact, OpenSLO) and so would silently leave those files' services out.
 * stdout keeps only what the format promises.
 *
 * @param root - the registry root as given (`<ref>:<dir>` for a git revision), which the files'
 *   paths are joined to
 * @param consequence - what that does to the output, e.g. `the graph leaves out what it declares`
 */
export function warnAboutUnparsedFiles(
  registry: LoadedRegistry,
  root: string,
  consequence: string,
  io: CliIO,
): void {
  for (const finding of registry.findings) {
    if (finding.code !== 'toml/syntax') continue;
    io.stderr(
      `service-registry: ${path.join(root, finding.file)}:${finding.line}:${
        finding.column
      } does not parse, so ${consequence} (service-registry validate tells why).\n`,
    );
  }
}
