import {
  runRule,
  TIER_SLA_POLICIES as POLICIES,
} from '../__testUtils__/registryOf';
import { monitoringLooserThanSla } from './monitoringLooserThanSla';

const where = (findings: ReturnType<typeof runRule>) =>
  findings.map(f => [f.code, f.severity, f.file, f.line, f.column]);

describe('monitoringLooserThanSla', () => {
  it("warns at each metric key that alerts only once the service's own SLA is broken", () => {
    const findings = runRule(monitoringLooserThanSla, {
      'policies/sla.toml': POLICIES,
      'projects/p/services.toml': [
        '[project]',
        'tier = "high"',
        '[service.api]',
        '[service.api.sla]',
        'availability = "99.95%"',
        'response_time_p50 = "40ms"',
        'response_time_p99 = "150ms"',
        'error_rate = "0.05%"',
      ].join('\n'),
      'projects/p/monitoring.toml': [
        '[service.api.metrics]', // 1
        'availability_threshold = 99.9',
        'response_time_p50 = "50ms"',
        'response_time_p95 = "5s"', // the SLA has no p95: not compared
        'response_time_p99 = "0.2s"', // 5
        'error_rate_threshold = 0.1',
        'cpu_threshold = "80%"',
      ].join('\n'),
    });
    const file = 'projects/p/monitoring.toml';
    expect(where(findings)).toEqual([
      ['monitoring/threshold-looser-than-sla', 'warning', file, 2, 1],
      ['monitoring/threshold-looser-than-sla', 'warning', file, 3, 1],
      ['monitoring/threshold-looser-than-sla', 'warning', file, 5, 1],
      ['monitoring/threshold-looser-than-sla', 'warning', file, 6, 1],
    ]);
    expect(findings[0]).toMatchObject({ service: 'api', project: 'p' });
    expect(findings[0].message).toBe(
      'Monitoring of "api" in project "p": metrics.availability_threshold 99.9 is below the availability of its SLA, 99.95% (sla.availability in projects/p/services.toml:5): the alert would fire only once the SLA is already broken. Raise availability_threshold to 99.95 or more.',
    );
    expect(findings[1].message).toContain(
      'metrics.response_time_p50 "50ms" is slower than the response_time_p50 of its SLA, 40ms',
    );
    expect(findings[1].message).toContain(
      'Lower response_time_p50 to "40ms" or less.',
    );
    expect(findings[2].message).toContain(
      'metrics.response_time_p99 "0.2s" is slower than the response_time_p99 of its SLA, 150ms',
    );
    expect(findings[3].message).toContain(
      'metrics.error_rate_threshold 0.1 is above the error_rate of its SLA, 0.05%',
    );
  });

  it("compares with the effective tier's policy where the service's own SLA is silent", () => {
    const findings = runRule(monitoringLooserThanSla, {
      'policies/sla.toml': POLICIES,
      'projects/p/services.toml': [
        '[project]',
        'tier = "critical"',
        '[service.api]',
        'sla = { availability = "99.999%" }',
      ].join('\n'),
      'projects/p/monitoring.toml': [
        '[service.api.metrics]',
        'availability_threshold = 99.995',
        'response_time_p99 = "200ms"',
      ].join('\n'),
    });
    expect(findings.map(f => [f.line, f.message])).toEqual([
      [
        2,
        expect.stringContaining('below the availability of its SLA, 99.999%'),
      ],
      [
        3,
        expect.stringContaining(
          'slower than the response_time_p99 of its SLA, 100ms (the critical tier policy, [sla.critical] in policies/sla.toml:1)',
        ),
      ],
    ]);
  });

  it('accepts thresholds as strict as the SLA or stricter, and metrics without SLA counterpart', () => {
    expect(
      runRule(monitoringLooserThanSla, {
        'policies/sla.toml': POLICIES,
        'projects/p/services.toml': [
          '[project]',
          'tier = "high"',
          '[service.api]',
          'sla = { availability = "99.9%", response_time_p99 = "200ms", error_rate = "0.1%" }',
        ].join('\n'),
        'projects/p/monitoring.toml': [
          '[service.api.metrics]',
          'availability_threshold = "99.95%"',
          'response_time_p50 = "500ms"', // neither the SLA nor the policy sets a p50
          'response_time_p99 = "200ms"',
          'error_rate_threshold = 0.1',
          'active_users_threshold = 10',
          'transaction_success_rate = 1',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('ignores services without an SLA or a tier policy, retired services, and invalid thresholds', () => {
    expect(
      runRule(monitoringLooserThanSla, {
        'projects/p/services.toml': [
          '[project]',
          'tier = "low"',
          '[service.api]',
          '[service.gone]',
          'status = "retired"',
          'sla = { availability = "99.9%" }',
          '[service.bad]',
          'sla = { availability = "99.9%" }',
        ].join('\n'),
        'projects/p/monitoring.toml': [
          '[service.api.metrics]',
          'availability_threshold = 10',
          '[service.gone.metrics]',
          'availability_threshold = 10',
          '[service.bad.metrics]',
          'availability_threshold = "ten"',
          '[service.ghost.metrics]',
          'availability_threshold = 10',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it("checks a project's monitoring of a global service against that project's view of it", () => {
    const findings = runRule(monitoringLooserThanSla, {
      'policies/sla.toml': POLICIES,
      'services/catalog.toml':
        '[service.auth]\nsla = { availability = "99%" }\n',
      'projects/p/services.toml': [
        '[project]',
        'tier = "high"',
        '[service.auth.sla]',
        'availability = "99.99%"',
      ].join('\n'),
      'projects/p/monitoring.toml':
        '[service.auth.metrics]\navailability_threshold = 99.9\n',
      'projects/q/monitoring.toml':
        '[service.auth.metrics]\navailability_threshold = 99.9\n',
    });
    expect(findings.map(f => [f.file, f.line, f.project])).toEqual([
      ['projects/p/monitoring.toml', 2, 'p'],
    ]);
    expect(findings[0].message).toContain(
      '99.99% (sla.availability in projects/p/services.toml:4)',
    );
  });
});
