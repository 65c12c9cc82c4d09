import { catalog, runRule } from '../__testUtils__/registryOf';
import { supportAfterSunset } from './supportAfterSunset';

describe('supportAfterSunset', () => {
  it('warns when migration.support_until is later than the sunset_date', () => {
    expect(
      runRule(
        supportAfterSunset,
        catalog(
          '[service.old-api]',
          'status = "deprecated"',
          'sunset_date = 2026-05-20',
          'replacement_service = "new-api"',
          '[service.old-api.migration]',
          'support_until = "2026-11-20"',
          '[service.new-api]',
        ),
      ),
    ).toEqual([
      {
        severity: 'warning',
        code: 'lifecycle/support-after-sunset',
        message:
          'Service "old-api" promises support until 2026-11-20 (migration.support_until), after its sunset_date 2026-05-20, when it goes away: move support_until to 2026-05-20 or earlier, or move sunset_date later.',
        file: 'services/catalog.toml',
        line: 6,
        column: 1,
        service: 'old-api',
      },
    ]);
  });

  it('reports an override that moves the sunset before the support date, in its project', () => {
    const findings = runRule(supportAfterSunset, {
      'services/catalog.toml': [
        '[service.old-api]',
        'status = "deprecated"',
        'sunset_date = 2026-05-20',
        'migration.support_until = 2026-05-20',
      ].join('\n'),
      'projects/shop/services.toml': [
        '[project]',
        '[service.old-api]',
        'sunset_date = 2026-03-01',
      ].join('\n'),
    });
    expect(
      findings.map(f => [f.code, f.file, f.line, f.project, f.message]),
    ).toEqual([
      [
        'lifecycle/support-after-sunset',
        'projects/shop/services.toml',
        3,
        'shop',
        expect.stringMatching(/^In project "shop": Service "old-api"/),
      ],
    ]);
  });

  it('accepts support until the sunset day, or without one of the dates', () => {
    expect(
      runRule(
        supportAfterSunset,
        catalog(
          '[service.a]',
          'sunset_date = 2026-05-20',
          'migration.support_until = 2026-05-20',
          '[service.b]',
          'migration.support_until = 2030-01-01',
          '[service.c]',
          'sunset_date = 2026-05-20',
        ),
      ),
    ).toEqual([]);
  });
});
