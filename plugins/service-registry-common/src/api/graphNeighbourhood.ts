import {
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
} from './graphResponse';

/*
 * The neighbourhood of a service in a `GET /graph` answer, in one place: the backend answers
 * `GET /graph?service=&depth=` with it, and the service topology card draws it, so the two cannot
 * disagree on what a depth keeps.
 */

/**
 * The largest depth of a neighbourhood the service topology card asks for (and `GET /graph`
 * accepts with `service=`).
 *
 * @public
 */
export const MAX_NEIGHBOURHOOD_DEPTH = 5;

/**
 * A registry graph with lookups by id and adjacency both ways.
 *
 * @public
 */
export interface IndexedRegistryGraph {
  /** The graph indexed. */
  graph: RegistryGraph;
  /** Every node by id, with one (`declared: false`) for an edge's target the graph lacks. */
  nodes: Map<string, RegistryGraphNode>;
  /** What each service depends on. */
  outgoing: Map<string, RegistryGraphEdge[]>;
  /** Who depends on each service. */
  incoming: Map<string, RegistryGraphEdge[]>;
}

/**
 * Indexes a graph once, so that walks are linear in what they visit.
 *
 * @public
 */
export function indexRegistryGraph(graph: RegistryGraph): IndexedRegistryGraph {
  const nodes = new Map<string, RegistryGraphNode>();
  for (const node of graph.nodes) nodes.set(node.id, node);
  const outgoing = new Map<string, RegistryGraphEdge[]>();
  const incoming = new Map<string, RegistryGraphEdge[]>();
  for (const edge of graph.edges) {
    if (!nodes.has(edge.to)) {
      nodes.set(edge.to, {
        id: edge.to,
        name: edge.to,
        declared: false,
        project: null,
      });
    }
    let out = outgoing.get(edge.from);
    if (!out) outgoing.set(edge.from, (out = []));
    out.push(edge);
    let inc = incoming.get(edge.to);
    if (!inc) incoming.set(edge.to, (inc = []));
    inc.push(edge);
  }
  return { graph, nodes, outgoing, incoming };
}

/**
 * Where a node of a neighbourhood sits relative to its root.
 *
 * @public
 */
export type NeighbourDirection = 'root' | 'upstream' | 'downstream' | 'both';

/**
 * A node of a neighbourhood.
 *
 * @public
 */
export interface NeighbourInfo {
  /** The service id. */
  id: string;
  /** Where it sits relative to the root. */
  direction: NeighbourDirection;
  /** Hops from the root (upstream and downstream distances; the smaller is kept). */
  distance: number;
}

/**
 * The services within `depth` hops of a root, both ways, and the edges between them.
 *
 * @public
 */
export interface RegistryNeighbourhood {
  /** The service the neighbourhood is of. */
  root: string;
  /** The root first, then the upstream services as walked, then the downstream ones. */
  nodes: Map<string, NeighbourInfo>;
  /** Every edge of the graph between two services of the neighbourhood. */
  edges: RegistryGraphEdge[];
  /** Direct and transitive providers (what the root depends on), nearest first. */
  upstream: NeighbourInfo[];
  /** Direct and transitive consumers (who depends on the root), nearest first. */
  downstream: NeighbourInfo[];
}

function walk(
  start: string,
  depth: number,
  next: (id: string) => RegistryGraphEdge[] | undefined,
  other: (edge: RegistryGraphEdge) => string,
): Map<string, number> {
  const seen = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const upcoming: string[] = [];
    for (const id of frontier) {
      for (const edge of next(id) ?? []) {
        const target = other(edge);
        if (!seen.has(target)) {
          seen.set(target, d);
          upcoming.push(target);
        }
      }
    }
    frontier = upcoming;
  }
  seen.delete(start);
  return seen;
}

/**
 * The services within `depth` hops of a root either way, each with where it sits, and the
 * distances of the upstream and downstream walks.
 */
function neighbourNodes(
  graph: IndexedRegistryGraph,
  root: string,
  depth: number,
): {
  nodes: Map<string, NeighbourInfo>;
  up: Map<string, number>;
  down: Map<string, number>;
} {
  const up = walk(
    root,
    depth,
    id => graph.outgoing.get(id),
    e => e.to,
  );
  const down = walk(
    root,
    depth,
    id => graph.incoming.get(id),
    e => e.from,
  );
  const nodes = new Map<string, NeighbourInfo>();
  nodes.set(root, { id: root, direction: 'root', distance: 0 });
  for (const [id, distance] of up) {
    nodes.set(id, { id, direction: 'upstream', distance });
  }
  for (const [id, distance] of down) {
    const existing = nodes.get(id);
    if (existing && existing.direction === 'upstream') {
      nodes.set(id, {
        id,
        direction: 'both',
        distance: Math.min(existing.distance, distance),
      });
    } else if (!existing) {
      nodes.set(id, { id, direction: 'downstream', distance });
    }
  }
  return { nodes, up, down };
}

/**
 * The neighbourhood of a service: upstream (what it depends on) and downstream (who depends
 * on it) up to `depth` hops, and every edge of the graph between the selected services (so a
 * cycle through the root shows whole).
 *
 * @param graph - the indexed graph
 * @param root - the service id
 * @param depth - the hops to walk each way
 * @public
 */
export function selectRegistryNeighbourhood(
  graph: IndexedRegistryGraph,
  root: string,
  depth: number,
): RegistryNeighbourhood {
  const { nodes, up, down } = neighbourNodes(graph, root, depth);
  const edges: RegistryGraphEdge[] = [];
  const seen = new Set<string>();
  for (const id of nodes.keys()) {
    for (const edge of graph.outgoing.get(id) ?? []) {
      const key = `${edge.from}\u0000${edge.to}`;
      if (nodes.has(edge.to) && !seen.has(key)) {
        seen.add(key);
        edges.push(edge);
      }
    }
  }
  const byDistance = (a: NeighbourInfo, b: NeighbourInfo) =>
    a.distance - b.distance || a.id.localeCompare(b.id);
  const list = [...nodes.values()];
  return {
    root,
    nodes,
    edges,
    upstream: list
      .filter(n => up.has(n.id))
      .map(n => ({ ...n, distance: up.get(n.id)! }))
      .sort(byDistance),
    downstream: list
      .filter(n => down.has(n.id))
      .map(n => ({ ...n, distance: down.get(n.id)! }))
      .sort(byDistance),
  };
}

/** Where each node and edge sits in a graph, computed once per graph. */
const orders = new WeakMap<
  RegistryGraph,
  { nodes: Map<string, number>; edges: Map<RegistryGraphEdge, number> }
>();

function orderOf(graph: RegistryGraph) {
  let order = orders.get(graph);
  if (!order) {
    order = {
      nodes: new Map(graph.nodes.map((n, i) => [n.id, i])),
      edges: new Map(graph.edges.map((e, i) => [e, i])),
    };
    orders.set(graph, order);
  }
  return order;
}

/**
 * The part of a graph a service's neighbourhood draws, as a graph of its own (what
 * `GET /graph?service=&depth=` answers): the services within `depth` hops of the root either way
 * (placeholders, `declared: false`, for undeclared ones), in the graph's order; every edge between
 * them, in the graph's order; every cycle through one of them, whole (so that marks of cycles read
 * as on the whole graph); the projects of its services. Its neighbourhood of the root at `depth`,
 * or less, is the whole graph's.
 *
 * @param graph - the indexed graph
 * @param root - the service id; a graph without it gives one without nodes
 * @param depth - the hops to keep each way
 * @public
 */
export function registryGraphNeighbourhood(
  graph: IndexedRegistryGraph,
  root: string,
  depth: number,
): RegistryGraph {
  const { registry, updatedAt, state } = graph.graph;
  if (!graph.nodes.has(root)) {
    return {
      registry,
      updatedAt,
      state,
      nodes: [],
      edges: [],
      cycles: [],
      projects: [],
    };
  }
  // the services only: not the edges and sorted lists of selectRegistryNeighbourhood
  const kept = neighbourNodes(graph, root, depth).nodes;
  // in the graph's order, found without a pass over the whole graph (placeholders last)
  const order = orderOf(graph.graph);
  const position = (id: string) => order.nodes.get(id) ?? Infinity;
  const nodes = [...kept.keys()]
    .sort((a, b) => position(a) - position(b) || a.localeCompare(b))
    .map(id => graph.nodes.get(id)!);
  const edges = [...kept.keys()]
    .flatMap(id => graph.outgoing.get(id) ?? [])
    .filter(e => kept.has(e.to))
    .sort((a, b) => order.edges.get(a)! - order.edges.get(b)!);
  const cycles = graph.graph.cycles.filter(c => c.some(id => kept.has(id)));
  const projectIds = new Set(nodes.map(n => n.project));
  const projects = graph.graph.projects.filter(p => projectIds.has(p.id));
  return { registry, updatedAt, state, nodes, edges, cycles, projects };
}
