export {
  categoryLabel,
  GLOBAL_PROJECT_KEY,
  NO_OWNER_KEY,
} from './category-keys';
export { edgeKey } from './edge-key';
export { indexGraph } from './index-graph';
export type { IndexedGraph } from './index-graph';
export { selectNeighbourhood } from './select-neighbourhood';
export type {
  Neighbourhood,
  NeighbourInfo,
  NeighbourDirection,
} from './select-neighbourhood';
export { filterGraph, filterValues } from './filter-graph';
export type { GraphFilters } from './filter-graph';
export { groupGraph, groupKeyOf, groupNodeId } from './group-graph';
export type { DisplayEdge, DisplayNode, GroupBy } from './group-graph';
export { cycleEdges } from './cycle-edges';
export { impactHighlight, isImpactEdge } from './impact-highlight';
export type { ImpactHighlight } from './impact-highlight';
export { layeredLayout } from './layered-layout';
export type {
  LayeredLayout,
  LayeredLayoutOptions,
  LayoutPoint,
} from './layered-layout';
export { isFlaggedStatus, nodeStatus, normalizeOwner } from './node-status';
export type { NodeStatus } from './node-status';
