import { registryOf } from '../validation/__testUtils__/registryOf';
import { buildDependencyGraph } from './buildDependencyGraph';
import { computeImpact } from './computeImpact';

const graph = buildDependencyGraph(
  registryOf({
    'services/catalog.toml': [
      '[service.auth]',
      '[service.gateway]',
      'owner = "@edge"',
      'dependencies.requires = ["auth"]',
      '[service.metrics]',
      'dependencies.optional = ["auth"]',
    ].join('\n'),
    'projects/a/services.toml': [
      '[service.a-api]',
      'owner = "@team-a"',
      'dependencies.requires = ["auth"]',
      '[service.a-web]',
      'dependencies.requires = ["a-api", "gateway"]',
    ].join('\n'),
    'projects/b/services.toml': [
      '[service.b-web]',
      'dependencies.requires = ["gateway", "ghost"]',
    ].join('\n'),
  }),
);

describe('computeImpact', () => {
  it('lists direct and transitive consumers with their minimum depth, by project', () => {
    const impact = computeImpact(graph, 'auth');
    expect(impact.services).toEqual([
      { id: 'a-api', depth: 1, project: 'a', owner: '@team-a', via: 'auth' },
      { id: 'gateway', depth: 1, project: null, owner: '@edge', via: 'auth' },
      { id: 'a-web', depth: 2, project: 'a', via: 'a-api' },
      { id: 'b-web', depth: 2, project: 'b', via: 'gateway' },
    ]);
    expect(
      impact.byProject.map(g => [g.project, g.services.map(s => s.id)]),
    ).toEqual([
      ['a', ['a-api', 'a-web']],
      ['b', ['b-web']],
      [null, ['gateway']],
    ]);
    expect(impact).toMatchObject({
      service: 'auth',
      declared: true,
      projects: ['a', 'b'],
      counts: { services: 4, direct: 2, transitive: 2, projects: 2 },
      truncated: false,
    });
  });

  it('follows optional dependencies when asked, and stops at maxDepth', () => {
    expect(
      computeImpact(graph, 'auth', { includeOptional: true }).services.map(
        s => s.id,
      ),
    ).toContain('metrics');
    const direct = computeImpact(graph, 'auth', { maxDepth: 1 });
    expect(direct.services.map(s => s.id)).toEqual(['a-api', 'gateway']);
    expect(direct.truncated).toBe(true);
  });

  it('knows the consumers of an undeclared service, and nothing of a leaf', () => {
    expect(computeImpact(graph, 'ghost')).toMatchObject({
      declared: false,
      projects: ['b'],
      counts: { services: 1 },
    });
    expect(computeImpact(graph, 'b-web').counts.services).toBe(0);
  });

  it('walks only the edges follow accepts', () => {
    const kept = computeImpact(graph, 'auth', {
      follow: edge => edge.from !== 'gateway',
    });
    expect(kept.services.map(s => s.id)).toEqual(['a-api', 'a-web']);
    expect(
      computeImpact(graph, 'auth', {
        maxDepth: 1,
        follow: edge => edge.from !== 'a-web' && edge.from !== 'b-web',
      }).truncated,
    ).toBe(false);
  });
});
