import { demoGraph } from '../../testUtils/graphFixture';
import { filterGraph } from './filter-graph';

describe('filterGraph', () => {
  const { nodes, edges } = demoGraph();
  const ids = (r: ReturnType<typeof filterGraph>) => r.nodes.map(n => n.id);

  it('lets everything through without filters', () => {
    const result = filterGraph(nodes, edges, {});
    expect(result.nodes).toBe(nodes);
    expect(result.edges).toBe(edges);
  });

  it('filters by project, keeping only edges between kept services', () => {
    const result = filterGraph(nodes, edges, { projects: ['project-a'] });
    expect(ids(result)).toEqual(['api', 'checkout', 'web']);
    expect(result.edges.map(e => `${e.from}>${e.to}`)).toEqual([
      'checkout>api',
      'web>checkout',
    ]);
  });

  it('combines dimensions, with global/none/missing as values', () => {
    expect(
      ids(
        filterGraph(nodes, edges, {
          projects: ['global'],
          statuses: ['deprecated', 'retired'],
        }),
      ),
    ).toEqual(['pay-v2', 'legacy']);
    expect(ids(filterGraph(nodes, edges, { statuses: ['missing'] }))).toEqual([
      'ghost',
    ]);
    expect(
      ids(
        filterGraph(nodes, edges, {
          owners: ['platform-team'],
          tiers: ['critical'],
        }),
      ),
    ).toEqual(['auth']);
  });
});
