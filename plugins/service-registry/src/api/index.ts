export { serviceRegistryApiRef } from './ServiceRegistryApi';
export type {
  ServiceRegistryApi,
  RegistryRequestOptions,
  ServiceRegistryCallOptions,
  GraphRequestOptions,
  ImpactRequestOptions,
  FindingsRequestOptions,
  DatedRequestOptions,
  DeprecationsRequestOptions,
  SlaOverviewRequestOptions,
  PendingChangesRequestOptions,
} from './ServiceRegistryApi';
export { ServiceRegistryClient } from './ServiceRegistryClient';
export type * from './types';
