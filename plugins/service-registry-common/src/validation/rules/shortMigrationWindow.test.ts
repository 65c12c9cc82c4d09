import { loadRegistry } from '../../load/buildRegistry';
import { catalog, runRule, seedFiles } from '../__testUtils__/registryOf';
import { createValidationContext } from '../context';
import { shortMigrationWindow } from './shortMigrationWindow';

/** A deprecated service with the given dates, plus any other files. */
function deprecated(
  deprecationDate: string,
  sunsetDate: string,
  files: Record<string, string> = {},
) {
  return {
    ...catalog(
      '[service.old]',
      'status = "deprecated"',
      `deprecation_date = ${deprecationDate}`,
      `sunset_date = ${sunsetDate}`,
    ),
    ...files,
  };
}

describe('shortMigrationWindow', () => {
  it('warns about a sunset less than 6 months after the deprecation, at sunset_date', () => {
    expect(
      runRule(shortMigrationWindow, deprecated('2026-06-15', '2026-12-10')),
    ).toEqual([
      {
        severity: 'warning',
        code: 'lifecycle/short-migration-window',
        message:
          'Service "old" is deprecated on 2026-06-15 and sunset on 2026-12-10, 178 days later: less than the 6-month migration window the lifecycle gives its consumers. Move sunset_date to 2026-12-15 or later (or deprecation_date earlier).',
        file: 'services/catalog.toml',
        line: 4,
        column: 1,
        service: 'old',
      },
    ]);
  });

  it('accepts exactly 6 calendar months, and more', () => {
    expect(
      runRule(shortMigrationWindow, deprecated('2026-06-15', '2026-12-15')),
    ).toEqual([]);
    expect(
      runRule(shortMigrationWindow, deprecated('2026-06-15', '2027-01-01')),
    ).toEqual([]);
  });

  it('counts calendar months, ending on the last day of a shorter month', () => {
    // 2026-08-31 + 6 months: 2027-02-28 (February has no 31st)
    expect(
      runRule(shortMigrationWindow, deprecated('2026-08-31', '2027-02-28')),
    ).toEqual([]);
    expect(
      runRule(shortMigrationWindow, deprecated('2026-08-31', '2027-02-27')).map(
        f => f.message,
      ),
    ).toEqual([expect.stringContaining('Move sunset_date to 2027-02-28')]);
  });

  it('does not flag the seed old-api snippet (6 months from 2025-11-20 to 2026-05-20)', () => {
    expect(
      shortMigrationWindow(
        createValidationContext(loadRegistry(seedFiles()), '2026-01-15'),
      ),
    ).toEqual([]);
  });

  it('flags a sunset on the deprecation day, and leaves a sunset before it to sunset-before-deprecation', () => {
    expect(
      runRule(shortMigrationWindow, deprecated('2026-06-15', '2026-06-15')).map(
        f => f.message,
      ),
    ).toEqual([
      expect.stringContaining(
        'is deprecated on 2026-06-15 and sunset on 2026-06-15, the same day: less than',
      ),
    ]);
    expect(
      runRule(shortMigrationWindow, deprecated('2026-06-15', '2026-06-14')),
    ).toEqual([]);
  });

  it('checks deprecated services with both dates only', () => {
    expect(
      runRule(
        shortMigrationWindow,
        catalog(
          '[service.a]',
          'status = "ga"',
          'deprecation_date = 2026-06-15',
          'sunset_date = 2026-07-01',
          '[service.b]',
          'status = "deprecated"',
          'sunset_date = 2026-07-01',
          '[service.c]',
          'status = "retired"',
          'deprecation_date = 2026-06-15',
          'sunset_date = 2026-07-01',
        ),
      ),
    ).toEqual([]);
  });

  it('uses the window of change_control.migration_window_days when the policies set one', () => {
    const policies = (days: number) => ({
      'policies/governance.toml': `[change_control]\nmigration_window_days = ${days}\n`,
    });
    expect(
      runRule(
        shortMigrationWindow,
        deprecated('2026-06-15', '2026-09-13', policies(90)),
      ),
    ).toEqual([]);
    expect(
      runRule(
        shortMigrationWindow,
        deprecated('2026-06-15', '2026-09-12', policies(90)),
      ).map(f => f.message),
    ).toEqual([
      'Service "old" is deprecated on 2026-06-15 and sunset on 2026-09-12, 89 days later: less than the 90-day migration window of the policies (change_control.migration_window_days). Move sunset_date to 2026-09-13 or later (or deprecation_date earlier).',
    ]);
    // a longer window than the default
    expect(
      runRule(
        shortMigrationWindow,
        deprecated('2026-06-15', '2026-12-15', policies(365)),
      ).map(f => f.code),
    ).toEqual(['lifecycle/short-migration-window']);
  });

  it('keeps the default window when the policy value is invalid (the loader reports it)', () => {
    expect(
      runRule(
        shortMigrationWindow,
        deprecated('2026-06-15', '2026-09-13', {
          'policies/governance.toml':
            '[change_control]\nmigration_window_days = "90 days"\n',
        }),
      ).map(f => f.message),
    ).toEqual([expect.stringContaining('6-month migration window')]);
  });

  it('reports an override that moves the sunset closer, in its project', () => {
    const findings = runRule(shortMigrationWindow, {
      'services/catalog.toml': [
        '[service.old]',
        'status = "deprecated"',
        'deprecation_date = 2026-01-10',
        'sunset_date = 2026-07-10',
      ].join('\n'),
      'projects/shop/services.toml': [
        '[project]',
        '[service.old]',
        'sunset_date = 2026-03-01',
      ].join('\n'),
    });
    expect(
      findings.map(f => [f.code, f.file, f.line, f.project, f.message]),
    ).toEqual([
      [
        'lifecycle/short-migration-window',
        'projects/shop/services.toml',
        3,
        'shop',
        expect.stringMatching(/^In project "shop": Service "old"/),
      ],
    ]);
  });
});
