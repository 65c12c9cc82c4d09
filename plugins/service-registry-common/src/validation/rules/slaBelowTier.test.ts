import { runRule } from '../__testUtils__/registryOf';
import { slaBelowTier } from './slaBelowTier';

const policies = [
  '[sla.critical]',
  'availability = "99.99%"',
  'response_time_p99 = "100ms"',
  'support_hours = "24/7"',
  'rto = "5m"',
  '[sla.high]',
  'availability = "99.9%"',
  'response_time_p99 = "200ms"',
].join('\n');

describe('slaBelowTier', () => {
  it('reports each weaker value as an error for the critical tier, at its key', () => {
    const findings = runRule(slaBelowTier, {
      'policies/sla.toml': policies,
      'services/catalog.toml': [
        '[service.pay]',
        'tier = "critical"',
        '[service.pay.sla]',
        'availability = "99.9%"',
        'response_time_p99 = "1.5s"',
        'support_hours = "business"',
        'rto = "5m"',
      ].join('\n'),
    });
    expect(findings.map(f => [f.code, f.severity, f.line])).toEqual([
      ['policy/sla-below-tier', 'error', 4],
      ['policy/sla-below-tier', 'error', 5],
      ['policy/sla-below-tier', 'error', 6],
    ]);
    expect(findings[0].message).toContain(
      'availability 99.9% declared, critical tier requires 99.99%',
    );
    expect(findings[1].message).toContain(
      'response_time_p99 1.5s declared, critical tier requires 100ms',
    );
  });

  it('warns for other tiers, using the tier inherited from the project, and about missing values', () => {
    const findings = runRule(slaBelowTier, {
      'policies/sla.toml': policies,
      'projects/p/services.toml': [
        '[project]',
        'tier = "high"',
        '[service.web]',
        '[service.web.sla]',
        'availability = 99.5',
      ].join('\n'),
    });
    expect(findings.map(f => [f.code, f.severity, f.line])).toEqual([
      ['policy/sla-below-tier', 'warning', 5],
      ['policy/sla-missing', 'warning', 4],
    ]);
    expect(findings[0].message).toContain(
      'availability 99.5% declared, high tier requires 99.9%',
    );
    expect(findings[1].message).toContain('response_time_p99 = "200ms"');
  });

  it('accepts a service meeting its tier, and tiers without policy', () => {
    expect(
      runRule(slaBelowTier, {
        'policies/sla.toml': policies,
        'services/catalog.toml': [
          '[service.web]',
          'tier = "high"',
          'sla = { availability = "99.95%", response_time_p99 = "150ms" }',
          '[service.low]',
          'tier = "low"',
        ].join('\n'),
      }),
    ).toEqual([]);
  });
});

describe('slaBelowTier: support hours', () => {
  const service = (tier: string, hours: string) =>
    [
      '[service.web]',
      `tier = "${tier}"`,
      '[service.web.sla]',
      `support_hours = "${hours}"`,
    ].join('\n');
  const run = (policy: string, tier: string, hours: string) =>
    runRule(slaBelowTier, {
      'policies/sla.toml': policy,
      'services/catalog.toml': service(tier, hours),
    });

  it('compares on the scale best-effort < business < extended < 24/7, whatever the policy asks', () => {
    const findings = run(
      '[sla.high]\nsupport_hours = "business"',
      'high',
      'best-effort',
    );
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'policy/sla-below-tier',
        message:
          'Service "web": support_hours "best-effort" declared, high tier requires "business": set sla.support_hours = "business" (or a longer coverage: extended, 24/7), or move the service to another tier.',
        file: 'services/catalog.toml',
        line: 4,
        column: 1,
        service: 'web',
      },
    ]);
    expect(
      run('[sla.high]\nsupport_hours = "extended"', 'high', 'business'),
    ).toHaveLength(1);
    expect(
      run('[sla.high]\nsupport_hours = "business"', 'high', 'Extended hours'),
    ).toEqual([]);
    expect(
      run('[sla.high]\nsupport_hours = "business"', 'high', '24/7'),
    ).toEqual([]);
  });

  it('accepts the common spellings of round-the-clock support on either side', () => {
    expect(
      run('[sla.critical]\nsupport_hours = "24x7"', 'critical', 'business'),
    ).toMatchObject([{ code: 'policy/sla-below-tier', severity: 'error' }]);
    for (const spelling of ['24/7', '24x7', '24 x 7', '24/7/365', '24X7']) {
      expect(
        run('[sla.critical]\nsupport_hours = "24x7"', 'critical', spelling),
      ).toEqual([]);
      expect(
        run('[sla.critical]\nsupport_hours = "24/7"', 'critical', spelling),
      ).toEqual([]);
    }
  });

  it('does not compare (nor crash on) values outside the scale', () => {
    expect(
      run('[sla.high]\nsupport_hours = "business"', 'high', 'Mon-Fri 8-20'),
    ).toEqual([]);
    expect(
      run('[sla.high]\nsupport_hours = "on call"', 'high', 'best-effort'),
    ).toEqual([]);
    expect(run('[sla.high]\nsupport_hours = 5', 'high', 'business')).toEqual(
      [],
    );
  });
});
