import semver from 'semver';
import { createValidationContext } from '../context';
import { catalog, registryOf, runRule } from '../__testUtils__/registryOf';
import { versionRanges } from './versionRanges';

describe('versionRanges', () => {
  it('reports a range the provider version does not satisfy, at the entry', () => {
    const findings = runRule(
      versionRanges,
      catalog(
        '[service.auth]',
        'version = "2.1.0"',
        '[service.app]',
        'dependencies.requires = ["auth@^1.0", { service = "auth", version = ">=2.0.0" }]',
      ),
    );
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'dependency/version-unsatisfied',
        message: expect.stringContaining(
          'needs "auth" ^1.0, but "auth" is at version 2.1.0',
        ),
        file: 'services/catalog.toml',
        line: 4,
        column: 26,
        service: 'app',
      },
    ]);
  });

  it('accepts satisfied ranges (prereleases included) and providers without version', () => {
    expect(
      runRule(
        versionRanges,
        catalog(
          '[service.auth]',
          'version = "1.3.0-beta.1"',
          '[service.nover]',
          '[service.app]',
          'dependencies.requires = ["auth@^1.2", "nover@^9"]',
        ),
      ),
    ).toEqual([]);
  });

  it('reports a range semver cannot parse (registries built without the loader)', () => {
    const registry = registryOf(
      catalog(
        '[service.auth]',
        'version = "1.0.0"',
        '[service.app]',
        'dependencies.requires = ["auth"]',
      ),
    );
    registry.services.get('app')!.dependencies.requires[0].range =
      'not a range';
    const findings = versionRanges(
      createValidationContext(registry, '2026-01-01'),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'dependency/invalid-range',
        line: 4,
        column: 26,
      }),
    ]);
  });
  it('reports a range no version can satisfy, whether or not the provider declares a version', () => {
    const findings = runRule(
      versionRanges,
      catalog(
        '[service.auth]',
        '[service.billing]',
        'version = "1.5.0"',
        '[service.app]',
        'dependencies.requires = ["auth@>=2.0.0 <1.0.0", "billing@^1.0.0 ^2.0.0"]',
      ),
    );
    expect(findings.map(f => [f.code, f.severity, f.line, f.column])).toEqual([
      ['dependency/unsatisfiable-range', 'error', 5, 26],
      ['dependency/unsatisfiable-range', 'error', 5, 49],
    ]);
    expect(findings[0].message).toBe(
      'Service "app" asks for "auth" in range ">=2.0.0 <1.0.0", which no version can satisfy (comparators separated by a space must all hold): write the versions it works with, joining alternatives with "||" (e.g. "^1.0.0 || ^2.0.0").',
    );
    expect(findings[1].message).toContain(
      'write the versions it works with (e.g. "billing@^1.5" for its version 1.5.0)',
    );
  });

  it('accepts wide and compound ranges the provider satisfies (*, x, hyphen, ||, ^0.0.x)', () => {
    expect(
      runRule(
        versionRanges,
        catalog(
          '[service.a]',
          'version = "0.1.0-alpha.1"',
          '[service.b]',
          'version = "3.0.0"',
          '[service.c]',
          'version = "2.0.0"',
          '[service.d]',
          'version = "2.5.0"',
          '[service.e]',
          'version = "0.0.1"',
          '[service.f]',
          'version = "1.0.1-rc.1"',
          '[service.app]',
          'dependencies.requires = ["a@*", "b@x", "c@1.0.0 - 2.0.0", "d@^1 || ^2", "e@^0.0.1", "f@>1.0.0 <1.0.1"]',
        ),
      ),
    ).toEqual([]);
  });

  it('suggests a range the provider version satisfies, prereleases included', () => {
    for (const version of ['2.0.0-rc.1', '0.3.1', '0.0.5', '3.2.1']) {
      const [finding] = runRule(
        versionRanges,
        catalog(
          '[service.auth]',
          `version = "${version}"`,
          '[service.app]',
          'dependencies.requires = ["auth@^1.0"]',
        ),
      );
      const suggested = /\(e\.g\. "auth@([^"]+)"\)/.exec(finding.message)![1];
      expect([
        version,
        semver.satisfies(version, suggested, { includePrerelease: true }),
      ]).toEqual([version, true]);
    }
  });
});

describe('versionRanges: compat_with', () => {
  it('accepts a range that a version the provider stays compatible with (compat_with) satisfies', () => {
    expect(
      runRule(
        versionRanges,
        catalog(
          '[service.auth]',
          'version = "2.1.0"',
          'compat_with = ["1.x"]',
          '[service.billing]',
          'version = "3.0.0"',
          'compat_with = ["2.4.0", "^1.4"]',
          '[service.app]',
          'dependencies.requires = ["auth@^1.0", "billing@~2.4", "billing@>=1.5.0 <2.0.0"]',
        ),
      ),
    ).toEqual([]);
  });

  it('reports a range that neither the version nor any compat_with entry satisfies, naming them', () => {
    const findings = runRule(
      versionRanges,
      catalog(
        '[service.auth]',
        'version = "2.1.0"',
        'compat_with = ["1.4.0", "1.5.x"]',
        '[service.app]',
        'dependencies.requires = ["auth@~1.2"]',
      ),
    );
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'dependency/version-unsatisfied',
        message:
          'Service "app" needs "auth" ~1.2, but "auth" is at version 2.1.0 and stays compatible only with 1.4.0, 1.5.x (compat_with): widen the range in dependencies.requires (e.g. "auth@^2.1") after checking compatibility, add the versions it stays compatible with to compat_with of "auth", or depend on a version that exists.',
        file: 'services/catalog.toml',
        line: 5,
        column: 26,
        service: 'app',
      },
    ]);
  });

  it("reads compat_with as the consumer's project sees the provider", () => {
    const findings = runRule(versionRanges, {
      ...catalog(
        '[service.auth]',
        'version = "2.0.0"',
        '[service.gw]',
        'dependencies.requires = ["auth@^1.0"]',
      ),
      'projects/pa/services.toml':
        '[project]\n[service.auth]\ncompat_with = ["1.x"]\n[service.app]\ndependencies.requires = ["auth@^1.0"]',
    });
    expect(findings.map(f => [f.code, f.service, f.project])).toEqual([
      ['dependency/version-unsatisfied', 'gw', undefined],
    ]);
  });
});

describe('versionRanges: retired consumers', () => {
  it('does not check the ranges a retired service asks for', () => {
    expect(
      runRule(
        versionRanges,
        catalog(
          '[service.auth]',
          'version = "2.1.0"',
          '[service.legacy]',
          'status = "retired"',
          'dependencies.requires = ["auth@^1.0", "auth@>=3.0.0 <2.0.0"]',
        ),
      ),
    ).toEqual([]);
  });

  it('checks the ranges of a consumer in the projects that do not retire it', () => {
    const findings = runRule(versionRanges, {
      ...catalog(
        '[service.auth]',
        'version = "1.0.0"',
        '[service.gw]',
        'dependencies.requires = ["auth@^2.0"]',
      ),
      'projects/pa/services.toml':
        '[project]\n[service.auth]\nversion = "1.5.0"\n[service.gw]\nstatus = "retired"',
      'projects/pb/services.toml':
        '[project]\n[service.auth]\nversion = "1.5.0"\n[service.gw]\nowner = "@pb"',
    });
    expect(findings.map(f => [f.code, f.service, f.project])).toEqual([
      ['dependency/version-unsatisfied', 'gw', undefined],
      ['dependency/version-unsatisfied', 'gw', 'pb'],
    ]);
  });
});
