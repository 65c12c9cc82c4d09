import { tomlBasicString } from '../load/keyPath';
import { LoadedRegistry, RegistryFinding } from '../model/types';
import { isEntityName } from './entityNames';

/**
 * The catalog provider's `catalog/invalid-entity` error for a project whose folder name the
 * catalog cannot take as the name of its System (`projects/my project/`, `projects/Über/`, a name
 * longer than 63 characters), at the project's declaration: the provider leaves the System out
 * and emits the project's services without a System. The loader only warns about such a folder
 * (`schema/invalid-id`, as about any folder that is not a registry id, `Shop_API` included, which
 * the catalog takes). The catalog provider reports it itself when it checks its entities; the CLI
 * and the scaffolder's validate action report it on the change (through `validateRegistry`'s
 * `catalog` option), before the catalog shows it. Its `catalog/` code is not validation's:
 * `block_on` does not apply to it.
 *
 * @param registry - the loaded registry
 * @public
 */
export function projectSystemFindings(
  registry: LoadedRegistry,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const project of registry.projects.values()) {
    if (isEntityName(project.id)) continue;
    findings.push({
      severity: 'error',
      code: 'catalog/invalid-entity',
      // the quoted id escapes control characters (a folder may be named with them)
      message: `Project ${tomlBasicString(
        project.id,
      )} cannot become a catalog System, and is left out: its folder name is not a catalog entity name (1 to 63 letters and digits, joined by "-", "_" or "."). Rename the project folder to letters and digits joined by "-" (at most 63 characters). Until then its services are in the catalog without a System.`,
      file: project.source.file,
      line: project.source.line,
      column: project.source.column,
      project: project.id,
    });
  }
  return findings;
}
