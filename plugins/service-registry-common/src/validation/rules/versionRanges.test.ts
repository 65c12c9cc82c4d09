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
});
