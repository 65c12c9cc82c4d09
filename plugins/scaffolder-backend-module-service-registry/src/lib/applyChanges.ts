import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  LoadedRegistry,
  loadRegistry,
  RegistryService,
} from '@service-registry/plugin-service-registry-common';
import { asInputError } from './errors';
import { setServiceFields, TomlEditValue } from './edit';
import {
  describeChange,
  FileChange,
  withChanges,
  WorkspaceRegistry,
  writeRegistryFiles,
} from './workspaceRegistry';

/** Finds a service the registry declares, or refuses with the way to fix it. */
export function requireService(
  registry: LoadedRegistry,
  id: string,
): RegistryService {
  const service = registry.services.get(id);
  if (!service) {
    throw new InputError(
      `The registry declares no service "${id}": check the id (services are listed in the catalog, or in services/catalog.toml and projects/*/services.toml).`,
    );
  }
  return service;
}

/** The change that sets fields of a service in the file that declares it. */
export function planServicePatch(
  ws: WorkspaceRegistry,
  service: RegistryService,
  patch: { [key: string]: TomlEditValue },
): FileChange {
  const file = service.source.file;
  const before = ws.files.find(f => f.path === file)?.text;
  if (before === undefined) {
    throw new InputError(
      `Service "${service.id}" is declared in ${file}, which is not in the workspace registry.`,
    );
  }
  try {
    return {
      path: file,
      before,
      text: setServiceFields(before, service.id, patch, { file }),
    };
  } catch (error) {
    throw asInputError(error);
  }
}

/**
 * Loads the registry with the changes applied and refuses the changes when a changed file no
 * longer loads (a last guard; the editor already checks each file).
 */
export function loadChanged(
  ws: WorkspaceRegistry,
  changes: FileChange[],
): LoadedRegistry {
  const head = loadRegistry(withChanges(ws.files, changes));
  const broken = head.failedFiles.filter(f => changes.some(c => c.path === f));
  if (broken.length) {
    throw new InputError(
      `The change would leave ${broken.join(
        ', ',
      )} unreadable; nothing was written. Report this with the input that caused it.`,
    );
  }
  return head;
}

/**
 * Writes the changes, or in a dry run only logs them. Every change is logged as a diff.
 */
export async function applyChanges(options: {
  ws: WorkspaceRegistry;
  changes: FileChange[];
  logger: LoggerService;
  isDryRun?: boolean;
}): Promise<string> {
  const { ws, changes, logger, isDryRun } = options;
  const diff = changes.map(describeChange).join('\n');
  logger.info(
    `${
      isDryRun ? 'Dry run, nothing written. Would change' : 'Changing'
    } ${changes.map(c => c.path).join(', ')}:\n${diff}`,
  );
  if (!isDryRun) await writeRegistryFiles(ws.dir, changes);
  return diff;
}
