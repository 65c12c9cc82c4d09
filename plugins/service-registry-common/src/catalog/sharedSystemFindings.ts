import { tomlBasicString } from '../load/keyPath';
import { LoadedRegistry, RegistryFinding } from '../model/types';

/**
 * A name as the catalog compares it in an entity ref (`system:default/<name>`): lower-cased.
 * Only `A` to `Z` are folded: an entity name is ASCII, and a project folder with another letter
 * that lower-cases to one (`K`, the Kelvin sign) is no entity name, which the catalog refuses
 * (`catalog/invalid-entity`) rather than taking it for another System.
 */
function asInRef(name: string): string {
  return name.replace(/[A-Z]+/g, letters => letters.toLowerCase());
}

/**
 * Whether the catalog provider emits the System of global services for this registry: it does
 * when a global service (one of `services/catalog.toml`) is not retired, as its mapping does.
 */
function hasGlobalServices(registry: LoadedRegistry): boolean {
  for (const service of registry.services.values()) {
    if (!service.project && service.status !== 'retired') return true;
  }
  return false;
}

/**
 * The catalog provider's `catalog/duplicate-entity` error for a project named like the System of
 * global services (its `sharedSystem`, default `shared`), at the project's declaration: each
 * project becomes a System named by its folder, and when that System has the ref of the System of
 * global services (`system:default/<name>`, compared without case: `projects/Shared/` too), the
 * catalog gets the project's System and the global services land in it. None when the registry
 * has no global service that is not retired (the provider then emits no System of global
 * services). The catalog provider reports it itself when it checks its entities; the CLI and the
 * scaffolder's validate action report it on the change (through `validateRegistry`'s
 * `catalog.sharedSystem`), before the catalog shows it. Its `catalog/` code is not validation's:
 * `block_on` does not apply to it.
 *
 * @param registry - the loaded registry
 * @param sharedSystem - the name of the System of global services, as the catalog provider's
 *   `sharedSystem` writes it
 * @public
 */
export function sharedSystemFindings(
  registry: LoadedRegistry,
  sharedSystem: string,
): RegistryFinding[] {
  const name = asInRef(sharedSystem);
  const clashing = [...registry.projects.values()].filter(
    project => asInRef(project.id) === name,
  );
  if (clashing.length === 0 || !hasGlobalServices(registry)) return [];
  return clashing.map(
    (project): RegistryFinding => ({
      severity: 'error',
      code: 'catalog/duplicate-entity',
      message: `Project ${tomlBasicString(
        project.id,
      )} has the name of the System of global services (${tomlBasicString(
        sharedSystem,
      )}): the catalog would get the project's System, and the global services would land in it. Rename the project folder projects/${
        project.id
      }/, or set the catalog provider's sharedSystem (catalog.providers.serviceRegistry.sharedSystem, or catalog.providers.serviceRegistry.<id>.sharedSystem for one of several registries) to another name, and check with that name (the CLI's --shared-system, the validate action's sharedSystem input).`,
      file: project.source.file,
      line: project.source.line,
      column: project.source.column,
      project: project.id,
    }),
  );
}
