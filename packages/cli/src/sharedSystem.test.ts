import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import {
  cli,
  VALID_REGISTRY as VALID,
  writeFiles as writeRegistry,
} from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-shared-system-');

function registry(name: string, files: Record<string, string>) {
  const dir = path.join(tmp.root, name);
  writeRegistry(dir, files);
  return dir;
}

/** A project's services.toml, its `[project]` table on line 2. */
const project = (name: string) => `# ${name}
[project]
name = "${name}"

[service.${name.toLowerCase()}-api]
owner = "tools-team"
version = "1.0.0"
status = "ga"
`;

/** The `catalog/duplicate-entity` findings of a JSON report: file, line, column, project. */
function duplicates(stdout: string) {
  return JSON.parse(stdout)
    .findings.filter((f: any) => f.code === 'catalog/duplicate-entity')
    .map((f: any) => [f.file, f.line, f.column, f.project]);
}

describe('service-registry validate and a project named like the System of global services', () => {
  it('fails on projects/shared (the default sharedSystem), at its [project] table, as the catalog would', () => {
    const dir = registry('shared', {
      ...VALID,
      'projects/shared/services.toml': project('Tools'),
    });

    const text = cli(['validate', '.'], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /projects\/shared\/services\.toml:2:1 +error +Project "shared" has the name of the System of global services \("shared"\): the catalog would get the project's System, and the global services would land in it\. .*catalog\/duplicate-entity/,
    );
    expect(text.stdout).toContain('✖ 1 error');

    const json = cli(['validate', '.', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    expect(duplicates(json.stdout)).toEqual([
      ['projects/shared/services.toml', 2, 1, 'shared'],
    ]);

    const github = cli(['validate', '.', '--format', 'github'], dir);
    expect(github.stdout).toMatch(
      /^::error file=projects\/shared\/services\.toml,line=2,col=1,title=catalog\/duplicate-entity::Project "shared"/m,
    );
  });

  it('compares the folder name without case, as the catalog compares entity refs', () => {
    const dir = registry('shared-upper', {
      ...VALID,
      'projects/Shared/services.toml': project('Tools'),
    });
    const json = cli(['validate', '.', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    expect(duplicates(json.stdout)).toEqual([
      ['projects/Shared/services.toml', 2, 1, 'Shared'],
    ]);
  });

  it('takes the name the catalog provider is configured with: --shared-system platform', () => {
    const dir = registry('shared-platform', {
      ...VALID,
      'projects/shared/services.toml': project('Tools'),
    });
    const fine = cli(
      ['validate', '.', '--shared-system', 'platform', '--format', 'json'],
      dir,
    );
    expect(duplicates(fine.stdout)).toEqual([]);
    expect(fine.code).toBe(0);

    writeRegistry(dir, { 'projects/platform/services.toml': project('Core') });
    const clash = cli(
      ['validate', '.', '--shared-system', 'platform', '--format', 'json'],
      dir,
    );
    expect(clash.code).toBe(1);
    expect(duplicates(clash.stdout)).toEqual([
      ['projects/platform/services.toml', 2, 1, 'platform'],
    ]);
    expect(JSON.parse(clash.stdout).findings[0].message).toContain(
      '("platform")',
    );
  });

  it('refuses a --shared-system that is no catalog entity name, and the option on other commands', () => {
    const dir = registry('shared-usage', VALID);
    const bad = cli(
      ['validate', '.', '--shared-system', 'global services'],
      dir,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--shared-system must be a catalog entity name',
    );
    expect(cli(['validate', '.', '--shared-system', '-x'], dir).code).toBe(2);
    expect(
      cli(['validate', '.', '--shared-system', 'x'.repeat(64)], dir).code,
    ).toBe(2);
    const graph = cli(['graph', '.', '--shared-system', 'shared'], dir);
    expect(graph.code).toBe(2);
    expect(graph.stderr).toContain('--shared-system is not an option of graph');
  });
});

describe('service-registry diff and a project named like the System of global services', () => {
  it('fails on a change that adds projects/shared, and annotates it as the change brings it', () => {
    const base = registry('diff-shared-base', VALID);
    const head = registry('diff-shared-head', {
      ...VALID,
      'projects/shared/services.toml': project('Tools'),
    });

    const json = cli(['diff', base, '.', '--format', 'json'], head);
    expect(json.code).toBe(1);
    expect(duplicates(json.stdout)).toEqual([
      ['projects/shared/services.toml', 2, 1, 'shared'],
    ]);
    expect(JSON.parse(json.stdout).diff.added).toEqual(['tools-api']);

    const github = cli(['diff', base, '.', '--format', 'github'], head);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(
      /^::error file=projects\/shared\/services\.toml,line=2,col=1,title=catalog\/duplicate-entity::/m,
    );

    const other = cli(
      ['diff', base, '.', '--shared-system', 'platform', '--format', 'json'],
      head,
    );
    expect(duplicates(other.stdout)).toEqual([]);
    expect(other.code).toBe(0);
  });
});
