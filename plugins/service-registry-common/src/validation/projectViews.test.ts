import { RegistryFinding } from '../model/types';
import { registryOf } from './__testUtils__/registryOf';
import { validateRegistry } from './validateRegistry';

const TODAY = '2026-01-15';

/** What a user reads of a finding: code, place, subject (secret scan left out). */
function shown(findings: RegistryFinding[]) {
  return findings
    .filter(f => !f.code.startsWith('secret/'))
    .map(f => [f.code, f.file, f.line, f.column, f.service, f.project]);
}

const catalog = [
  '[service.shared-auth]',
  'name = "Shared auth"',
  'owner = "@platform"',
  'version = "1.2.0"',
  'status = "ga"',
].join('\n');

describe('validation of project overrides', () => {
  it('reports what an override breaks at the override, naming the service and the project', () => {
    const findings = validateRegistry(
      registryOf({
        'services/catalog.toml': catalog,
        'projects/pa/services.toml': [
          '[project]',
          'tier = "critical"',
          '',
          '[service.shared-auth]',
          'status = "deprecated"',
          'compat_version_min = "9.0.0"',
          'sla = { availability = "90%" }',
          '',
          '[service.pa-api]',
          'dependencies.requires = ["shared-auth"]',
          'governance.approvers = ["@pa-team"]',
          'sla.availability = "99.99%"',
        ].join('\n'),
        'policies/sla.toml': '[sla.critical]\navailability = "99.99%"',
      }),
      { today: TODAY },
    );
    const pa = 'projects/pa/services.toml';
    expect(shown(findings)).toEqual([
      ['policy/critical-without-approvers', pa, 4, 1, 'shared-auth', 'pa'],
      [
        'lifecycle/deprecated-without-replacement',
        pa,
        5,
        1,
        'shared-auth',
        'pa',
      ],
      ['lifecycle/deprecated-without-sunset', pa, 5, 1, 'shared-auth', 'pa'],
      ['compat/min-above-version', pa, 6, 1, 'shared-auth', 'pa'],
      ['policy/sla-below-tier', pa, 7, 9, 'shared-auth', 'pa'],
      ['lifecycle/depends-on-deprecated', pa, 10, 26, 'pa-api', 'pa'],
      // pa-api promises 99.99% on top of pa's shared-auth at 90%
      ['sla/weaker-dependency', pa, 10, 26, 'pa-api', 'pa'],
    ]);
    const message = (code: string) =>
      findings.find(f => f.code === code)!.message;
    expect(message('compat/min-above-version')).toBe(
      'In project "pa": Service "shared-auth" declares compat_version_min 9.0.0, above its own version 1.2.0: the oldest compatible version cannot be newer than the current one. Lower compat_version_min to 1.2.0 or less, or raise version.',
    );
    expect(message('policy/sla-below-tier')).toContain(
      'availability 90% declared, critical tier requires 99.99%',
    );
    expect(message('policy/critical-without-approvers')).toContain(
      '(tier of project "pa")',
    );
    expect(message('lifecycle/depends-on-deprecated')).toContain(
      'Service "pa-api" requires "shared-auth", which is deprecated in project "pa"\'s override (no sunset date announced yet)',
    );
  });

  it("checks a consumer's range against its own project's view of the provider", () => {
    const findings = validateRegistry(
      registryOf({
        'services/catalog.toml': [
          catalog,
          '[service.billing]',
          'dependencies.requires = ["shared-auth@^2.0"]',
        ].join('\n'),
        'projects/pa/services.toml': [
          '[project]',
          '[service.shared-auth]',
          'version = "2.1.0"',
          '[service.pa-api]',
          'dependencies.requires = ["shared-auth@^2.0"]',
        ].join('\n'),
        'projects/pb/services.toml': [
          '[project]',
          '[service.pb-api]',
          'dependencies.requires = ["shared-auth@^2.0"]',
        ].join('\n'),
      }),
      { today: TODAY },
    );
    // pa-api sees pa's 2.1.0; billing (global) and pb-api see the global 1.2.0
    expect(shown(findings)).toEqual([
      [
        'dependency/version-unsatisfied',
        'projects/pb/services.toml',
        3,
        26,
        'pb-api',
        'pb',
      ],
      [
        'dependency/version-unsatisfied',
        'services/catalog.toml',
        7,
        26,
        'billing',
        undefined,
      ],
    ]);
    expect(findings.map(f => f.message).join('\n')).not.toContain('2.1.0');
  });

  it('reports a problem of the global declaration once, not again for each project view that inherits it', () => {
    const findings = validateRegistry(
      registryOf({
        'services/catalog.toml': [
          '[service.old-auth]',
          'version = "1.0.0"',
          'compat_version_min = "2.0.0"',
          'status = "deprecated"',
          'port = 80',
        ].join('\n'),
        'projects/pa/services.toml': '[project]\n[service.old-auth]\nport = 81',
        'projects/pb/services.toml': '[project]\n[service.old-auth]\nport = 82',
      }),
      { today: TODAY },
    );
    expect(shown(findings)).toEqual([
      [
        'compat/min-above-version',
        'services/catalog.toml',
        3,
        1,
        'old-auth',
        undefined,
      ],
      [
        'lifecycle/deprecated-without-replacement',
        'services/catalog.toml',
        4,
        1,
        'old-auth',
        undefined,
      ],
      [
        'lifecycle/deprecated-without-sunset',
        'services/catalog.toml',
        4,
        1,
        'old-auth',
        undefined,
      ],
    ]);
  });

  it('checks an overridden consumer against its project view of an overridden provider', () => {
    const findings = validateRegistry(
      registryOf({
        'services/catalog.toml': [
          '[service.auth]',
          'version = "1.0.0"',
          '[service.gateway]',
          'status = "ga"',
          'dependencies.requires = ["auth@^1.0"]',
        ].join('\n'),
        'projects/pa/services.toml': [
          '[project]',
          '[service.auth]',
          'version = "2.0.0"',
          'status = "development"',
          '[service.gateway]',
          'port = 8080',
        ].join('\n'),
      }),
      { today: TODAY },
    );
    // pa's gateway inherits the range ^1.0 but sees pa's auth 2.0.0, in development (a version
    // a service in development does not have)
    expect(shown(findings)).toEqual([
      [
        'lifecycle/version-not-for-status',
        'projects/pa/services.toml',
        3,
        1,
        'auth',
        'pa',
      ],
      [
        'dependency/version-unsatisfied',
        'projects/pa/services.toml',
        5,
        1,
        'gateway',
        'pa',
      ],
      [
        'lifecycle/ga-depends-on-development',
        'projects/pa/services.toml',
        5,
        1,
        'gateway',
        'pa',
      ],
    ]);
  });

  describe('sunset passed while consumers remain', () => {
    const registry = (globalSunset: string, paSunset: string) =>
      registryOf({
        'services/catalog.toml': [
          '[service.old-auth]',
          'status = "deprecated"',
          `sunset_date = "${globalSunset}"`,
          'replacement_service = "new-auth"',
          '[service.new-auth]',
          '[service.billing]',
          'dependencies.requires = ["old-auth"]',
        ].join('\n'),
        'projects/pa/services.toml': [
          '[project]',
          '[service.old-auth]',
          `sunset_date = "${paSunset}"`,
          '[service.pa-api]',
          'dependencies.requires = ["old-auth"]',
        ].join('\n'),
        'projects/pb/services.toml': [
          '[project]',
          '[service.pb-api]',
          'dependencies.requires = ["old-auth"]',
        ].join('\n'),
      });
    const overdue = (findings: RegistryFinding[]) =>
      findings.filter(f => f.code === 'lifecycle/sunset-passed-with-consumers');

    it("counts each consumer against its own project's sunset date", () => {
      const findings = overdue(
        validateRegistry(registry('2025-06-01', '2026-06-01'), {
          today: TODAY,
        }),
      );
      expect(shown(findings)).toEqual([
        [
          'lifecycle/sunset-passed-with-consumers',
          'services/catalog.toml',
          3,
          1,
          'old-auth',
          undefined,
        ],
      ]);
      expect(findings[0].message).toContain(
        '2 services still depend on it: "billing" and "pb-api"',
      );
    });

    it('reports a sunset only an override lets pass at the override, with its project consumers', () => {
      const findings = overdue(
        validateRegistry(registry('2026-06-01', '2025-06-01'), {
          today: TODAY,
        }),
      );
      expect(shown(findings)).toEqual([
        [
          'lifecycle/sunset-passed-with-consumers',
          'projects/pa/services.toml',
          3,
          1,
          'old-auth',
          'pa',
        ],
      ]);
      expect(findings[0].message).toMatch(
        /^In project "pa": Service "old-auth" is overdue: its sunset_date 2025-06-01 passed 228 days ago and 1 service still depends on it: "pa-api"\. Migrate them to "new-auth"/,
      );
    });
  });
});
