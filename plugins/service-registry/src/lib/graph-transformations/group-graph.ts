import { RegistryGraphEdge, RegistryGraphNode } from '../../api/types';
import { categoryLabel } from './category-keys';
import { edgeKey } from './edge-key';
import { filterValues } from './filter-graph';
import { NodeStatus, nodeStatus } from './node-status';

/** How the page groups services. */
export type GroupBy = 'none' | 'project' | 'owner';

/** A node of the displayed graph: a service, or a collapsed group of services. */
export interface DisplayNode {
  id: string;
  label: string;
  kind: 'service' | 'group';
  /** The service, for a service node. */
  service?: RegistryGraphNode;
  /** The group key (project id or owner), for a group node and for grouped services. */
  group?: string;
  /** Member service ids, for a group node. */
  members?: string[];
  /** Member counts by status, for a group node. */
  statusCounts?: Partial<Record<NodeStatus, number>>;
}

/** An edge of the displayed graph, possibly standing for several dependencies. */
export interface DisplayEdge {
  from: string;
  to: string;
  /** True when every dependency it stands for is optional. */
  optional: boolean;
  /** Number of dependencies it stands for. */
  count: number;
}

/** The id of the node of a collapsed group. */
export function groupNodeId(by: GroupBy, key: string): string {
  return `group:${by}:${key}`;
}

/**
 * The group key of a service for a grouping (`GLOBAL_PROJECT_KEY` / `NO_OWNER_KEY` when it has no
 * project / owner).
 */
export function groupKeyOf(node: RegistryGraphNode, by: GroupBy): string {
  const values = filterValues(node);
  return by === 'owner' ? values.owner : values.project;
}

/**
 * Groups services by project or owner: every group not in `expanded` becomes one node with its
 * member and status counts; edges are mapped to the group nodes, aggregated (one edge per pair,
 * with the number of dependencies) and edges inside a collapsed group dropped. A group is labelled
 * with {@link categoryLabel} over `names` (the graph's project and owner names).
 */
export function groupGraph(
  nodes: RegistryGraphNode[],
  edges: RegistryGraphEdge[],
  by: GroupBy,
  expanded: ReadonlySet<string> = new Set(),
  names: ReadonlySet<string> = new Set(),
): { nodes: DisplayNode[]; edges: DisplayEdge[] } {
  const displayOf = new Map<string, string>();
  const displayNodes: DisplayNode[] = [];
  const groups = new Map<string, DisplayNode>();
  for (const node of nodes) {
    const key = by === 'none' ? undefined : groupKeyOf(node, by);
    if (key === undefined || expanded.has(key)) {
      displayOf.set(node.id, node.id);
      displayNodes.push({
        id: node.id,
        label: node.name || node.id,
        kind: 'service',
        service: node,
        group: key,
      });
      continue;
    }
    const id = groupNodeId(by, key);
    let group = groups.get(id);
    if (!group) {
      group = {
        id,
        label: categoryLabel(key, names),
        kind: 'group',
        group: key,
        members: [],
        statusCounts: {},
      };
      groups.set(id, group);
      displayNodes.push(group);
    }
    group.members!.push(node.id);
    const status = nodeStatus(node);
    group.statusCounts![status] = (group.statusCounts![status] ?? 0) + 1;
    displayOf.set(node.id, id);
  }
  const aggregated = new Map<string, DisplayEdge>();
  const displayEdges: DisplayEdge[] = [];
  for (const edge of edges) {
    const from = displayOf.get(edge.from);
    const to = displayOf.get(edge.to);
    if (!from || !to) continue;
    if (from === to && from !== edge.from) continue;
    const key = edgeKey(from, to);
    const existing = aggregated.get(key);
    if (existing) {
      existing.count += 1;
      existing.optional = existing.optional && edge.optional;
    } else {
      const created = { from, to, optional: edge.optional, count: 1 };
      aggregated.set(key, created);
      displayEdges.push(created);
    }
  }
  return { nodes: displayNodes, edges: displayEdges };
}
