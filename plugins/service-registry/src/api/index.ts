export { serviceRegistryApiRef } from './ServiceRegistryApi';
export type {
  ServiceRegistryApi,
  RegistryRequestOptions,
  ImpactRequestOptions,
  FindingsRequestOptions,
  DatedRequestOptions,
  DeprecationsRequestOptions,
  SlaOverviewRequestOptions,
} from './ServiceRegistryApi';
export { ServiceRegistryClient } from './ServiceRegistryClient';
export type {
  DeprecatedDependenciesResponse,
  DeprecatedDependency,
  DeprecationConsumer,
  DeprecationCounts,
  DeprecationDetailResponse,
  DeprecationHistoryPoint,
  DeprecationRecord,
  DeprecationsResponse,
  DeprecationStatus,
  FindingSeverity,
  FindingsResponse,
  RegistryFindingItem,
  ServiceTier,
  SlaEvaluation,
  SlaOverviewResponse,
  SlaServiceResponse,
  ImpactReport,
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
  RegistryGraphProject,
} from './types';
