import {
  loadRegistry,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { checkEntities } from './checkEntities';
import { mapRegistryToEntities } from './mapRegistryToEntities';
import { TEST_MAP_OPTIONS } from '../__testUtils__/mapOptions';

/*
 * The CLI and the scaffolder's validate action report a project whose folder name cannot name a
 * System through validateRegistry's `catalog` option (projectSystemFindings of the common
 * package), before the catalog does: they must report it exactly when checkEntities leaves the
 * project's System out, at the same place, as an error.
 */

const PROJECT =
  '# the project\n\n[project]\nname = "Tools"\n\n[service.tools-api]\n';

type Where = [string, string, number, number, string | undefined];

function filesOf(folder: string) {
  return [
    {
      path: 'services/catalog.toml',
      text: '[service.auth]\nversion = "1.0.0"\n',
    },
    { path: `projects/${folder}/services.toml`, text: PROJECT },
  ];
}

async function catalogReports(folder: string): Promise<Where[]> {
  const { findings } = await checkEntities(
    mapRegistryToEntities(loadRegistry(filesOf(folder)), TEST_MAP_OPTIONS),
    TEST_MAP_OPTIONS,
  );
  return findings
    .filter(f => f.code === 'catalog/invalid-entity' && f.project === folder)
    .map(f => [f.severity, f.file, f.line, f.column, f.project]);
}

function validationReports(folder: string): Where[] {
  return validateRegistry(loadRegistry(filesOf(folder)), {
    today: '2026-11-22',
    catalog: { sharedSystem: TEST_MAP_OPTIONS.sharedSystem },
  })
    .filter(f => f.code === 'catalog/invalid-entity')
    .map(f => [f.severity, f.file, f.line, f.column, f.project]);
}

describe('a project whose folder name cannot name a System', () => {
  it.each<[string, number]>([
    ['my project', 1],
    ['Über', 1],
    ['p'.repeat(64), 1],
    ['-tools', 1],
    ['tools.', 1],
    // not registry ids (the loader warns), but names the catalog takes
    ['Tools_API', 0],
    ['tools.v2', 0],
    ['tools', 0],
  ])(
    '%s: validation reports it exactly as the catalog provider does',
    async (folder, count) => {
      const catalog = await catalogReports(folder);
      expect(catalog).toHaveLength(count);
      expect(validationReports(folder)).toEqual(catalog);
    },
  );
});
