import { registryOf } from '../validation/__testUtils__/registryOf';
import { buildDependencyGraph } from './buildDependencyGraph';

describe('buildDependencyGraph', () => {
  const registry = registryOf({
    'services/catalog.toml': [
      '[service.auth]',
      'owner = "@platform"',
      'version = "1.2.3"',
      'status = "ga"',
      'type = "microservice"',
      '[service.cache]',
    ].join('\n'),
    'projects/shop/services.toml': [
      '[project]',
      'tier = "high"',
      '[service.web]',
      'dependencies.requires = ["auth@^1.0", "ghost", "auth@^1.0"]',
      'dependencies.optional = ["cache"]',
      '[service.auth]',
      'dependencies.requires = ["cache"]',
    ].join('\n'),
  });
  const graph = buildDependencyGraph(registry);

  it('has one node per service with its attributes', () => {
    expect([...graph.nodes.keys()]).toEqual(['auth', 'cache', 'web']);
    expect(graph.nodes.get('auth')).toEqual({
      id: 'auth',
      owner: '@platform',
      version: '1.2.3',
      status: 'ga',
      type: 'microservice',
      project: undefined,
      tier: undefined,
    });
    expect(graph.nodes.get('web')).toMatchObject({
      project: 'shop',
      tier: 'high',
    });
  });

  it('has one edge per entry (repeats once), with ranges, positions and project overrides', () => {
    expect(
      graph.edges.map(e => [
        e.from,
        e.to,
        e.optional,
        e.range,
        e.viaProject,
        e.position?.line,
      ]),
    ).toEqual([
      ['web', 'auth', false, '^1.0', undefined, 4],
      ['web', 'ghost', false, undefined, undefined, 4],
      ['web', 'cache', true, undefined, undefined, 5],
      ['auth', 'cache', false, undefined, 'shop', 7],
    ]);
  });

  it('indexes edges both ways, including edges to undeclared services', () => {
    expect(graph.outgoing.get('web')!.map(e => e.to)).toEqual([
      'auth',
      'ghost',
      'cache',
    ]);
    expect(graph.incoming.get('cache')!.map(e => e.from)).toEqual([
      'web',
      'auth',
    ]);
    expect(graph.incoming.get('ghost')!.map(e => e.from)).toEqual(['web']);
    expect(graph.nodes.has('ghost')).toBe(false);
  });

  it('keeps the entry two project overrides both add, once per project', () => {
    const graph2 = buildDependencyGraph(
      registryOf({
        'services/catalog.toml': '[service.auth]\n[service.vault]',
        'projects/pa/services.toml':
          '[project]\n[service.auth]\ndependencies.requires = ["vault"]',
        'projects/pb/services.toml':
          '[project]\n[service.auth]\ndependencies.requires = ["vault"]',
      }),
    );
    expect(
      graph2.edges.map(e => [e.from, e.to, e.viaProject, e.position?.file]),
    ).toEqual([
      ['auth', 'vault', 'pa', 'projects/pa/services.toml'],
      ['auth', 'vault', 'pb', 'projects/pb/services.toml'],
    ]);
  });

  it('lists the projects whose override drops an edge of the global declaration', () => {
    const graph3 = buildDependencyGraph(
      registryOf({
        'services/catalog.toml':
          '[service.auth]\ndependencies.requires = ["vault@^1", "cache"]\n[service.vault]\n[service.cache]',
        'projects/pa/services.toml':
          '[project]\n[service.auth]\ndependencies.requires = ["vault@^2", "cache"]',
        'projects/pb/services.toml':
          '[project]\n[service.auth]\ndependencies.requires = []',
        'projects/pc/services.toml':
          '[project]\n[service.auth]\nversion = "2.0.0"',
      }),
    );
    expect(
      graph3.edges.map(e => [e.to, e.range, e.viaProject, e.droppedBy]),
    ).toEqual([
      ['vault', '^1', undefined, ['pa', 'pb']],
      ['cache', undefined, undefined, ['pb']],
      ['vault', '^2', 'pa', undefined],
    ]);
  });
});
