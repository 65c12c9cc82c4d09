/*
 * The responses of the service-registry backend this plugin reads; their types live in the common
 * package, shared with the backend that serves them.
 */
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
  ReminderRecord,
  ReminderResponse,
  ReminderStatusResponse,
} from '@service-registry/plugin-service-registry-common';
