import { catalog, registryOf, runRule } from '../__testUtils__/registryOf';
import { validateRegistry } from '../validateRegistry';
import { dependencyCycles } from './dependencyCycles';

/** The catalog of global services x and y, without dependencies unless given. */
const globalXy = (x = '', y = '') =>
  `[service.x]\nversion = "1.0.0"\n${x}[service.y]\nversion = "1.0.0"\n${y}`;

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

describe('dependencyCycles, as each project sees its services', () => {
  it('does not chain the overrides of different projects into a cycle', () => {
    const findings = validateRegistry(
      registryOf({
        'services/catalog.toml': globalXy(),
        'projects/pa/services.toml':
          '[project]\n[service.x]\ndependencies.requires = ["y"]\n',
        'projects/pb/services.toml':
          '[project]\n[service.y]\ndependencies.requires = ["x"]\n',
      }),
      { today: '2026-01-15' },
    );
    expect(findings.filter(f => f.code.startsWith('dependency/cycle'))).toEqual(
      [],
    );
  });

  it("reports a cycle of one project's overrides, at its override", () => {
    expect(
      runRule(dependencyCycles, {
        'services/catalog.toml': globalXy(),
        'projects/pa/services.toml':
          '[project]\n[service.x]\ndependencies.requires = ["y"]\n[service.y]\ndependencies.requires = ["x"]\n',
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'dependency/cycle',
        message: expect.stringContaining('Dependency cycle x → y → x'),
        file: 'projects/pa/services.toml',
        line: 3,
        column: 26,
        service: 'x',
        project: 'pa',
      }),
    ]);
  });

  it('reports a cycle an override closes with a global service the project sees', () => {
    expect(
      runRule(dependencyCycles, {
        'services/catalog.toml': globalXy(
          '',
          'dependencies.requires = ["x"]\n',
        ),
        'projects/pa/services.toml':
          '[project]\n[service.x]\ndependencies.requires = ["y"]\n',
        'projects/pb/services.toml':
          '[project]\n[service.x]\ndependencies.requires = ["y"]\n',
      }),
    ).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Dependency cycle x → y → x'),
        file: 'projects/pa/services.toml',
        line: 3,
        column: 26,
        project: 'pa',
      }),
    ]);
  });

  it('does not count a dependency an override drops in that project', () => {
    // pa's view: x → z, y → x; the global view: x → y
    expect(
      runRule(dependencyCycles, {
        'services/catalog.toml': `${globalXy(
          'dependencies.requires = ["y"]\n',
        )}[service.z]\n`,
        'projects/pa/services.toml':
          '[project]\n[service.x]\ndependencies.requires = ["z"]\n[service.y]\ndependencies.requires = ["x"]\n',
      }),
    ).toEqual([]);
  });

  it('counts a global dependency an override keeps, at the global entry', () => {
    // pa's override of x changes only its version: pa's view is x → y → x
    expect(
      runRule(dependencyCycles, {
        'services/catalog.toml': globalXy('dependencies.requires = ["y"]\n'),
        'projects/pa/services.toml':
          '[project]\n[service.x]\nversion = "1.1.0"\n[service.y]\ndependencies.requires = ["x"]\n',
      }),
    ).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Dependency cycle x → y → x'),
        file: 'services/catalog.toml',
        line: 3,
        column: 26,
        service: 'x',
      }),
    ]);
  });

  it("resolves a project's own services in their project's view", () => {
    const own =
      '[project]\n[service.p]\nversion = "1.0.0"\ndependencies.requires = ["x"]\n';
    // pb's x requires pa's p, and p requires x as pa sees it: the global x
    expect(
      runRule(dependencyCycles, {
        'services/catalog.toml': globalXy(),
        'projects/pa/services.toml': own,
        'projects/pb/services.toml':
          '[project]\n[service.x]\ndependencies.requires = ["p"]\n',
      }),
    ).toEqual([]);
    // pa's own x requires p
    expect(
      runRule(dependencyCycles, {
        'services/catalog.toml': globalXy(),
        'projects/pa/services.toml': `${own}[service.x]\ndependencies.requires = ["p"]\n`,
      }),
    ).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Dependency cycle p → x → p'),
        file: 'projects/pa/services.toml',
        line: 4,
        service: 'p',
        project: 'pa',
      }),
    ]);
  });

  it("reports cycles among a project's own services and across projects' own services", () => {
    const findings = runRule(dependencyCycles, {
      'projects/pa/services.toml':
        '[project]\n[service.p]\ndependencies.requires = ["q"]\n[service.q]\ndependencies.requires = ["p", "r"]\n',
      'projects/pb/services.toml':
        '[project]\n[service.r]\ndependencies.requires = ["q"]\n',
    });
    expect(findings.map(f => [f.message.split(':')[0], f.project])).toEqual([
      ['Dependency cycle p → q → p', 'pa'],
      ['Dependency cycle q → r → q', 'pa'],
    ]);
  });
});

describe('dependencyCycles: retired services', () => {
  it('finds no cycle through a retired service: its dependencies do not run', () => {
    expect(
      runRule(
        dependencyCycles,
        catalog(
          '[service.a]',
          'dependencies.requires = ["b"]',
          '[service.b]',
          'status = "retired"',
          'dependencies = { requires = ["a", "b"], optional = ["b"] }',
        ),
      ),
    ).toEqual([]);
  });

  it('still reports a cycle through a service one project retires, in the other views', () => {
    const findings = runRule(dependencyCycles, {
      'services/catalog.toml': globalXy(
        'dependencies.requires = ["y"]\n',
        'dependencies.requires = ["x"]\n',
      ),
      'projects/pa/services.toml': '[project]\n[service.y]\nstatus = "retired"',
    });
    expect(findings.map(f => [f.code, f.project])).toEqual([
      ['dependency/cycle', undefined],
    ]);
    expect(findings[0].message).toContain('x → y → x');
  });

  it('finds no cycle in the view of a project that retires one of its services', () => {
    // y requires x only in pa's override, which also retires y: no view holds a cycle
    expect(
      runRule(dependencyCycles, {
        'services/catalog.toml': globalXy('dependencies.requires = ["y"]\n'),
        'projects/pa/services.toml':
          '[project]\n[service.y]\nstatus = "retired"\ndependencies.requires = ["x"]',
      }),
    ).toEqual([]);
  });

  it('reports a cycle through a globally retired service in the project that keeps it running', () => {
    const findings = runRule(dependencyCycles, {
      'services/catalog.toml': globalXy(
        'dependencies.requires = ["y"]\n',
        'status = "retired"\ndependencies.requires = ["x"]\n',
      ),
      'projects/pa/services.toml': '[project]\n[service.y]\nstatus = "ga"',
    });
    expect(findings.map(f => [f.code, f.project])).toEqual([
      ['dependency/cycle', undefined],
    ]);
    expect(findings[0].message).toContain('x → y → x');
  });
});
