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

describe('consumersMismatch: consumers in files that did not load', () => {
  const catalogDeclaring = [
    '[service.auth]',
    '[service.auth.consumers]',
    'projects = ["a", "ghost"]',
    'required_by = ["a-web", "gateway"]',
    '[service.gateway]',
  ].join('\n');

  it('does not say a consumer whose file does not parse no longer depends on the service', () => {
    const findings = runRule(consumersMismatch, {
      'services/catalog.toml': catalogDeclaring,
      // a-web still requires auth, but its file has a syntax error further down
      'projects/a/services.toml':
        '[service.a-web]\ndependencies.requires = ["auth"]\nport = = 1\n',
    });
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining(
        'declared but not depending on it in the registry: "ghost". Update',
      ),
      expect.stringContaining(
        'declared but not depending on it in the registry: "gateway". Update',
      ),
    ]);
  });

  it('still says so once the file parses and the consumer dropped the dependency', () => {
    const findings = runRule(consumersMismatch, {
      'services/catalog.toml': catalogDeclaring,
      'projects/a/services.toml': '[service.a-web]\nport = 1\n',
    });
    expect(findings[0].message).toContain('"a" and "ghost"');
    expect(findings[1].message).toContain('"a-web" and "gateway"');
  });
});

describe('consumersMismatch: retired consumers', () => {
  const declaring = (consumers: string) => ({
    'services/catalog.toml': [
      '[service.auth]',
      `consumers = ${consumers}`,
      '[service.app]',
      'dependencies.requires = ["auth"]',
      '[service.legacy]',
      'status = "retired"',
      'dependencies.requires = ["auth"]',
    ].join('\n'),
    'projects/old/services.toml': [
      '[project]',
      '[service.old-web]',
      'status = "retired"',
      'dependencies.requires = ["auth"]',
    ].join('\n'),
  });

  it('does not require retired services (or their projects) to be declared', () => {
    expect(
      runRule(
        consumersMismatch,
        declaring('{ projects = [], required_by = ["app"] }'),
      ),
    ).toEqual([]);
  });

  it('says a declared consumer that is retired no longer depends on the service', () => {
    const findings = runRule(
      consumersMismatch,
      declaring('{ projects = ["old"], required_by = ["app", "legacy"] }'),
    );
    expect(findings.map(f => f.message.split(' — ')[1])).toEqual([
      'declared but not depending on it in the registry: "old". Update consumers.projects, or the consumers\' dependencies, so that they agree.',
      'declared but not depending on it in the registry: "legacy" ("legacy" is retired: a retired service depends on nothing). Update consumers.required_by, or the consumers\' dependencies, so that they agree.',
    ]);
  });
});
