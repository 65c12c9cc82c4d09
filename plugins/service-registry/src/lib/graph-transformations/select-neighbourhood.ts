import { RegistryGraphEdge } from '../../api/types';
import { edgeKey } from './edge-key';
import { IndexedGraph } from './index-graph';

/** Where a node of a neighbourhood sits relative to its root. */
export type NeighbourDirection = 'root' | 'upstream' | 'downstream' | 'both';

/** A node of a neighbourhood. */
export interface NeighbourInfo {
  id: string;
  direction: NeighbourDirection;
  /** Hops from the root (upstream and downstream distances; the smaller is kept). */
  distance: number;
}

/** The services within `depth` hops of a root, both ways, and the edges between them. */
export interface Neighbourhood {
  root: string;
  nodes: Map<string, NeighbourInfo>;
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
 * The neighbourhood of a service: upstream (what it depends on) and downstream (who depends
 * on it) up to `depth` hops, and every edge of the graph between the selected services (so a
 * cycle through the root shows whole).
 */
export function selectNeighbourhood(
  graph: IndexedGraph,
  root: string,
  depth: number,
): Neighbourhood {
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
  const edges: RegistryGraphEdge[] = [];
  const seen = new Set<string>();
  for (const id of nodes.keys()) {
    for (const edge of graph.outgoing.get(id) ?? []) {
      const key = edgeKey(edge.from, edge.to);
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
