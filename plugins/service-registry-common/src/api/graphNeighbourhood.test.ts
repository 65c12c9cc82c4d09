import { seededRandom } from '@service-registry/test-support';
import {
  indexRegistryGraph,
  MAX_NEIGHBOURHOOD_DEPTH,
  registryGraphNeighbourhood,
  selectRegistryNeighbourhood,
} from './graphNeighbourhood';
import {
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
} from './graphResponse';

function node(
  id: string,
  project: string | null = null,
  fields: Partial<RegistryGraphNode> = {},
): RegistryGraphNode {
  return { id, name: id, declared: true, project, status: 'ga', ...fields };
}

function dep(from: string, to: string, optional = false): RegistryGraphEdge {
  return { from, to, optional };
}

function graphOf(
  nodes: RegistryGraphNode[],
  edges: RegistryGraphEdge[],
  cycles: string[][] = [],
): RegistryGraph {
  return {
    registry: 'default',
    updatedAt: '2026-01-01T00:00:00.000Z',
    state: 'ok',
    nodes,
    edges,
    cycles,
    projects: [
      { id: 'shop', name: 'Shop' },
      { id: 'pay', name: 'Payments' },
      { id: 'unused', name: 'Unused' },
    ],
  };
}

/**
 * mobile -> web -> api -> pay -> auth -> vault (undeclared), api -> auth (a diamond), and a cycle
 * loop-a <-> loop-b whose loop-a requires auth.
 */
const diamond = graphOf(
  [
    node('mobile', 'shop'),
    node('web', 'shop'),
    node('api', 'shop'),
    node('pay', 'pay', { status: 'deprecated', sunsetDate: '2026-06-01' }),
    node('auth'),
    node('loop-a', 'shop'),
    node('loop-b', 'shop'),
    { id: 'vault', name: 'vault', declared: false, project: null },
  ],
  [
    dep('mobile', 'web'),
    dep('web', 'api'),
    dep('api', 'pay'),
    dep('api', 'auth', true),
    dep('pay', 'auth'),
    dep('auth', 'vault'),
    dep('loop-a', 'loop-b'),
    dep('loop-b', 'loop-a'),
    dep('loop-a', 'auth'),
  ],
  [['loop-a', 'loop-b', 'loop-a']],
);

const ids = (graph: RegistryGraph) => graph.nodes.map(n => n.id);

describe('registryGraphNeighbourhood', () => {
  const indexed = indexRegistryGraph(diamond);

  it('keeps the services within the depth both ways, and the edges between them, in the graph order', () => {
    const one = registryGraphNeighbourhood(indexed, 'api', 1);
    expect(ids(one)).toEqual(['web', 'api', 'pay', 'auth']);
    expect(one.edges).toEqual([
      dep('web', 'api'),
      dep('api', 'pay'),
      dep('api', 'auth', true),
      dep('pay', 'auth'),
    ]);
    const two = registryGraphNeighbourhood(indexed, 'api', 2);
    expect(ids(two)).toEqual(['mobile', 'web', 'api', 'pay', 'auth', 'vault']);
    expect(two.edges).toContainEqual(dep('mobile', 'web'));
    expect(two.edges).toContainEqual(dep('auth', 'vault'));
  });

  it('walks downstream from a provider, keeping the nodes as the graph has them', () => {
    const one = registryGraphNeighbourhood(indexed, 'auth', 1);
    expect(ids(one)).toEqual(['api', 'pay', 'auth', 'loop-a', 'vault']);
    expect(one.nodes).toContainEqual(
      node('pay', 'pay', { status: 'deprecated', sunsetDate: '2026-06-01' }),
    );
    expect(one.nodes).toContainEqual({
      id: 'vault',
      name: 'vault',
      declared: false,
      project: null,
    });
    // a cycle through a kept service stays whole, so that its marks read as on the whole graph
    expect(one.cycles).toEqual([['loop-a', 'loop-b', 'loop-a']]);
    expect(ids(registryGraphNeighbourhood(indexed, 'api', 1))).not.toContain(
      'loop-a',
    );
    expect(registryGraphNeighbourhood(indexed, 'api', 1).cycles).toEqual([]);
  });

  it('answers the snapshot fields and the projects of its services only', () => {
    const hood = registryGraphNeighbourhood(indexed, 'pay', 1);
    expect(hood).toMatchObject({
      registry: 'default',
      updatedAt: '2026-01-01T00:00:00.000Z',
      state: 'ok',
    });
    expect(hood.projects.map(p => p.id)).toEqual(['shop', 'pay']);
  });

  it('gives a placeholder for an undeclared root and for an edge target the graph lacks a node for', () => {
    expect(ids(registryGraphNeighbourhood(indexed, 'vault', 1))).toEqual([
      'auth',
      'vault',
    ]);
    const lacking = indexRegistryGraph(
      graphOf([node('a')], [dep('a', 'ghost')]),
    );
    expect(registryGraphNeighbourhood(lacking, 'a', 1).nodes).toEqual([
      node('a'),
      { id: 'ghost', name: 'ghost', declared: false, project: null },
    ]);
  });

  it('gives an empty graph for a service the graph lacks', () => {
    const hood = registryGraphNeighbourhood(indexed, 'nope', 3);
    expect([hood.nodes, hood.edges, hood.cycles]).toEqual([[], [], []]);
  });

  it('holds the same neighbourhood as the whole graph, to its depth or less, on random graphs', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const random = seededRandom(seed);
      const size = 30;
      const nodes = Array.from({ length: size }, (_, i) =>
        node(`s${i}`, random() < 0.5 ? 'shop' : null),
      );
      const edges: RegistryGraphEdge[] = [];
      for (let i = 0; i < size * 1.5; i++) {
        const from = Math.floor(random() * size);
        const to = Math.floor(random() * (size + 3)); // some targets undeclared
        edges.push(dep(`s${from}`, `s${to}`, random() < 0.2));
      }
      const whole = indexRegistryGraph(graphOf(nodes, edges));
      for (const root of whole.nodes.keys()) {
        for (let depth = 1; depth <= MAX_NEIGHBOURHOOD_DEPTH; depth++) {
          const part = indexRegistryGraph(
            registryGraphNeighbourhood(whole, root, depth),
          );
          for (let drawn = 1; drawn <= depth; drawn++) {
            const ofPart = selectRegistryNeighbourhood(part, root, drawn);
            const ofWhole = selectRegistryNeighbourhood(whole, root, drawn);
            expect(ofPart).toEqual(ofWhole);
            // the drawing lays the nodes out in this order
            expect([...ofPart.nodes.keys()]).toEqual([...ofWhole.nodes.keys()]);
          }
        }
      }
    }
  });
});
