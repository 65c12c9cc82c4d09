import { runRule } from '../__testUtils__/registryOf';
import { consumersMismatch } from './consumersMismatch';

describe('consumersMismatch', () => {
  it('lists declared consumers that are not real, and real ones that are not declared', () => {
    const findings = runRule(consumersMismatch, {
      'services/catalog.toml': [
        '[service.auth]',
        '[service.auth.consumers]',
        'projects = ["a", "ghost"]',
        'required_by = ["gateway"]',
        '[service.gateway]',
      ].join('\n'),
      'projects/a/services.toml':
        '[service.a-web]\ndependencies.requires = ["auth"]',
      'projects/b/services.toml':
        '[service.b-web]\ndependencies.requires = ["auth"]',
    });
    expect(findings.map(f => [f.code, f.severity, f.line])).toEqual([
      ['policy/consumers-mismatch', 'warning', 3],
      ['policy/consumers-mismatch', 'warning', 4],
    ]);
    expect(findings[0].message).toContain(
      'declared but not depending on it in the registry: "ghost"',
    );
    expect(findings[0].message).toContain(
      'depending on it but not declared: "b"',
    );
    expect(findings[1].message).toContain(
      'declared but not depending on it in the registry: "gateway"',
    );
    expect(findings[1].message).toContain('"a-web" and "b-web"');
  });

  it('accepts declarations matching the graph, and services declaring no consumers', () => {
    expect(
      runRule(consumersMismatch, {
        'services/catalog.toml': [
          '[service.auth]',
          'consumers = { projects = ["a"], required_by = ["a-web"] }',
          '[service.free]',
        ].join('\n'),
        'projects/a/services.toml':
          '[service.a-web]\ndependencies.requires = ["auth", "free"]',
      }),
    ).toEqual([]);
  });
});
