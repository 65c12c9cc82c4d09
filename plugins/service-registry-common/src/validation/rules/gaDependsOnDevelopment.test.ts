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
});
