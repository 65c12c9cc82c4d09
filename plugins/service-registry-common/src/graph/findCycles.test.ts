import { catalog, registryOf } from '../validation/__testUtils__/registryOf';
import { buildDependencyGraph } from './buildDependencyGraph';
import { analyzeCycles, findCycles } from './findCycles';

function graphOf(
  edges: Record<string, string[]>,
  optional: Record<string, string[]> = {},
) {
  const ids = new Set([...Object.keys(edges), ...Object.values(edges).flat()]);
  const lines = [...ids].flatMap(id => [
    `[service.${id}]`,
    `dependencies.requires = [${(edges[id] ?? [])
      .map(t => `"${t}"`)
      .join(', ')}]`,
    `dependencies.optional = [${(optional[id] ?? [])
      .map(t => `"${t}"`)
      .join(', ')}]`,
  ]);
  return buildDependencyGraph(registryOf(catalog(...lines)));
}

describe('findCycles', () => {
  it('reports a cycle once, as the full path from its smallest id', () => {
    expect(findCycles(graphOf({ c: ['a'], a: ['b'], b: ['c'] }))).toEqual([
      ['a', 'b', 'c', 'a'],
    ]);
  });

  it('finds every elementary cycle of a component, and self loops', () => {
    expect(
      findCycles(
        graphOf({ a: ['b', 'c'], b: ['a', 'c'], c: ['a'], d: ['d'], e: ['a'] }),
      ),
    ).toEqual([
      ['a', 'b', 'a'],
      ['a', 'b', 'c', 'a'],
      ['a', 'c', 'a'],
      ['d', 'd'],
    ]);
  });

  it('follows optional edges only when asked', () => {
    const graph = graphOf({ a: ['b'] }, { b: ['a'] });
    expect(findCycles(graph)).toEqual([]);
    expect(findCycles(graph, { includeOptional: true })).toEqual([
      ['a', 'b', 'a'],
    ]);
  });

  it('lists the cyclic components, and bounds dense ones', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const dense = Object.fromEntries(
      ids.map(id => [id, ids.filter(o => o !== id)]),
    );
    const analysis = analyzeCycles(graphOf(dense), {
      maxCyclesPerComponent: 10,
    });
    expect(analysis.components).toEqual([ids]);
    expect(analysis.cycles).toHaveLength(10);
    expect(analysis.truncated).toEqual([ids]);
    expect(analyzeCycles(graphOf(dense)).cycles).toHaveLength(100);
    // 409 elementary cycles in a complete digraph of 6 vertices
    expect(
      analyzeCycles(graphOf(dense), { maxCyclesPerComponent: 1000 }).cycles,
    ).toHaveLength(409);
  });

  it('handles a long ring without deep recursion, in linear time', () => {
    const n = 20000;
    const name = (k: number) => `s${String(k).padStart(5, '0')}`;
    const edges = Object.fromEntries(
      Array.from({ length: n }, (_, k) => [name(k), [name((k + 1) % n)]]),
    );
    const cycles = findCycles(graphOf(edges));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n + 1);
    expect(cycles[0][0]).toBe('s00000');
    expect(cycles[0][1]).toBe('s00001');
  });

  it("follows each project's view: no cycle from different projects' overrides", () => {
    const files = {
      'services/catalog.toml': '[service.x]\n[service.y]\n',
      'projects/pa/services.toml':
        '[project]\n[service.x]\ndependencies.requires = ["y"]\n',
      'projects/pb/services.toml':
        '[project]\n[service.y]\ndependencies.requires = ["x"]\n',
    };
    expect(analyzeCycles(buildDependencyGraph(registryOf(files)))).toEqual({
      cycles: [],
      edges: [],
      components: [],
      truncated: [],
    });
    // pb's view: y → x → y, with its own edge and the global one it inherits
    const analysis = analyzeCycles(
      buildDependencyGraph(
        registryOf({
          ...files,
          'services/catalog.toml':
            '[service.x]\ndependencies.requires = ["y"]\n[service.y]\n',
        }),
      ),
    );
    expect(analysis.cycles).toEqual([['x', 'y', 'x']]);
    expect(
      analysis.edges[0].map(e => [e.from, e.to, e.viaProject, e.droppedBy]),
    ).toEqual([
      ['x', 'y', undefined, undefined],
      ['y', 'x', 'pb', undefined],
    ]);
    expect(analysis.components).toEqual([['x', 'y']]);
  });

  it("lists a service twice when a cycle passes through two projects' views of it", () => {
    // pa's x needs pb's q, which needs pb's x, which needs pa's p, which needs pa's x
    const graph = buildDependencyGraph(
      registryOf({
        'services/catalog.toml': '[service.x]\n',
        'projects/pa/services.toml':
          '[project]\n[service.p]\ndependencies.requires = ["x"]\n[service.x]\ndependencies.requires = ["q"]\n',
        'projects/pb/services.toml':
          '[project]\n[service.q]\ndependencies.requires = ["x"]\n[service.x]\ndependencies.requires = ["p"]\n',
      }),
    );
    const analysis = analyzeCycles(graph);
    expect(analysis.cycles).toEqual([['p', 'x', 'q', 'x', 'p']]);
    expect(analysis.edges[0].map(e => [e.from, e.to, e.viaProject])).toEqual([
      ['p', 'x', undefined],
      ['x', 'q', 'pa'],
      ['q', 'x', undefined],
      ['x', 'p', 'pb'],
    ]);
  });

  it('is empty for an acyclic graph', () => {
    expect(findCycles(graphOf({ a: ['b'], b: ['c'], c: [] }))).toEqual([]);
  });
});
