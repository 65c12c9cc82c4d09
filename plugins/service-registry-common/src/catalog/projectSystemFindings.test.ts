import { loadRegistry } from '../load/buildRegistry';
import { validateRegistry } from '../validation/validateRegistry';
import { projectSystemFindings } from './projectSystemFindings';

/** A project's services.toml whose `[project]` header is on line 3. */
function project(folder: string) {
  return {
    path: `projects/${folder}/services.toml`,
    text: '# a project\n\n[project]\nname = "Tools"\n\n[service.tools-api]\nversion = "1.0.0"\n',
  };
}

describe('projectSystemFindings', () => {
  it('reports a folder name the catalog cannot take as an error at the [project] table', () => {
    expect(
      projectSystemFindings(
        loadRegistry([project('my project'), project('shop')]),
      ),
    ).toEqual([
      {
        severity: 'error',
        code: 'catalog/invalid-entity',
        message: expect.stringMatching(
          /^Project "my project" cannot become a catalog System, and is left out: .* Until then its services are in the catalog without a System\.$/,
        ),
        file: 'projects/my project/services.toml',
        line: 3,
        column: 1,
        project: 'my project',
      },
    ]);
  });

  it('quotes a folder named with control characters escaped', () => {
    const [finding] = projectSystemFindings(
      loadRegistry([project('a\u001b[31mb')]),
    );
    expect(finding.message).toContain('Project "a\\u001b[31mb"');
    expect(finding.message).not.toContain('\u001b');
  });

  it('says nothing of folder names the catalog takes, registry ids or not', () => {
    expect(
      projectSystemFindings(
        loadRegistry([project('Tools_API'), project('shop'), project('v2.x')]),
      ),
    ).toEqual([]);
  });

  it('makes a check with the catalog option fail, and one without it report only the warning', () => {
    const registry = loadRegistry([project('my project')]);
    const codes = (catalog?: object) =>
      validateRegistry(registry, { today: '2026-11-22', catalog })
        .filter(f => f.project === 'my project')
        .map(f => `${f.severity} ${f.code}`);

    expect(codes({})).toEqual(
      expect.arrayContaining([
        'error catalog/invalid-entity',
        'warning schema/invalid-id',
      ]),
    );
    expect(codes()).not.toContain('error catalog/invalid-entity');
    expect(codes()).toContain('warning schema/invalid-id');
  });
});
