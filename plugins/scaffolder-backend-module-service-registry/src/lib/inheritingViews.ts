import {
  RegistryService,
  SourcePosition,
} from '@service-registry/plugin-service-registry-common';
import { checkDependencies } from './dependencies';
import { shadowingOverrides } from './overrides';
import type { WorkspaceRegistry } from './workspaceRegistry';

/** A project's override of a global service that inherits one of its dependency lists. */
export interface InheritingOverride {
  /** The project. */
  project: string;
  /** The override's `[service.<id>]` header. */
  source: SourcePosition;
}

/**
 * The project overrides of a global service whose view inherits its `dependencies.<list>`: those
 * that do not write the list themselves, nor retire the service with a `status` of their own (a
 * retired view consumes nothing, as validation has it). What the global list gets, those views
 * depend on too, each on the providers as its project sees them.
 *
 * @param ws - the workspace registry
 * @param service - the service changed (a project's own service has no overrides)
 * @param list - `requires` or `optional`
 */
export function inheritingOverrides(
  ws: WorkspaceRegistry,
  service: RegistryService,
  list: 'requires' | 'optional',
): InheritingOverride[] {
  if (service.project !== undefined || service.overriddenBy.length === 0) {
    return [];
  }
  const key = `dependencies.${list}`;
  const written = new Map(
    shadowingOverrides(ws, service, [key, 'status']).map(o => [
      o.project,
      o.fields,
    ]),
  );
  const out: InheritingOverride[] = [];
  for (const project of [...new Set(service.overriddenBy)].sort()) {
    const view = ws.registry.overrides.get(project)?.get(service.id);
    if (!view) continue;
    const fields = written.get(project) ?? [];
    if (fields.includes(key)) continue;
    if (fields.includes('status') && view.status === 'retired') continue;
    out.push({ project, source: view.source });
  }
  return out;
}

/**
 * Checks dependency entries given for a global service as each project view that inherits their
 * list sees them (see {@link inheritingOverrides}): a provider a project's override retires is
 * refused there, naming that override and the project's replacement, as validation would report
 * the project's view depending on a retired service. The entries passed the global checks.
 *
 * @param ws - the workspace registry
 * @param service - the service changed
 * @param list - the list the entries go in
 * @param entries - the entries as given
 * @param field - the input field, for the messages
 */
export function checkInheritingViews(
  ws: WorkspaceRegistry,
  service: RegistryService,
  list: 'requires' | 'optional',
  entries: readonly string[] | undefined,
  field: string,
): void {
  if (!entries?.length) return;
  for (const { project, source } of inheritingOverrides(ws, service, list)) {
    checkDependencies(
      entries,
      ws.registry,
      {
        id: service.id,
        project,
        inheritingOverride: { source, list: `dependencies.${list}` },
      },
      field,
    );
  }
}
