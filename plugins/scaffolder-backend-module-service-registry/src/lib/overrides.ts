import {
  parseTomlFile,
  RegistryService,
} from '@service-registry/plugin-service-registry-common';
import { asInputError } from './errors';
import { RemovedKey, removeServiceKeys } from './removeServiceKeys';
import { editableText } from './workspaceRegistry';
import type { FileChange, WorkspaceRegistry } from './workspaceRegistry';

/**
 * The keys that make a service's lifecycle: a project override that writes one of them keeps its
 * own lifecycle whatever the global declaration says.
 */
export const LIFECYCLE_KEYS = [
  'status',
  'deprecation_date',
  'sunset_date',
  'replacement_service',
  'migration',
] as const;

/** A project's override of a global service: the project and the file that writes it. */
interface OverrideFile {
  project: string;
  file: string;
  text: string;
}

/** The project overrides of a global service, by project id. */
function overridesOf(
  ws: WorkspaceRegistry,
  service: RegistryService,
): OverrideFile[] {
  if (service.project !== undefined) return [];
  const out: OverrideFile[] = [];
  for (const project of [...new Set(service.overriddenBy)].sort()) {
    const view = ws.registry.overrides.get(project)?.get(service.id);
    const file = view?.source.file;
    const text = editableText(ws, file);
    if (file !== undefined && text !== undefined) {
      out.push({ project, file, text });
    }
  }
  return out;
}

/** The `[service.<id>]` table a file writes (not merged), or an empty table. */
function writtenTable(
  file: string,
  text: string,
  id: string,
): Record<string, unknown> {
  const parsed = parseTomlFile(file, text);
  const services = parsed.ok ? parsed.file.table.service : undefined;
  const table =
    typeof services === 'object' && services !== null
      ? (services as Record<string, unknown>)[id]
      : undefined;
  return typeof table === 'object' && table !== null && !Array.isArray(table)
    ? (table as Record<string, unknown>)
    : {};
}

/** A project override whose own lifecycle keys a deprecation removes. */
export interface AlignedOverride {
  /** The project whose override changes. */
  project: string;
  /** Its `services.toml`, relative to the registry root. */
  file: string;
  /** The keys removed, with the values the override had. */
  removed: RemovedKey[];
}

/**
 * The changes that remove the lifecycle keys ({@link LIFECYCLE_KEYS}) from every project override
 * of a global service, so that each project's view inherits the lifecycle of the global
 * declaration (a deprecation reaches every project). Each file is edited in place: only the lines
 * of those keys go.
 *
 * @returns the file changes, and what each override lost (for the log and the pull request)
 */
export function planOverrideLifecycleRemoval(
  ws: WorkspaceRegistry,
  service: RegistryService,
): { changes: FileChange[]; aligned: AlignedOverride[] } {
  const changes: FileChange[] = [];
  const aligned: AlignedOverride[] = [];
  for (const override of overridesOf(ws, service)) {
    let edit: ReturnType<typeof removeServiceKeys>;
    try {
      edit = removeServiceKeys(
        override.text,
        service.id,
        LIFECYCLE_KEYS,
        override.file,
      );
    } catch (error) {
      throw asInputError(error);
    }
    if (edit.removed.length === 0) continue;
    changes.push({
      path: override.file,
      before: override.text,
      text: edit.text,
    });
    aligned.push({
      project: override.project,
      file: override.file,
      removed: edit.removed,
    });
  }
  return { changes, aligned };
}

/** A project whose override keeps its own value of fields an update changes. */
export interface ShadowingOverride {
  /** The project. */
  project: string;
  /** Its `services.toml`, relative to the registry root. */
  file: string;
  /** The changed fields the override writes (`port`, `dependencies.requires`). */
  fields: string[];
}

/**
 * The project overrides of a global service that write some of the given fields: the projects
 * whose view keeps its own value when the global declaration changes.
 *
 * @param fields - registry keys, `dependencies.requires` for a key of a sub-table
 */
export function shadowingOverrides(
  ws: WorkspaceRegistry,
  service: RegistryService,
  fields: readonly string[],
): ShadowingOverride[] {
  const out: ShadowingOverride[] = [];
  for (const override of overridesOf(ws, service)) {
    const table = writtenTable(override.file, override.text, service.id);
    const pinned = fields.filter(field => {
      let current: unknown = table;
      for (const part of field.split('.')) {
        if (typeof current !== 'object' || current === null) return false;
        if (!(part in current)) return false;
        current = (current as Record<string, unknown>)[part];
      }
      return true;
    });
    if (pinned.length) {
      out.push({
        project: override.project,
        file: override.file,
        fields: pinned,
      });
    }
  }
  return out;
}
