import {
  runRule,
  TIER_SLA_POLICIES as POLICIES,
} from '../__testUtils__/registryOf';
import { slaWeakerDependency } from './slaWeakerDependency';

const run = (
  catalog: string[],
  more: Record<string, string> = {},
  policies = POLICIES,
) =>
  runRule(slaWeakerDependency, {
    'policies/sla.toml': policies,
    'services/catalog.toml': catalog.join('\n'),
    ...more,
  });

describe('slaWeakerDependency', () => {
  it('warns at the dependency entry when a required provider promises less availability than its consumer', () => {
    const findings = run([
      '[service.db]',
      'sla = { availability = "99.9%" }',
      '[service.app]',
      'sla = { availability = "99.99%" }',
      'dependencies.requires = ["db"]',
    ]);
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'sla/weaker-dependency',
        message:
          'Service "app" promises more than it requires from "db": availability 99.99% (app) above 99.9% (db). A service cannot promise more than what it requires: raise the SLA of "db" (or its tier), make the dependency optional with a fallback (dependencies.optional), or lower what "app" promises (sla.availability to 99.9% or less).',
        file: 'services/catalog.toml',
        line: 5,
        column: 26,
        service: 'app',
      },
    ]);
  });

  it('compares the p99 response time, and both targets in one finding', () => {
    const findings = run([
      '[service.db]',
      'sla = { availability = "99.5%", response_time_p99 = "1.5s" }',
      '[service.app]',
      'sla = { availability = "99.9%", response_time_p99 = "300ms" }',
      'dependencies.requires = ["db@^1.0"]',
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(
      'availability 99.9% (app) above 99.5% (db); response_time_p99 300ms (app) below 1.5s (db)',
    );
    expect(findings[0].message).toContain(
      'sla.availability to 99.5% or less, sla.response_time_p99 to 1.5s or more',
    );
  });

  it("takes a side's value from its effective tier policy when it declares none, and says so", () => {
    const findings = run(
      [
        '[service.db]',
        'tier = "high"',
        'sla = { response_time_p99 = "50ms" }',
        '[service.app]',
        'dependencies.requires = ["db"]',
      ],
      {
        'projects/shop/services.toml': [
          '[project]',
          'tier = "critical"',
          '[service.web]',
          'dependencies.requires = ["db"]',
        ].join('\n'),
      },
    );
    // app has no tier and no sla: nothing to compare; web promises what the critical tier requires
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'sla/weaker-dependency',
        service: 'web',
        project: 'shop',
        file: 'projects/shop/services.toml',
        line: 4,
      }),
    ]);
    expect(findings[0].message).toContain(
      'availability 99.99% (web, critical tier policy) above 99.9% (db, high tier policy)',
    );
    expect(findings[0].message).not.toContain('response_time_p99');
  });

  it('accepts an optional dependency, a provider that promises as much, and sides without a value', () => {
    expect(
      run([
        '[service.db]',
        'sla = { availability = "99.9%", response_time_p99 = "100ms" }',
        '[service.cache]',
        'description = "no sla, no tier"',
        '[service.app]',
        'sla = { availability = "99.99%", response_time_p99 = "100ms" }',
        'dependencies.optional = ["db"]',
        'dependencies.requires = ["cache"]',
        '[service.web]',
        'sla = { availability = "99.9%", response_time_p99 = "150ms" }',
        'dependencies.requires = ["db", "cache", "missing"]',
      ]),
    ).toEqual([]);
  });

  it("checks a project's consumers against the project's view of the provider", () => {
    const findings = run(
      [
        '[service.db]',
        'sla = { availability = "99.99%" }',
        '[service.app]',
        'sla = { availability = "99.95%" }',
        'dependencies.requires = ["db"]',
      ],
      {
        'projects/shop/services.toml': [
          '[project]',
          '[service.db]',
          'sla = { availability = "99.5%" }',
          '[service.web]',
          'sla = { availability = "99.9%" }',
          'dependencies.requires = ["db"]',
          '[service.app]',
          'port = 8080',
        ].join('\n'),
      },
    );
    // shop's override of app inherits its dependency on db, resolved to shop's view of db
    expect(findings.map(f => [f.service, f.project, f.file, f.line])).toEqual([
      ['web', 'shop', 'projects/shop/services.toml', 6],
      ['app', 'shop', 'projects/shop/services.toml', 7],
    ]);
    expect(findings[0].message).toContain(
      'availability 99.9% (web) above 99.5% (db)',
    );
    expect(findings[1].message).toMatch(
      /^In project "shop": Service "app" promises more than it requires from "db": availability 99.95% \(app\) above 99.5% \(db\)/,
    );
  });

  it('leaves retired services to the lifecycle rules', () => {
    expect(
      run([
        '[service.db]',
        'status = "retired"',
        'sla = { availability = "99%" }',
        '[service.app]',
        'sla = { availability = "99.99%" }',
        'dependencies.requires = ["db"]',
      ]),
    ).toEqual([]);
  });
});
