import {
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
} from '../../api/types';

/** A registry graph with lookups by id and adjacency both ways. */
export interface IndexedGraph {
  graph: RegistryGraph;
  nodes: Map<string, RegistryGraphNode>;
  /** What each service depends on. */
  outgoing: Map<string, RegistryGraphEdge[]>;
  /** Who depends on each service. */
  incoming: Map<string, RegistryGraphEdge[]>;
}

/** Indexes a graph once, so that walks are linear in what they visit. */
export function indexGraph(graph: RegistryGraph): IndexedGraph {
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
