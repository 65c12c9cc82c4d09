import { loadRegistry } from '../load/buildRegistry';
import { validateRegistry } from '../validation/validateRegistry';
import { sharedSystemFindings } from './sharedSystemFindings';

const GLOBAL = {
  path: 'services/catalog.toml',
  text: '[service.shared-auth]\nowner = "platform-team"\nversion = "1.0.0"\nstatus = "ga"\n',
};

/** A project's services.toml whose `[project]` header is on line 3. */
function project(id: string) {
  return {
    path: `projects/${id}/services.toml`,
    text: `# the ${id} project\n\n[project]\nname = "Tools"\n\n[service.${id.toLowerCase()}-api]\nversion = "1.0.0"\n`,
  };
}

const today = '2026-11-22';

/** The `catalog/` findings of validateRegistry with these catalog options. */
function catalogFindings(
  files: { path: string; text: string }[],
  catalog?: { sharedSystem?: string },
) {
  return validateRegistry(loadRegistry(files), { today, catalog }).filter(
    f => f.code === 'catalog/duplicate-entity',
  );
}

describe('sharedSystemFindings', () => {
  it('reports a project named like the System of global services at its [project] table', () => {
    const findings = sharedSystemFindings(
      loadRegistry([GLOBAL, project('shared'), project('shop')]),
      'shared',
    );

    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'catalog/duplicate-entity',
        message:
          'Project "shared" has the name of the System of global services ("shared"): the catalog would get the project\'s System, and the global services would land in it. Rename the project folder projects/shared/, or set the catalog provider\'s sharedSystem (catalog.providers.serviceRegistry.sharedSystem, or catalog.providers.serviceRegistry.<id>.sharedSystem for one of several registries) to another name, and check with that name (the CLI\'s --shared-system, the validate action\'s sharedSystem input).',
        file: 'projects/shared/services.toml',
        line: 3,
        column: 1,
        project: 'shared',
      },
    ]);
  });

  it('compares the names as the catalog compares entity refs, without case', () => {
    expect(
      sharedSystemFindings(loadRegistry([GLOBAL, project('Shared')]), 'shared'),
    ).toMatchObject([
      { file: 'projects/Shared/services.toml', line: 3, project: 'Shared' },
    ]);
    expect(
      sharedSystemFindings(loadRegistry([GLOBAL, project('shared')]), 'Shared'),
    ).toMatchObject([{ project: 'shared' }]);
    // the Kelvin sign lower-cases to "k", but is no entity name: the catalog refuses that System
    expect(
      sharedSystemFindings(
        loadRegistry([GLOBAL, project('\u212Aernel')]),
        'kernel',
      ),
    ).toEqual([]);
  });

  it('reports nothing for other project names', () => {
    expect(
      sharedSystemFindings(
        loadRegistry([
          GLOBAL,
          project('shop'),
          project('shared-tools'),
          project('sharedx'),
        ]),
        'shared',
      ),
    ).toEqual([]);
  });

  it('reports nothing when the registry has no global service the catalog would put in that System', () => {
    expect(
      sharedSystemFindings(loadRegistry([project('shared')]), 'shared'),
    ).toEqual([]);
    const retired = {
      path: 'services/catalog.toml',
      text: '[service.old-auth]\nversion = "1.0.0"\nstatus = "retired"\n',
    };
    expect(
      sharedSystemFindings(
        loadRegistry([retired, project('shared')]),
        'shared',
      ),
    ).toEqual([]);
  });
});

describe('validateRegistry with catalog.sharedSystem', () => {
  const files = [GLOBAL, project('shared'), project('platform')];

  it('adds the error of a project named like the System of global services', () => {
    expect(catalogFindings(files, { sharedSystem: 'shared' })).toMatchObject([
      {
        severity: 'error',
        file: 'projects/shared/services.toml',
        line: 3,
        column: 1,
        project: 'shared',
      },
    ]);
  });

  it('takes another name of that System', () => {
    const findings = catalogFindings(files, { sharedSystem: 'platform' });
    expect(findings).toMatchObject([
      { file: 'projects/platform/services.toml', project: 'platform' },
    ]);
    expect(findings[0].message).toContain(
      'Project "platform" has the name of the System of global services ("platform")',
    );
  });

  it('adds nothing without sharedSystem, as the catalog provider calls it (it reports the clash itself)', () => {
    expect(catalogFindings(files, {})).toEqual([]);
    expect(catalogFindings(files)).toEqual([]);
  });
});
