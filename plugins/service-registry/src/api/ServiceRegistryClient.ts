import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DatedRequestOptions,
  DeprecationsRequestOptions,
  FindingsRequestOptions,
  GraphRequestOptions,
  ImpactRequestOptions,
  RegistryRequestOptions,
  ServiceRegistryApi,
  ServiceRegistryCallOptions,
  SlaOverviewRequestOptions,
  PendingChangesRequestOptions,
} from './ServiceRegistryApi';
import {
  DeprecatedDependenciesResponse,
  DeprecationDetailResponse,
  DeprecationsResponse,
  FindingsResponse,
  ImpactResponse,
  PendingChangesResponse,
  ProjectSummaryResponse,
  RegistryGraph,
  ReminderResponse,
  ReminderStatusResponse,
  ServiceSummaryResponse,
  SlaOverviewResponse,
  SlaServiceResponse,
} from './types';
import { abortableDelay, throwIfAborted } from './abortable';

const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

/**
 * Talks to the service-registry backend plugin (`/api/service-registry`) with the user's
 * credentials. A read the backend answers with 503 (a registry not ingested yet since it
 * started) is asked again a few times before the error is thrown.
 *
 * @public
 */
export class ServiceRegistryClient implements ServiceRegistryApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly retryDelaysMs: readonly number[];

  constructor(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
    /**
     * How long to wait before asking again when the backend answers 503 (a registry not
     * ingested yet since the backend started, e.g. just after a deploy): one delay per retry.
     * Default 1, 2, 4 and 8 seconds; the error is thrown after the last.
     */
    retryDelaysMs?: readonly number[];
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /** {@inheritDoc ServiceRegistryApi.getGraph} */
  async getGraph(
    options?: GraphRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<RegistryGraph> {
    return this.get<RegistryGraph>(
      '/graph',
      {
        registry: options?.registry,
        service: options?.service,
        depth: options?.depth === undefined ? undefined : String(options.depth),
      },
      call,
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getImpact} */
  async getImpact(
    service: string,
    options?: ImpactRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ImpactResponse> {
    return this.get<ImpactResponse>(
      `/impact/${encodeURIComponent(service)}`,
      {
        registry: options?.registry,
        includeOptional:
          options?.includeOptional === undefined
            ? undefined
            : String(options.includeOptional),
        maxDepth:
          options?.maxDepth === undefined
            ? undefined
            : String(options.maxDepth),
      },
      call,
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getFindings} */
  async getFindings(
    options?: FindingsRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<FindingsResponse> {
    return this.get<FindingsResponse>('/findings', { ...options }, call);
  }

  /** {@inheritDoc ServiceRegistryApi.getDeprecations} */
  async getDeprecations(
    options?: DeprecationsRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<DeprecationsResponse> {
    return this.get<DeprecationsResponse>(
      '/deprecations',
      { ...options },
      call,
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getDeprecation} */
  async getDeprecation(
    service: string,
    options?: DatedRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<DeprecationDetailResponse> {
    return this.get<DeprecationDetailResponse>(
      `/deprecations/${encodeURIComponent(service)}`,
      { ...options },
      call,
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getDeprecatedDependencies} */
  async getDeprecatedDependencies(
    service: string,
    options?: DatedRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<DeprecatedDependenciesResponse> {
    return this.get<DeprecatedDependenciesResponse>(
      `/services/${encodeURIComponent(service)}/deprecated-dependencies`,
      { ...options },
      call,
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getSlaOverview} */
  async getSlaOverview(
    options?: SlaOverviewRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<SlaOverviewResponse> {
    return this.get<SlaOverviewResponse>('/sla', { ...options }, call);
  }

  /** {@inheritDoc ServiceRegistryApi.getServiceSla} */
  async getServiceSla(
    service: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<SlaServiceResponse> {
    return this.get<SlaServiceResponse>(
      `/sla/${encodeURIComponent(service)}`,
      { ...options },
      call,
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getReminderStatus} */
  async getReminderStatus(
    service: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ReminderStatusResponse | undefined> {
    const response = await this.request(
      'GET',
      `/deprecations/${encodeURIComponent(service)}/reminders`,
      { registry: options?.registry },
      call,
    );
    // no route (the backend runs without the notifications module), or nothing to remind of
    if (response.status === 404) return undefined;
    return this.parse<ReminderStatusResponse>(response);
  }

  /** {@inheritDoc ServiceRegistryApi.remindConsumers} */
  async remindConsumers(
    service: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ReminderResponse> {
    return this.parse<ReminderResponse>(
      await this.request(
        'POST',
        `/deprecations/${encodeURIComponent(service)}/reminders`,
        { registry: options?.registry },
        call,
      ),
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getServiceSummary} */
  async getServiceSummary(
    service: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ServiceSummaryResponse> {
    return this.get<ServiceSummaryResponse>(
      `/services/${encodeURIComponent(service)}/summary`,
      { registry: options?.registry },
      call,
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getProjectSummary} */
  async getProjectSummary(
    project: string,
    options?: RegistryRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<ProjectSummaryResponse> {
    return this.get<ProjectSummaryResponse>(
      `/projects/${encodeURIComponent(project)}/summary`,
      { registry: options?.registry },
      call,
    );
  }

  /** {@inheritDoc ServiceRegistryApi.getPendingChanges} */
  async getPendingChanges(
    options?: PendingChangesRequestOptions,
    call?: ServiceRegistryCallOptions,
  ): Promise<PendingChangesResponse> {
    return this.get<PendingChangesResponse>(
      '/pending-changes',
      { registry: options?.registry, today: options?.today },
      call,
    );
  }

  private async get<T>(
    path: string,
    query: Record<string, string | undefined>,
    call: ServiceRegistryCallOptions | undefined,
  ): Promise<T> {
    return this.parse<T>(await this.request('GET', path, query, call));
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | undefined>,
    call: ServiceRegistryCallOptions | undefined,
  ): Promise<Response> {
    const signal = call?.signal;
    throwIfAborted(signal);
    const baseUrl = await this.discoveryApi.getBaseUrl('service-registry');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, value);
    }
    const search = params.toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;
    // no second argument when there is nothing to say: a plain GET stays fetch(url)
    const init: RequestInit = {
      ...(method !== 'GET' && { method }),
      ...(signal && { signal }),
    };
    const send = () => {
      throwIfAborted(signal);
      return Object.keys(init).length > 0
        ? this.fetchApi.fetch(url, init)
        : this.fetchApi.fetch(url);
    };
    if (method !== 'GET') return send();
    // Reads are asked again while the backend is not ready (503); writes are not repeated. An
    // aborted signal ends the wait at once.
    let response = await send();
    for (const delay of this.retryDelaysMs) {
      if (response.status !== 503) break;
      await abortableDelay(delay, signal);
      response = await send();
    }
    return response;
  }

  private async parse<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
