import path from 'node:path';
import {
  FILE_TOO_LARGE_CODE,
  formatByteSize,
  isUnreadFileFinding,
  LoadedRegistry,
  RegistryFileInput,
  RegistryFinding,
} from '@service-registry/plugin-service-registry-common';
import { shownPath } from '../format/shownPaths';
import { forTerminal } from '../format/text';
import { CliIO } from './io';

/** Why a file contributed nothing: it does not parse, or it was not read for its size. */
function whyNotLoaded(
  finding: RegistryFinding,
  files: readonly RegistryFileInput[],
): string {
  if (finding.code !== FILE_TOO_LARGE_CODE) return 'does not parse';
  const tooLarge = files.find(f => f.path === finding.file)?.tooLarge;
  return tooLarge
    ? `is not read: it is ${formatByteSize(
        tooLarge.bytes,
      )}, above the size limit of ${formatByteSize(
        tooLarge.limit,
      )} for a registry file`
    : 'is not read: it is above the size limit for a registry file';
}

/**
 * Tells on stderr which files of the registry contributed nothing, for commands that print what
 * the registry holds (graph, impact, OpenSLO, the base of a diff) and so would silently leave
 * those files' services out: a file that does not parse, and a file not read because it is above
 * the size limit (with its size and the limit). stdout keeps only what the format promises.
 *
 * @param files - the files the registry was loaded from (a file too large carries its size)
 * @param root - the registry root as given (`<ref>:<dir>` for a git revision), which the files'
 *   paths are joined to
 * @param consequence - what that does to the output, e.g. `the graph leaves out what it declares`
 * @param note - what the root is, said after the location (`the merge base of main and HEAD`)
 */
export function warnAboutUnparsedFiles(
  registry: LoadedRegistry,
  files: readonly RegistryFileInput[],
  root: string,
  consequence: string,
  io: CliIO,
  note?: string,
): void {
  for (const finding of registry.findings) {
    if (!isUnreadFileFinding(finding)) continue;
    // a file's path comes from the registry: its control characters are written as escapes, a
    // credential in it (a project folder named with one) as `(hidden)`
    const where = forTerminal(
      `${shownPath(path.join(root, finding.file))}:${finding.line}:${
        finding.column
      }${note ? ` (${note})` : ''}`,
    );
    const hint =
      finding.code === FILE_TOO_LARGE_CODE
        ? '--max-file-bytes sets the limit'
        : 'service-registry validate tells why';
    io.stderr(
      `service-registry: ${where} ${whyNotLoaded(
        finding,
        files,
      )}, so ${consequence} (${hint}).\n`,
    );
  }
}
