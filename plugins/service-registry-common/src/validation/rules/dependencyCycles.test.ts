import { catalog, runRule } from '../__testUtils__/registryOf';
import { dependencyCycles } from './dependencyCycles';

describe('dependencyCycles', () => {
  it('reports each cycle once, with the full path, at the first service entry', () => {
    const findings = runRule(
      dependencyCycles,
      catalog(
        '[service.c]',
        'dependencies.requires = ["a"]',
        '[service.b]',
        'dependencies.requires = ["c"]',
        '[service.a]',
        'dependencies.requires = ["x", "b"]',
        '[service.x]',
      ),
    );
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'dependency/cycle',
        message: expect.stringContaining('a → b → c → a'),
        file: 'services/catalog.toml',
        line: 6,
        column: 31,
        service: 'a',
      },
    ]);
    expect(findings[0].message).toContain('Break the cycle');
  });

  it('reports a service requiring itself', () => {
    const findings = runRule(
      dependencyCycles,
      catalog('[service.a]', 'dependencies.requires = ["a"]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('requires itself (a → a)');
  });

  it('reports two cycles sharing a service separately', () => {
    const findings = runRule(
      dependencyCycles,
      catalog(
        '[service.a]',
        'dependencies.requires = ["b", "c"]',
        '[service.b]',
        'dependencies.requires = ["a"]',
        '[service.c]',
        'dependencies.requires = ["a"]',
      ),
    );
    expect(findings.map(f => f.message.split(':')[0])).toEqual([
      'Dependency cycle a → b → a',
      'Dependency cycle a → c → a',
    ]);
  });

  it('ignores loops through optional dependencies and acyclic graphs', () => {
    expect(
      runRule(
        dependencyCycles,
        catalog(
          '[service.a]',
          'dependencies.requires = ["b"]',
          '[service.b]',
          'dependencies.optional = ["a"]',
          'dependencies.requires = ["c"]',
          '[service.c]',
        ),
      ),
    ).toEqual([]);
  });

  it('warns about a service that lists itself as an optional dependency', () => {
    expect(
      runRule(
        dependencyCycles,
        catalog(
          '[service.a]',
          'dependencies.optional = ["b", "a"]',
          '[service.b]',
        ),
      ),
    ).toEqual([
      {
        severity: 'warning',
        code: 'dependency/self-optional',
        message:
          'Service "a" lists itself in its dependencies.optional: a service does not depend on itself. Remove "a" from the list.',
        file: 'services/catalog.toml',
        line: 2,
        column: 31,
        service: 'a',
      },
    ]);
  });

  it('says when a dense component holds more cycles than it lists', () => {
    const ids = Array.from(
      { length: 12 },
      (_, k) => `s${String(k).padStart(2, '0')}`,
    );
    const lines = ids.flatMap(id => [
      `[service.${id}]`,
      `dependencies.requires = [${ids
        .filter(other => other !== id)
        .map(other => `"${other}"`)
        .join(', ')}]`,
    ]);
    const findings = runRule(dependencyCycles, catalog(...lines));
    expect(findings.filter(f => f.code === 'dependency/cycle')).toHaveLength(
      100,
    );
    expect(findings.filter(f => f.code === 'dependency/cycle-limit')).toEqual([
      expect.objectContaining({ severity: 'info', service: 's00' }),
    ]);
  });
});
