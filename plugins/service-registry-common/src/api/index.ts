export type {
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
  RegistryGraphProject,
} from './graphResponse';
