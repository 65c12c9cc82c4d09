import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  isEntityName,
  loadRegistry,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { checkEntities } from './checkEntities';
import { mapRegistryToEntities } from './mapRegistryToEntities';
import { TEST_MAP_OPTIONS } from '../__testUtils__/mapOptions';

/*
 * The CLI and the scaffolder's validate action report a project named like the System of global
 * services through validateRegistry's `catalog.sharedSystem` (sharedSystemFindings of the common
 * package), before the catalog does: they must report it exactly when checkEntities does, at the
 * same place.
 */

const GLOBAL = '[service.auth]\nowner = "platform"\nversion = "1.0.0"\n';
const RETIRED = '[service.auth]\nversion = "1.0.0"\nstatus = "retired"\n';
const PROJECT = '[project]\nname = "Tools"\n\n[service.tools-api]\n';

type Where = [string, number, number, string | undefined];

async function catalogReports(
  files: Record<string, string>,
  sharedSystem: string,
): Promise<Where[]> {
  const registry = loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
  const options = { ...TEST_MAP_OPTIONS, sharedSystem };
  const { findings } = await checkEntities(
    mapRegistryToEntities(registry, options),
    options,
  );
  return findings
    .filter(
      f =>
        f.code === 'catalog/duplicate-entity' &&
        f.message.includes('System of global services'),
    )
    .map(f => [f.file, f.line, f.column, f.project]);
}

function validationReports(
  files: Record<string, string>,
  sharedSystem: string,
): Where[] {
  const registry = loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
  return validateRegistry(registry, {
    today: '2026-11-22',
    catalog: { sharedSystem },
  })
    .filter(f => f.code === 'catalog/duplicate-entity')
    .map(f => [f.file, f.line, f.column, f.project]);
}

describe('a project named like the System of global services', () => {
  it.each<[string, Record<string, string>, string, number]>([
    [
      'projects/shared',
      {
        'services/catalog.toml': GLOBAL,
        'projects/shared/services.toml': PROJECT,
      },
      'shared',
      1,
    ],
    [
      'projects/Shared',
      {
        'services/catalog.toml': GLOBAL,
        'projects/Shared/services.toml': `# tools\n${PROJECT}`,
      },
      'shared',
      1,
    ],
    [
      'projects/shared, sharedSystem Shared',
      {
        'services/catalog.toml': GLOBAL,
        'projects/shared/services.toml': PROJECT,
      },
      'Shared',
      1,
    ],
    [
      'projects/shared, sharedSystem platform',
      {
        'services/catalog.toml': GLOBAL,
        'projects/shared/services.toml': PROJECT,
      },
      'platform',
      0,
    ],
    [
      'projects/shared without a global service',
      { 'projects/shared/services.toml': PROJECT },
      'shared',
      0,
    ],
    [
      'projects/shared with only a retired global service',
      {
        'services/catalog.toml': RETIRED,
        'projects/shared/services.toml': PROJECT,
      },
      'shared',
      0,
    ],
    [
      'a project whose folder has the Kelvin sign (no entity name)',
      {
        'services/catalog.toml': GLOBAL,
        'projects/\u212Aernel/services.toml': PROJECT,
      },
      'kernel',
      0,
    ],
  ])(
    '%s: validation reports it exactly as the catalog provider does',
    async (_, files, sharedSystem, count) => {
      const catalog = await catalogReports(files, sharedSystem);
      expect(catalog).toHaveLength(count);
      expect(validationReports(files, sharedSystem)).toEqual(catalog);
    },
  );
});

describe('isEntityName', () => {
  it('takes the names the catalog takes, and only those', () => {
    const names = [
      'shared',
      'Global.Services_2',
      'a',
      'x'.repeat(63),
      'x'.repeat(64),
      '',
      '-x',
      'x-',
      '.x',
      'x_',
      'a b',
      'ñandú',
      'a/b',
      'a:b',
      'shared\n',
    ];
    expect(names.map(isEntityName)).toEqual(
      names.map(KubernetesValidatorFunctions.isValidObjectName),
    );
  });
});
