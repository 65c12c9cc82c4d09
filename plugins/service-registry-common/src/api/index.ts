export type {
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
  RegistryGraphProject,
} from './graphResponse';
export type { FindingsResponse, RegistryFindingItem } from './findingsResponse';
