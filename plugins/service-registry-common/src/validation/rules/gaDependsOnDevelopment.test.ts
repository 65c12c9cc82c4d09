import { catalog, runRule } from '../__testUtils__/registryOf';
import { gaDependsOnDevelopment } from './gaDependsOnDevelopment';

describe('gaDependsOnDevelopment', () => {
  it('warns when a ga service requires a development one', () => {
    expect(
      runRule(
        gaDependsOnDevelopment,
        catalog(
          '[service.lab]',
          'status = "development"',
          '[service.app]',
          'status = "ga"',
          'dependencies.requires = ["lab"]',
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'lifecycle/ga-depends-on-development',
        service: 'app',
        line: 5,
        column: 26,
      }),
    ]);
  });

  it('accepts a beta consumer, or an optional use', () => {
    expect(
      runRule(
        gaDependsOnDevelopment,
        catalog(
          '[service.lab]',
          'status = "development"',
          '[service.app]',
          'status = "ga"',
          'dependencies.optional = ["lab"]',
          '[service.beta]',
          'status = "beta"',
          'dependencies.requires = ["lab"]',
        ),
      ),
    ).toEqual([]);
  });

  it('warns when a maintenance service, a stable release too, requires a development one', () => {
    expect(
      runRule(
        gaDependsOnDevelopment,
        catalog(
          '[service.lab]',
          'status = "development"',
          '[service.legacy]',
          'status = "maintenance"',
          'dependencies.requires = ["lab"]',
        ),
      ),
    ).toEqual([
      {
        severity: 'warning',
        code: 'lifecycle/ga-depends-on-development',
        message:
          'Service "legacy" is maintenance (a stable release) but requires "lab", which is still in development (experimental, staging only): wait for "lab" to reach beta or ga, or make the dependency optional.',
        file: 'services/catalog.toml',
        line: 5,
        column: 26,
        service: 'legacy',
      },
    ]);
  });
});
