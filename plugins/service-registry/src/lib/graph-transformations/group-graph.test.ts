import { demoGraph } from '../../testUtils/graphFixture';
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
      n => n.id === groupNodeId('project', 'global'),
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
    const global = groupNodeId('project', 'global');
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
});
