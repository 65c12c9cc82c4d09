import { tooLargeRegistryFile } from '../../model/registryFileSize';
import { loadRegistry } from '../../load/buildRegistry';
import { createValidationContext } from '../context';
import { catalog, runRule } from '../__testUtils__/registryOf';
import { missingDependencies } from './missingDependencies';

describe('missingDependencies', () => {
  it('reports a missing required dependency at its entry, and a missing optional one as a warning', () => {
    const findings = runRule(
      missingDependencies,
      catalog(
        '[service.a]',
        'version = "1.0.0"',
        '[service.a.dependencies]',
        'requires = ["b", "ghost"]',
        'optional = ["phantom"]',
        '[service.b]',
      ),
    );
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'dependency/missing-required',
        message: expect.stringContaining(
          'requires "ghost", which no registry file declares',
        ),
        file: 'services/catalog.toml',
        line: 4,
        column: 18,
        service: 'a',
      },
      expect.objectContaining({
        severity: 'warning',
        code: 'dependency/missing-optional',
        line: 5,
        column: 13,
      }),
    ]);
    expect(findings[0].message).toContain('declare [service.ghost]');
    expect(findings[0].message).toContain(
      'remove "ghost" from dependencies.requires',
    );
  });

  it('falls back to the header when dependencies are written as an inline table', () => {
    const findings = runRule(
      missingDependencies,
      catalog('', '[service.a]', 'dependencies = { requires = ["x"] }'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3 });
  });

  it('says nothing when every dependency is declared', () => {
    expect(
      runRule(
        missingDependencies,
        catalog(
          '[service.a]',
          'dependencies.requires = ["b"]',
          'dependencies.optional = ["b"]',
          '[service.b]',
        ),
      ),
    ).toEqual([]);
  });

  it('mentions files that did not parse', () => {
    const findings = runRule(missingDependencies, {
      ...catalog('[service.a]', 'dependencies.requires = ["b"]'),
      // a broken file whose headers do not declare b
      'projects/p/services.toml': '[service.c\n',
    });
    expect(findings[0].message).toContain(
      '(1 file did not parse and may declare it: fix the syntax errors first)',
    );
  });

  it('reports no dependency on a service that a file which does not parse declares, and keeps the others', () => {
    const files = {
      ...catalog(
        '[service.a]',
        'dependencies.requires = ["shop-api", "ghost"]',
        'dependencies.optional = ["shop-worker"]',
      ),
      // a syntax error after the headers, and one between them
      'projects/shop/services.toml': [
        '[service.shop-api]',
        'port = = 8080',
        '[ service . "shop-worker" ]',
        'version = "1.0.0"',
      ].join('\n'),
    };
    const findings = runRule(missingDependencies, files);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'dependency/missing-required',
        line: 2,
        message: expect.stringContaining(
          'requires "ghost", which no registry file declares (1 file did not parse and may declare it: fix the syntax errors first)',
        ),
      }),
    ]);
    // once the file parses, a dependency it does not declare is reported
    const fixed = runRule(missingDependencies, {
      ...files,
      'projects/shop/services.toml': '[service.shop-api]\nport = 8080\n',
    });
    expect(
      fixed.map(f => [f.code, f.message.match(/"([\w-]+)", which/)?.[1]]),
    ).toEqual([
      ['dependency/missing-required', 'ghost'],
      ['dependency/missing-optional', 'shop-worker'],
    ]);
  });

  it('mentions files not read for their size as such, not as files that did not parse', () => {
    const base = {
      path: 'services/catalog.toml',
      text: '[service.a]\ndependencies.requires = ["b"]\n',
    };
    const big = tooLargeRegistryFile('projects/p/services.toml', 3000, 2048);
    const run = (files: Parameters<typeof loadRegistry>[0]) =>
      missingDependencies(
        createValidationContext(loadRegistry(files), '2026-01-15'),
      )[0].message;

    expect(run([base, big])).toContain(
      '(1 file was not read, being above the size limit for a registry file, and may declare it: split or shrink it first)',
    );
    expect(
      run([
        base,
        big,
        tooLargeRegistryFile('projects/q/services.toml', 3000, 2048),
        { path: 'projects/r/services.toml', text: '[service.c\n' },
      ]),
    ).toContain(
      '(3 files were not loaded and may declare it: 1 did not parse, 2 are above the size limit for a registry file; fix them first)',
    );
  });

  it('checks the dependencies a project override adds, in the project file', () => {
    const findings = runRule(missingDependencies, {
      ...catalog('[service.auth]', 'dependencies.requires = []'),
      'projects/shop/services.toml': [
        '[service.auth]',
        'dependencies.requires = ["shop-vault"]',
      ].join('\n'),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'dependency/missing-required',
        file: 'projects/shop/services.toml',
        line: 2,
        column: 26,
        service: 'auth',
        project: 'shop',
      }),
    ]);
    expect(findings[0].message).toContain('projects/shop/services.toml');
  });
});

describe('missingDependencies: retired consumers', () => {
  it('says nothing about a provider deleted after its consumer was retired', () => {
    expect(
      runRule(
        missingDependencies,
        catalog(
          '[service.legacy]',
          'status = "retired"',
          'dependencies = { requires = ["gone"], optional = ["also-gone"] }',
        ),
      ),
    ).toEqual([]);
  });

  it('still reports the dependencies of a consumer retired in one project only', () => {
    const findings = runRule(missingDependencies, {
      ...catalog('[service.gw]', 'dependencies.requires = ["gone"]'),
      'projects/pa/services.toml':
        '[project]\n[service.gw]\nstatus = "retired"',
    });
    expect(findings.map(f => [f.code, f.service, f.project])).toEqual([
      ['dependency/missing-required', 'gw', undefined],
    ]);
  });

  it('reports the dependencies of a globally retired consumer in the project that keeps it running', () => {
    const findings = runRule(missingDependencies, {
      ...catalog(
        '[service.gw]',
        'status = "retired"',
        'dependencies.requires = ["gone"]',
      ),
      'projects/pa/services.toml': '[project]\n[service.gw]\nstatus = "ga"',
    });
    expect(findings.map(f => [f.code, f.service, f.project, f.file])).toEqual([
      ['dependency/missing-required', 'gw', 'pa', 'projects/pa/services.toml'],
    ]);
    expect(findings[0].message).toMatch(
      /^In project "pa": Service "gw" requires "gone", which no registry file declares/,
    );
  });
});
