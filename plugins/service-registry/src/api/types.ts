/*
 * The responses of the service-registry backend this plugin reads; their types live in the common
 * package, shared with the backend that serves them.
 */
export type {
  ImpactReport,
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
  RegistryGraphProject,
} from '@service-registry/plugin-service-registry-common';
