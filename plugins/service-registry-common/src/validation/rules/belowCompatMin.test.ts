import { catalog, runRule } from '../__testUtils__/registryOf';
import { belowCompatMin } from './belowCompatMin';

describe('belowCompatMin', () => {
  it('warns about a range that only allows versions below compat_version_min', () => {
    const findings = runRule(
      belowCompatMin,
      catalog(
        '[service.auth]',
        'version = "2.0.0"',
        'compat_version_min = "1.5.0"',
        '[service.app]',
        'dependencies.requires = ["auth@~1.2.0"]',
      ),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'dependency/below-compat-min',
        line: 5,
        column: 26,
        service: 'app',
      }),
    ]);
    expect(findings[0].message).toContain('>=1.5.0');
  });

  it('accepts a range reaching compat_version_min', () => {
    expect(
      runRule(
        belowCompatMin,
        catalog(
          '[service.auth]',
          'version = "2.0.0"',
          'compat_version_min = "1.5.0"',
          '[service.app]',
          'dependencies.requires = ["auth@^1.0"]',
        ),
      ),
    ).toEqual([]);
  });
  it('leaves a range no version satisfies to versionRanges', () => {
    expect(
      runRule(
        belowCompatMin,
        catalog(
          '[service.auth]',
          'version = "2.0.0"',
          'compat_version_min = "1.0.0"',
          '[service.app]',
          'dependencies.requires = ["auth@>=2.0.0 <1.0.0"]',
        ),
      ),
    ).toEqual([]);
  });
});

describe('belowCompatMin: retired consumers', () => {
  it('does not check the ranges a retired service asks for', () => {
    expect(
      runRule(
        belowCompatMin,
        catalog(
          '[service.auth]',
          'version = "2.0.0"',
          'compat_version_min = "1.5.0"',
          '[service.legacy]',
          'status = "retired"',
          'dependencies.requires = ["auth@~1.2.0"]',
        ),
      ),
    ).toEqual([]);
  });
});
