import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { demoGraph, namesakeGraph } from '../../testUtils/graphFixture';
import { NO_OWNER_KEY } from './category-keys';
import { filterGraph, filterValues } from './filter-graph';

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
          projects: [GLOBAL_PROJECT_ID],
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

  it('tells a project named global from the global services, and an owner named none from no owner', () => {
    const namesakes = namesakeGraph();
    const byId = new Map(namesakes.nodes.map(n => [n.id, n]));
    expect(filterValues(byId.get('portal')!).project).toBe('global');
    expect(filterValues(byId.get('auth')!).project).toBe(GLOBAL_PROJECT_ID);
    expect(filterValues(byId.get('billing')!).owner).toBe('none');
    expect(filterValues(byId.get('jobs')!).owner).toBe(NO_OWNER_KEY);
    const only = (filters: Parameters<typeof filterGraph>[2]) =>
      ids(filterGraph(namesakes.nodes, namesakes.edges, filters));
    expect(only({ projects: ['global'] })).toEqual(['portal', 'billing']);
    expect(only({ projects: [GLOBAL_PROJECT_ID] })).toEqual([
      'auth',
      'jobs',
      'cron',
    ]);
    expect(only({ owners: ['none'] })).toEqual(['billing']);
    expect(only({ owners: [NO_OWNER_KEY] })).toEqual(['jobs', 'cron']);
  });
});
