import { catalog, runRule } from '../__testUtils__/registryOf';
import { maintenanceSupportWindow } from './maintenanceSupportWindow';

const TODAY = '2026-06-01';

describe('maintenanceSupportWindow', () => {
  it('warns of a maintenance service without migration.support_until, at its status', () => {
    expect(
      runRule(
        maintenanceSupportWindow,
        catalog(
          '[service.legacy-api]',
          'version = "1.4.2"',
          'status = "maintenance"',
        ),
        TODAY,
      ),
    ).toEqual([
      {
        severity: 'warning',
        code: 'lifecycle/maintenance-without-support-window',
        message:
          'Service "legacy-api" is in maintenance without a support window: add migration.support_until = "YYYY-MM-DD" (seed 000: 12 months of security fixes) so its consumers know until when it is supported, and plan its deprecation.',
        file: 'services/catalog.toml',
        line: 3,
        column: 1,
        service: 'legacy-api',
      },
    ]);
  });

  it('warns once the support window has ended, at support_until, with the days since', () => {
    const findings = runRule(
      maintenanceSupportWindow,
      catalog(
        '[service.legacy-api]',
        'status = "maintenance"',
        'migration.support_until = 2026-05-30',
      ),
      TODAY,
    );
    expect(findings.map(f => [f.code, f.line, f.column])).toEqual([
      ['lifecycle/support-window-ended', 3, 1],
    ]);
    expect(findings[0].message).toBe(
      'Service "legacy-api" is still in maintenance although its support window ended 2 days ago (migration.support_until 2026-05-30): it gets no more fixes, and its consumers are not told to migrate. Deprecate it (status = "deprecated" with a sunset_date and a replacement_service), or extend support_until.',
    );
  });

  it('accepts a window that lasts until today, another status, and leaves a bad date to its own error', () => {
    const quiet = [
      ['status = "maintenance"', 'migration.support_until = 2026-06-01'],
      ['status = "maintenance"', 'migration.support_until = 2027-06-01'],
      ['status = "ga"'],
      ['status = "deprecated"', 'migration.support_until = 2026-01-01'],
      ['status = "maintenance"', 'migration.support_until = "soon"'],
    ];
    for (const lines of quiet) {
      expect(
        runRule(
          maintenanceSupportWindow,
          catalog('[service.legacy-api]', ...lines),
          TODAY,
        ),
      ).toEqual([]);
    }
  });

  it("reports a project's override that puts the service in maintenance, in that project", () => {
    const findings = runRule(
      maintenanceSupportWindow,
      {
        'services/catalog.toml': ['[service.auth]', 'status = "ga"'].join('\n'),
        'projects/shop/services.toml': [
          '[project]',
          '[service.auth]',
          'status = "maintenance"',
        ].join('\n'),
      },
      TODAY,
    );
    expect(findings.map(f => [f.code, f.file, f.line, f.project])).toEqual([
      [
        'lifecycle/maintenance-without-support-window',
        'projects/shop/services.toml',
        3,
        'shop',
      ],
    ]);
  });
});
