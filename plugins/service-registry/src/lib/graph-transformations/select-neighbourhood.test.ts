import { demoGraph, dep, graphOf, service } from '../../testUtils/graphFixture';
import { indexGraph } from './index-graph';
import { selectNeighbourhood } from './select-neighbourhood';

describe('selectNeighbourhood', () => {
  const graph = indexGraph(demoGraph());

  it('returns the direct providers and consumers at depth 1', () => {
    const hood = selectNeighbourhood(graph, 'api', 1);
    expect(hood.upstream.map(n => n.id)).toEqual(['auth']);
    expect(hood.downstream.map(n => n.id)).toEqual(['checkout', 'shipping']);
    expect(hood.edges).toEqual(
      expect.arrayContaining([dep('api', 'auth'), dep('checkout', 'api')]),
    );
    expect(hood.nodes.has('web')).toBe(false);
  });

  it('walks further with the depth and records distances', () => {
    const hood = selectNeighbourhood(graph, 'auth', 3);
    expect(hood.upstream).toEqual([]);
    expect(hood.downstream.map(n => [n.id, n.distance])).toEqual([
      ['api', 1],
      ['pay-v2', 1],
      ['reporting', 1],
      ['checkout', 2],
      ['shipping', 2],
      ['web', 3],
    ]);
    expect(selectNeighbourhood(graph, 'auth', 2).nodes.has('web')).toBe(false);
  });

  it('includes missing providers and the edges between selected services', () => {
    const hood = selectNeighbourhood(graph, 'reporting', 1);
    expect(hood.upstream.map(n => n.id)).toEqual(['auth', 'ghost']);
    const checkout = selectNeighbourhood(graph, 'checkout', 2);
    // pay-v2 -> auth and api -> auth both stay, so the diamond shows whole
    expect(checkout.edges.filter(e => e.to === 'auth')).toHaveLength(2);
  });

  it('marks services on both sides of a cycle', () => {
    const cyclic = indexGraph(
      graphOf(
        [service('a'), service('b')],
        [dep('a', 'b'), dep('b', 'a')],
        [['a', 'b', 'a']],
      ),
    );
    const hood = selectNeighbourhood(cyclic, 'a', 1);
    expect(hood.nodes.get('b')?.direction).toBe('both');
    expect(hood.edges).toHaveLength(2);
  });

  it('returns only the root for an isolated service', () => {
    const lonely = indexGraph(graphOf([service('x')], []));
    const hood = selectNeighbourhood(lonely, 'x', 5);
    expect([...hood.nodes.keys()]).toEqual(['x']);
    expect(hood.edges).toEqual([]);
  });
});
