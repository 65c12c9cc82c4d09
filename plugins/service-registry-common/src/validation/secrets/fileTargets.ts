import { classifyRegistryFile } from '../../load/classifyFile';
import { pathInMessage } from '../../load/controlCharacterPattern';
import { pathLabel } from '../../load/fieldCheck';
import { fileStart, positionsUnder } from '../../load/filePositions';
import { KeyPathPart } from '../../load/keyPath';
import type { ParsedTomlFile } from '../../load/parseToml';
import { serviceLabel } from '../findings';
import { ScanTarget, SecretAttribution } from './scanTarget';

/** The project folder of a path under `projects/<project>/`, layout or not. */
const PROJECT_FOLDER = /^projects\/([^/]+)\//;

/**
 * Order of the files' findings: global services, releases, project services, the other project
 * files, policies, patterns, then files outside the layout (by path within each).
 */
function rank(path: string): number {
  const kind = classifyRegistryFile(path);
  switch (kind.kind) {
    case 'catalog':
      return 0;
    case 'versions':
      return 1;
    case 'project':
      return kind.file === 'services' ? 2 : 3;
    case 'policy':
      return 4;
    case 'patterns':
      return 5;
    default:
      return 6;
  }
}

/** Whether a file declares `[service.<id>...]` tables about services. */
function holdsServices(path: string): boolean {
  const kind = classifyRegistryFile(path);
  return (
    kind.kind === 'catalog' ||
    kind.kind === 'versions' ||
    (kind.kind === 'project' && kind.file !== 'deployment')
  );
}

function attribution(
  path: string,
): (keyPath: readonly KeyPathPart[]) => SecretAttribution {
  const project = PROJECT_FOLDER.exec(path)?.[1];
  const subject = pathInMessage(path);
  const services = holdsServices(path);
  const inProject = project === undefined ? {} : { project };
  return keyPath => {
    const service =
      services && keyPath[0] === 'service' && typeof keyPath[1] === 'string'
        ? keyPath[1]
        : undefined;
    if (service === undefined) {
      return { subject, label: pathLabel(keyPath), about: inProject };
    }
    const about = { service, ...inProject };
    return keyPath.length > 2
      ? {
          subject: serviceLabel(service),
          label: pathLabel(keyPath.slice(2)),
          about,
        }
      : { subject, label: pathLabel(keyPath), about };
  };
}

/**
 * The scan targets of a registry's files as written: one per file, the whole document, placed
 * by the file's own key positions (`positionsUnder`), and attributed by where a value sits:
 * below `[service.<id>]` of the catalog, versions, project services or monitoring files to that
 * service; anything under `projects/<project>/` (files outside the layout included) to that
 * project.
 *
 * @param files - the parsed files (see `sourceFilesOf`)
 */
export function fileTargets(files: readonly ParsedTomlFile[]): ScanTarget[] {
  return [...files]
    .sort(
      (a, b) =>
        rank(a.path) - rank(b.path) ||
        (a.path < b.path ? -1 : Number(a.path > b.path)),
    )
    .map(file => ({
      table: file.table,
      positions: () => positionsUnder(file, []).positions,
      fallback: fileStart(file.path),
      attribute: attribution(file.path),
    }));
}
