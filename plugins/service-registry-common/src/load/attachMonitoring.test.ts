import { RegistryFinding } from '../model/types';
import { loadRegistry } from './buildRegistry';

function load(files: Record<string, string>) {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({ path, text })),
  );
}

const where = (findings: RegistryFinding[]) =>
  findings.map(f => [f.code, f.severity, f.file, f.line, f.column]);

const SERVICES = '[project]\n[service.api]\n';

describe('attachMonitoring', () => {
  it('reports a [monitoring.<project>] level outside critical, high, medium, low at the key', () => {
    const registry = load({
      'projects/p/services.toml': SERVICES,
      'projects/p/monitoring.toml': [
        '# monitoring of p', // 1
        '[monitoring.p]',
        'level = "urgent"',
      ].join('\n'),
    });
    expect(where(registry.findings)).toEqual([
      ['schema/invalid-enum', 'error', 'projects/p/monitoring.toml', 3, 1],
    ]);
    expect(registry.findings[0]).toMatchObject({ project: 'p' });
    expect(registry.findings[0].message).toBe(
      'Monitoring of project "p": level "urgent" is not one of critical, high, medium, low. Use one of these values.',
    );
  });

  it('accepts every documented level', () => {
    for (const level of ['critical', 'high', 'medium', 'low']) {
      const registry = load({
        'projects/p/services.toml': SERVICES,
        'projects/p/monitoring.toml': `[monitoring.p]\nlevel = "${level}"\n`,
      });
      expect(registry.findings).toEqual([]);
    }
  });

  it('type-checks the known metrics at their key, and leaves other metrics free-form', () => {
    const registry = load({
      'projects/p/services.toml': SERVICES,
      'projects/p/monitoring.toml': [
        '[service.api.metrics]', // 1
        'availability_threshold = "high"',
        'availability_check_interval = 60',
        'response_time_p50 = "fast"',
        'response_time_p95 = 100', // 5
        'response_time_p99 = "200 msec"',
        'error_rate_threshold = "lots"',
        'cpu_threshold = "180%"',
        'memory_threshold = true',
        'disk_threshold = "90"', // 10
        'active_users_threshold = "1000"',
        'transaction_success_rate = "anything"',
        'custom_metric = { anything = true }',
      ].join('\n'),
    });
    expect(
      registry.findings.map(f => [f.code, f.severity, f.line, f.column]),
    ).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(line => [
        'schema/invalid-type',
        'error',
        line,
        1,
      ]),
    );
    const message = (line: number) =>
      registry.findings.find(f => f.line === line)!.message;
    expect(message(2)).toBe(
      'Monitoring of "api": metrics.availability_threshold must be a percentage between 0 and 100, such as "99.9%" or 99.9, got "high".',
    );
    expect(message(3)).toContain(
      'metrics.availability_check_interval must be a duration string such as "100ms"',
    );
    expect(message(11)).toContain(
      'metrics.active_users_threshold must be a whole number of at least 0',
    );
    expect(registry.findings.every(f => f.service === 'api')).toBe(true);
    expect(registry.findings.every(f => f.project === 'p')).toBe(true);
  });

  it('loads the metrics of the seed snippet without findings', () => {
    const registry = load({
      'projects/p/services.toml': SERVICES,
      'projects/p/monitoring.toml': [
        '[monitoring.p]',
        'level = "critical" # critical, high, medium, low',
        '[service.api.metrics]',
        'availability_threshold = 99.9',
        'availability_check_interval = "60s"',
        'response_time_p50 = "50ms"',
        'response_time_p95 = "100ms"',
        'response_time_p99 = "200ms"',
        'error_rate_threshold = 0.1 # 0.1%',
        'error_type_alerts = ["5xx", "timeout", "timeout"]',
        'active_users_threshold = 1000',
        'transaction_success_rate = 99.5',
        'cpu_threshold = "80%"',
        'memory_threshold = "85%"',
        'disk_threshold = "90%"',
      ].join('\n'),
    });
    expect(registry.findings).toEqual([]);
  });

  it('keeps the positions of the monitored keys, relative to [service.<id>]', () => {
    const registry = load({
      'projects/p/services.toml': SERVICES,
      'projects/p/monitoring.toml': [
        '[service.api.metrics]',
        'response_time_p99 = "200ms"',
      ].join('\n'),
    });
    const [monitoring] = registry.services.get('api')!.monitoring;
    expect(monitoring.positions?.['metrics.response_time_p99']).toEqual({
      file: 'projects/p/monitoring.toml',
      line: 2,
      column: 1,
    });
  });

  describe('values of the wrong type', () => {
    const services = '[project]\nname = "P"\n[service.a]\n';

    it('reports a top-level monitoring or service that is not a table at its key', () => {
      const registry = load({
        'projects/p/services.toml': services,
        'projects/p/monitoring.toml': 'monitoring = 5\nservice = "a"\n',
      });
      expect(where(registry.findings)).toEqual([
        ['schema/invalid-type', 'error', 'projects/p/monitoring.toml', 1, 1],
        ['schema/invalid-type', 'error', 'projects/p/monitoring.toml', 2, 1],
      ]);
      expect(registry.findings[0].message).toBe(
        'projects/p/monitoring.toml: monitoring must be a table (write it as [monitoring] or monitoring = { ... }), got 5.',
      );
      expect(registry.findings[1].message).toContain('service must be a table');
      expect(registry.findings.every(f => f.project === 'p')).toBe(true);
      expect(registry.projects.get('p')!.monitoring?.settings).toEqual({});
    });

    it("reports a project's settings that are not a table at the key", () => {
      const registry = load({
        'projects/p/services.toml': services,
        'projects/p/monitoring.toml': '[monitoring]\np = "critical"\n',
      });
      expect(where(registry.findings)).toEqual([
        ['schema/invalid-type', 'error', 'projects/p/monitoring.toml', 2, 1],
      ]);
      expect(registry.findings[0]).toMatchObject({ project: 'p' });
      expect(registry.findings[0].message).toBe(
        'projects/p/monitoring.toml: monitoring "p" must be a table of the project\'s monitoring settings: write [monitoring.p] with its level, got "critical". It is ignored until then.',
      );
      expect(registry.projects.get('p')!.monitoring?.settings).toEqual({});
    });

    it('reports a service entry that is not a table at the key, and an undeclared one as unknown too', () => {
      const registry = load({
        'projects/p/services.toml': services,
        'projects/p/monitoring.toml': [
          '[service]', // 1
          'a = 7',
          'zzz = "x"',
        ].join('\n'),
      });
      expect(where(registry.findings)).toEqual([
        ['schema/invalid-type', 'error', 'projects/p/monitoring.toml', 2, 1],
        [
          'registry/unknown-service',
          'warning',
          'projects/p/monitoring.toml',
          3,
          1,
        ],
        ['schema/invalid-type', 'error', 'projects/p/monitoring.toml', 3, 1],
      ]);
      expect(registry.findings[0]).toMatchObject({
        service: 'a',
        project: 'p',
      });
      expect(registry.findings[0].message).toBe(
        'projects/p/monitoring.toml: service "a" must be a table of monitoring: write its metrics as [service.a.metrics] and its alerts as [service.a.alerts], got 7. It is ignored until then.',
      );
      expect(registry.findings[2]).toMatchObject({
        service: 'zzz',
        project: 'p',
      });
      expect(registry.services.get('a')!.monitoring).toEqual([]);
    });

    it("names a service's metrics table in full when they are not a table", () => {
      const registry = load({
        'projects/p/services.toml': services,
        'projects/p/monitoring.toml': '[service.a]\nmetrics = 5\n',
      });
      expect(registry.findings).toEqual([
        expect.objectContaining({
          code: 'schema/invalid-type',
          line: 2,
          column: 1,
          message:
            'Monitoring of "a": metrics must be a table (write it as [service.a.metrics] or metrics = { ... }), got 5.',
        }),
      ]);
    });

    it('reports each of them in one file', () => {
      const registry = load({
        'projects/p/services.toml': services,
        'projects/p/monitoring.toml':
          'monitoring = 5\n[service]\na = 7\nzzz = "x"\n',
      });
      expect(
        registry.findings.map(f => [f.code, f.line, f.column, f.service]),
      ).toEqual([
        ['schema/invalid-type', 1, 1, undefined],
        ['schema/invalid-type', 3, 1, 'a'],
        ['registry/unknown-service', 4, 1, 'zzz'],
        ['schema/invalid-type', 4, 1, 'zzz'],
      ]);
    });
  });
});
