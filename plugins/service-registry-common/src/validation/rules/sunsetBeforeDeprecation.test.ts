import { catalog, runRule } from '../__testUtils__/registryOf';
import { sunsetBeforeDeprecation } from './sunsetBeforeDeprecation';

describe('sunsetBeforeDeprecation', () => {
  it('reports a sunset_date before the deprecation_date', () => {
    expect(
      runRule(
        sunsetBeforeDeprecation,
        catalog(
          '[service.a]',
          'deprecation_date = 2026-05-01',
          'sunset_date = "2026-04-01"',
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'lifecycle/sunset-before-deprecation',
        line: 3,
      }),
    ]);
  });

  it('accepts dates in order', () => {
    expect(
      runRule(
        sunsetBeforeDeprecation,
        catalog(
          '[service.a]',
          'deprecation_date = 2026-05-01',
          'sunset_date = 2026-11-01',
        ),
      ),
    ).toEqual([]);
  });
});
