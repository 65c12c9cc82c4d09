import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { demoGraph, namesakeGraph } from '../../testUtils/graphFixture';
import { NO_OWNER_KEY } from './category-keys';
import { groupGraph, groupNodeId } from './group-graph';

describe('groupGraph', () => {
  const { nodes, edges } = demoGraph();

  it('keeps services as they are without grouping', () => {
    const grouped = groupGraph(nodes, edges, 'none');
    expect(grouped.nodes.every(n => n.kind === 'service')).toBe(true);
    expect(grouped.edges).toHaveLength(edges.length);
  });

  it('collapses each project into one node with counts and aggregates edges', () => {
    const grouped = groupGraph(nodes, edges, 'project');
    const a = grouped.nodes.find(
      n => n.id === groupNodeId('project', 'project-a'),
    )!;
    expect(a.kind).toBe('group');
    expect(a.members).toEqual(['api', 'checkout', 'web']);
    expect(a.statusCounts).toEqual({ ga: 2, development: 1 });
    const global = grouped.nodes.find(
      n => n.id === groupNodeId('project', GLOBAL_PROJECT_ID),
    )!;
    // ghost is missing: it has no project, so it joins the global group
    expect(global.members).toEqual(['auth', 'pay-v2', 'legacy', 'ghost']);
    // api->auth and checkout->pay-v2 collapse into one edge project-a -> global
    const aToGlobal = grouped.edges.find(
      e => e.from === a.id && e.to === global.id,
    )!;
    expect(aToGlobal.count).toBe(2);
    expect(aToGlobal.optional).toBe(false);
    // edges inside a collapsed group disappear, the global group's own pay-v2->auth too
    expect(grouped.edges.some(e => e.from === e.to)).toBe(false);
  });

  it('keeps an optional-only aggregate dashed', () => {
    const grouped = groupGraph(nodes, edges, 'project');
    const b = groupNodeId('project', 'project-b');
    const global = groupNodeId('project', GLOBAL_PROJECT_ID);
    expect(grouped.edges.find(e => e.from === b && e.to === global)).toEqual({
      from: b,
      to: global,
      optional: true,
      count: 1,
    });
  });

  it('expands the groups it is told to, and groups by owner without the @', () => {
    const grouped = groupGraph(nodes, edges, 'project', new Set(['project-a']));
    expect(
      grouped.nodes.filter(n => n.kind === 'service').map(n => n.id),
    ).toEqual(['api', 'checkout', 'web']);
    const byOwner = groupGraph(nodes, edges, 'owner');
    const platform = byOwner.nodes.find(n => n.label === 'platform-team')!;
    expect(platform.members).toEqual(['auth']);
    expect(byOwner.nodes.find(n => n.label === 'none')?.members).toEqual([
      'ghost',
    ]);
  });

  it('groups a project named global apart from the global services, and an owner named none apart from no owner', () => {
    const namesakes = namesakeGraph();
    const byProject = groupGraph(namesakes.nodes, namesakes.edges, 'project');
    const members = (id: string) =>
      byProject.nodes.find(n => n.id === id)?.members;
    expect(members(groupNodeId('project', 'global'))).toEqual([
      'portal',
      'billing',
    ]);
    expect(members(groupNodeId('project', GLOBAL_PROJECT_ID))).toEqual([
      'auth',
      'jobs',
      'cron',
    ]);
    // portal -> auth now crosses from the project global to the global services
    expect(byProject.edges).toContainEqual({
      from: groupNodeId('project', 'global'),
      to: groupNodeId('project', GLOBAL_PROJECT_ID),
      optional: false,
      count: 2,
    });
    const byOwner = groupGraph(namesakes.nodes, namesakes.edges, 'owner');
    const ownerMembers = (key: string) =>
      byOwner.nodes.find(n => n.id === groupNodeId('owner', key))?.members;
    expect(ownerMembers('none')).toEqual(['billing']);
    expect(ownerMembers(NO_OWNER_KEY)).toEqual(['jobs', 'cron']);
  });

  it('labels the groups of no project or owner as before, and tells them from namesakes when told', () => {
    const { nodes: demo } = demoGraph();
    const labels = groupGraph(demo, [], 'project').nodes.map(n => n.label);
    expect(labels).toContain('global');
    expect(
      groupGraph(demo, [], 'owner').nodes.find(
        n => n.id === groupNodeId('owner', NO_OWNER_KEY),
      )?.label,
    ).toBe('none');
    const namesakes = namesakeGraph();
    const names = new Set(['global', 'shop', 'none', 'web-team']);
    const label = (by: 'project' | 'owner', key: string) =>
      groupGraph(namesakes.nodes, [], by, new Set(), names).nodes.find(
        n => n.id === groupNodeId(by, key),
      )?.label;
    expect(label('project', 'global')).toBe('global');
    expect(label('project', GLOBAL_PROJECT_ID)).toBe('Global services');
    expect(label('owner', 'none')).toBe('none');
    expect(label('owner', NO_OWNER_KEY)).toBe('No owner');
  });
});
