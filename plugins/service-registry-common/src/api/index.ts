export type {
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
  RegistryGraphProject,
} from './graphResponse';
export {
  indexRegistryGraph,
  MAX_NEIGHBOURHOOD_DEPTH,
  registryGraphNeighbourhood,
  selectRegistryNeighbourhood,
} from './graphNeighbourhood';
export type {
  IndexedRegistryGraph,
  NeighbourDirection,
  NeighbourInfo,
  RegistryNeighbourhood,
} from './graphNeighbourhood';
export type { FindingsResponse, RegistryFindingItem } from './findingsResponse';
export {
  registryNotFoundKind,
  registryNotFoundMessages,
} from './notFoundMessages';
export type { RegistryNotFoundKind } from './notFoundMessages';
export type { ImpactResponse } from './impactResponse';
export type {
  RegistriesResponse,
  RegistryStatusItem,
} from './registriesResponse';
export type { ServiceRecordResponse } from './serviceRecordResponse';
export { buildFindingsResponse } from './buildFindingsResponse';
export type { FindingsQuery, FindingsSource } from './buildFindingsResponse';
export { findingLink } from './findingLink';
export type {
  ReminderRecord,
  ReminderResponse,
  ReminderStatusResponse,
} from './remindersResponse';
export type {
  ServiceSummaryDependency,
  ServiceSummaryFacts,
  ServiceSummaryResponse,
} from './serviceSummaryResponse';
export { buildServiceSummary } from './buildServiceSummary';
export { releaseHistoryOf } from './releaseHistory';
export type { ServiceSummaryRelease } from './releaseHistory';
export type { ServiceSummarySource } from './buildServiceSummary';
export { GLOBAL_PROJECT_ID } from './projectSummaryResponse';
export type {
  ProjectSummaryFacts,
  ProjectSummaryFindingCounts,
  ProjectSummaryLink,
  ProjectSummaryLinkedService,
  ProjectSummaryOverride,
  ProjectSummaryResponse,
  ProjectSummaryService,
} from './projectSummaryResponse';
export { buildProjectSummary } from './buildProjectSummary';
export { isFindingOfProject } from './isFindingOfProject';
export { summarizePendingChange } from './summarizePendingChange';
export { pendingChangesOfService } from './pendingChangesOfService';
export type {
  PendingBreakingChange,
  PendingChange,
  PendingChangeOfService,
  PendingChangeSummary,
  PendingNewFindings,
  PendingChangesResponse,
  PendingUnreadFile,
  RepositoryPendingChanges,
  UnreadPendingChange,
} from './pendingChangesResponse';
