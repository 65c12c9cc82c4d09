import { catalog, runRule } from '../__testUtils__/registryOf';
import { deprecationDatePassed } from './deprecationDatePassed';

describe('deprecationDatePassed', () => {
  const files = catalog(
    '[service.shared-auth]',
    'version = "1.2.3"',
    'deprecation_date = "2026-06-30"',
    '[service.billing]',
    'status = "ga"',
    'deprecation_date = 2026-06-30',
  );

  it('warns, at deprecation_date, about a service its deprecation_date has passed that is not deprecated', () => {
    expect(runRule(deprecationDatePassed, files, '2026-12-03')).toEqual([
      {
        severity: 'warning',
        code: 'lifecycle/deprecation-date-passed',
        message:
          'Service "billing" is "ga" although its deprecation_date 2026-06-30 passed 156 days ago: its consumers are not told to migrate. Set status = "deprecated" with a sunset_date and a replacement_service, or move deprecation_date to the day it will be deprecated.',
        file: 'services/catalog.toml',
        line: 6,
        column: 1,
        service: 'billing',
      },
      {
        severity: 'warning',
        code: 'lifecycle/deprecation-date-passed',
        message:
          'Service "shared-auth" declares no status although its deprecation_date 2026-06-30 passed 156 days ago: its consumers are not told to migrate. Set status = "deprecated" with a sunset_date and a replacement_service, or move deprecation_date to the day it will be deprecated.',
        file: 'services/catalog.toml',
        line: 3,
        column: 1,
        service: 'shared-auth',
      },
    ]);
  });

  it('says nothing up to the deprecation day, nor about deprecated or retired services', () => {
    expect(runRule(deprecationDatePassed, files, '2026-06-30')).toEqual([]);
    expect(
      runRule(
        deprecationDatePassed,
        catalog(
          '[service.old]',
          'status = "deprecated"',
          'deprecation_date = 2025-11-20',
          '[service.gone]',
          'status = "retired"',
          'deprecation_date = 2025-11-20',
        ),
        '2026-12-03',
      ),
    ).toEqual([]);
  });

  it('reports a project whose override keeps a service live past its deprecation, at the override', () => {
    const findings = runRule(
      deprecationDatePassed,
      {
        ...catalog(
          '[service.auth]',
          'status = "deprecated"',
          'deprecation_date = 2026-06-30',
        ),
        'projects/pa/services.toml': '[project]\n[service.auth]\nstatus = "ga"',
      },
      '2026-07-01',
    );
    expect(findings.map(f => [f.file, f.line, f.project, f.message])).toEqual([
      [
        'projects/pa/services.toml',
        3,
        'pa',
        'In project "pa": Service "auth" is "ga" although its deprecation_date 2026-06-30 passed 1 day ago: its consumers are not told to migrate. Set status = "deprecated" with a sunset_date and a replacement_service, or move deprecation_date to the day it will be deprecated.',
      ],
    ]);
  });
});
