export { serviceRegistryApiRef } from './ServiceRegistryApi';
export type {
  ServiceRegistryApi,
  RegistryRequestOptions,
  ImpactRequestOptions,
} from './ServiceRegistryApi';
export { ServiceRegistryClient } from './ServiceRegistryClient';
export type {
  ImpactReport,
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
  RegistryGraphProject,
} from './types';
