import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeprecatedDependenciesResponse,
  DeprecationDetailResponse,
  DeprecationsResponse,
  DeprecationStatus,
  FindingSeverity,
  FindingsResponse,
  ImpactResponse,
  PendingChangesResponse,
  ProjectSummaryResponse,
  RegistryGraph,
  ReminderResponse,
  ReminderStatusResponse,
  ServiceSummaryResponse,
  ServiceTier,
  SlaOverviewResponse,
  SlaServiceResponse,
} from './types';

/**
 * Options shared by the requests of {@link ServiceRegistryApi}.
 *
 * @public
 */
export interface RegistryRequestOptions {
  /**
   * The registry (catalog provider) id. Absent, the backend answers its only registry (whatever
   * its key), or `default` among several.
   */
  registry?: string;
}

/**
 * How a call of {@link ServiceRegistryApi} runs, the last argument of every method.
 *
 * @public
 */
export interface ServiceRegistryCallOptions {
  /**
   * Cancels the call: the request in flight is aborted, and while the backend answers 503 (no
   * snapshot of the registry yet) no further wait or request is made. The call then rejects with
   * the signal's reason, a `DOMException` named `AbortError` for a plain `abort()`. Pass one
   * aborted when the component that asked unmounts or asks for something else.
   */
  signal?: AbortSignal;
}

/**
 * Options of {@link ServiceRegistryApi.getGraph}.
 *
 * @public
 */
export interface GraphRequestOptions extends RegistryRequestOptions {
  /**
   * Only the neighbourhood of this service (`service=`): the services within `depth` hops of it,
   * what it depends on and what depends on it, with the edges between them and the cycles through
   * them, as the service topology card draws it. Absent, the whole graph. The backend answers 404
   * for a service the registry neither declares nor depends on.
   */
  service?: string;
  /** The hops of the neighbourhood of `service`, 1 to 5 (default 2; `depth=`). Needs `service`. */
  depth?: number;
}

/**
 * Options of {@link ServiceRegistryApi.getImpact}.
 *
 * @public
 */
export interface ImpactRequestOptions extends RegistryRequestOptions {
  /** Follow optional dependencies too (default false). */
  includeOptional?: boolean;
  /** Stop after this many hops (default: no limit). */
  maxDepth?: number;
}

/**
 * Options of {@link ServiceRegistryApi.getFindings}.
 *
 * @public
 */
export interface FindingsRequestOptions extends RegistryRequestOptions {
  /** Only findings of this service. */
  service?: string;
  /** Only findings of this project (or of its services). */
  project?: string;
  /** Only findings of services with this owner. */
  owner?: string;
  /** Only findings of this severity. */
  severity?: FindingSeverity;
  /** Only findings of this registry file (relative to the registry root). */
  file?: string;
}

/**
 * Options of the requests that count days from a day ({@link ServiceRegistryApi.getDeprecations}
 * and friends).
 *
 * @public
 */
export interface DatedRequestOptions extends RegistryRequestOptions {
  /** The day days are counted from, `YYYY-MM-DD` (default: the backend's today, UTC). */
  today?: string;
}

/**
 * Options of {@link ServiceRegistryApi.getPendingChanges}.
 *
 * @public
 */
export interface PendingChangesRequestOptions extends RegistryRequestOptions {
  /** The day findings count lifecycle days from, `YYYY-MM-DD` (default: the backend's today, UTC). */
  today?: string;
}

/**
 * Options of {@link ServiceRegistryApi.getDeprecations}.
 *
 * @public
 */
export interface DeprecationsRequestOptions extends DatedRequestOptions {
  /** Only deprecations of, or consumed by, this project (`GLOBAL_PROJECT_ID`, `:global`, for the global services). */
  project?: string;
  /** Only deprecations owned by this owner. */
  owner?: string;
  /** Only deprecations in this status. */
  status?: DeprecationStatus;
}

/**
 * Options of {@link ServiceRegistryApi.getSlaOverview}.
 *
 * @public
 */
export interface SlaOverviewRequestOptions extends RegistryRequestOptions {
  /** Only services of this project (`GLOBAL_PROJECT_ID`, `:global`, for the global services). */
  project?: string;
  /** Only services of this effective tier. */
  tier?: ServiceTier;
  /** Only services with this owner. */
  owner?: string;
}

/**
 * Client of the service-registry backend. Every method takes, last, the
 * {@link ServiceRegistryCallOptions} of the call (an `AbortSignal` to cancel it).
 *
 * @public
 */
export interface ServiceRegistryApi {
  /**
   * The dependency graph of a registry (`GET /graph`): the whole graph, or with `service` only
   * the neighbourhood of that service to `depth` hops, in the same shape.
   */
  getGraph(
    options?: GraphRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<RegistryGraph>;
  /** Everything that depends, directly or transitively, on a service. */
  getImpact(
    service: string,
    options?: ImpactRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ImpactResponse>;
  /** Validation findings of the registry, filtered. */
  getFindings(
    options?: FindingsRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<FindingsResponse>;
  /** Every deprecated or retired service with its migration numbers. */
  getDeprecations(
    options?: DeprecationsRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<DeprecationsResponse>;
  /** The migration record of one deprecated service with its burn-down. */
  getDeprecation(
    service: string,
    options?: DatedRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<DeprecationDetailResponse>;
  /** The deprecated and retired services a consumer depends on. */
  getDeprecatedDependencies(
    service: string,
    options?: DatedRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<DeprecatedDependenciesResponse>;
  /** SLA declarations of every service against their tier policy. */
  getSlaOverview(
    options?: SlaOverviewRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<SlaOverviewResponse>;
  /** One service's SLA next to its effective tier's policy. */
  getServiceSla(
    service: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<SlaServiceResponse>;
  /**
   * The last reminder of a deprecated service's consumers and whether one can be sent now;
   * undefined when reminders are unavailable (the portal's backend has no notifications module,
   * or the service is not deprecated).
   */
  getReminderStatus(
    service: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ReminderStatusResponse | undefined>;
  /** Reminds the owners of a deprecated service's consumers now (once a day). */
  remindConsumers(
    service: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ReminderResponse>;
  /**
   * What the registry declares for one service: its facts, its dependencies checked against what
   * each provider is, its consumers and its findings counted. Rejects with a `ResponseError` of
   * status 404 (`NotFoundError`) when the registry does not declare the service.
   */
  getServiceSummary(
    service: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ServiceSummaryResponse>;
  /**
   * What the registry knows about one project: its facts, its services, the global services it
   * overrides, its dependencies on other projects and the global services, its consumers in other
   * projects, its findings and SLA compliance counted. `project` is a project id, or
   * `GLOBAL_PROJECT_ID` (`:global`) for the global services. Rejects with a `ResponseError` of
   * status 404 (`NotFoundError`) when the registry has no such project.
   */
  getProjectSummary(
    project: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ProjectSummaryResponse>;
  /**
   * The registry's pending changes: the branches of its repository not merged yet, each with what
   * it changes and breaks. Rejects with a `ResponseError` of status 404 (`NotFoundError`) when the
   * backend has no repository configured for the registry (`serviceRegistry.pendingChanges`), and
   * of status 503 when it cannot read it.
   */
  getPendingChanges(
    options?: PendingChangesRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<PendingChangesResponse>;
}

/**
 * Reference of the {@link ServiceRegistryApi}.
 *
 * @public
 */
export const serviceRegistryApiRef = createApiRef<ServiceRegistryApi>({
  id: 'plugin.service-registry.service',
});
