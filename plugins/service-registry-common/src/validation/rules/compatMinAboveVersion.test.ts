import { catalog, runRule } from '../__testUtils__/registryOf';
import { compatMinAboveVersion } from './compatMinAboveVersion';

describe('compatMinAboveVersion', () => {
  it('reports compat_version_min above version, at the key', () => {
    expect(
      runRule(
        compatMinAboveVersion,
        catalog(
          '[service.a]',
          'version = "1.2.0"',
          'compat_version_min = "1.3.0"',
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'compat/min-above-version',
        line: 3,
        column: 1,
        service: 'a',
      }),
    ]);
  });

  it('accepts compat_version_min at or below version', () => {
    expect(
      runRule(
        compatMinAboveVersion,
        catalog(
          '[service.a]',
          'version = "1.2.0"',
          'compat_version_min = "1.2.0"',
        ),
      ),
    ).toEqual([]);
  });
});
