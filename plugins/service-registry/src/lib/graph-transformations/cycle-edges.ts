import { edgeKey } from './edge-key';

/** The edges and services on dependency cycles (each cycle a closed path `a, b, a`). */
export function cycleEdges(cycles: string[][]): {
  edges: Set<string>;
  nodes: Set<string>;
} {
  const edges = new Set<string>();
  const nodes = new Set<string>();
  for (const cycle of cycles) {
    for (let i = 0; i < cycle.length; i++) {
      nodes.add(cycle[i]);
      const next =
        cycle[i + 1] ?? (cycle[0] !== cycle[i] ? cycle[0] : undefined);
      if (next !== undefined) edges.add(edgeKey(cycle[i], next));
    }
  }
  return { edges, nodes };
}
