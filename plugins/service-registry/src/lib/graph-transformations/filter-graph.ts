import { RegistryGraphEdge, RegistryGraphNode } from '../../api/types';
import { GLOBAL_PROJECT_KEY, NO_OWNER_KEY } from './category-keys';
import { nodeStatus, normalizeOwner } from './node-status';

/** Filters of the topology page; an empty or absent list lets everything through. */
export interface GraphFilters {
  /** Project ids; `GLOBAL_PROJECT_KEY` (`:global`) selects the services of no project. */
  projects?: string[];
  /** Owners (without `@`); `NO_OWNER_KEY` (`:none`) selects services without owner. */
  owners?: string[];
  /** Display statuses (see `nodeStatus`), including `missing`. */
  statuses?: string[];
  /** Tiers; `none` selects services without tier. */
  tiers?: string[];
}

/** The value a node has for a filter dimension (the keys the filter lists use). */
export function filterValues(node: RegistryGraphNode) {
  return {
    project: node.project ?? GLOBAL_PROJECT_KEY,
    owner: normalizeOwner(node.owner) ?? NO_OWNER_KEY,
    status: nodeStatus(node),
    tier: node.tier ?? 'none',
  };
}

function allows(list: string[] | undefined, value: string) {
  return !list || list.length === 0 || list.includes(value);
}

/** The nodes that pass every filter, and the edges between them. */
export function filterGraph(
  nodes: RegistryGraphNode[],
  edges: RegistryGraphEdge[],
  filters: GraphFilters,
): { nodes: RegistryGraphNode[]; edges: RegistryGraphEdge[] } {
  const kept = nodes.filter(node => {
    const v = filterValues(node);
    return (
      allows(filters.projects, v.project) &&
      allows(filters.owners, v.owner) &&
      allows(filters.statuses, v.status) &&
      allows(filters.tiers, v.tier)
    );
  });
  if (kept.length === nodes.length) return { nodes, edges };
  const ids = new Set(kept.map(n => n.id));
  return {
    nodes: kept,
    edges: edges.filter(e => ids.has(e.from) && ids.has(e.to)),
  };
}
