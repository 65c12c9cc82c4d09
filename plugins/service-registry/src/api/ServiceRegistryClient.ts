import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ImpactRequestOptions,
  RegistryRequestOptions,
  ServiceRegistryApi,
} from './ServiceRegistryApi';
import { ImpactReport, RegistryGraph } from './types';

/**
 * Talks to the service-registry backend plugin (`/api/service-registry`) with the user's
 * credentials.
 *
 * @public
 */
export class ServiceRegistryClient implements ServiceRegistryApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getGraph(options?: RegistryRequestOptions): Promise<RegistryGraph> {
    return this.get<RegistryGraph>('/graph', {
      registry: options?.registry,
    });
  }

  async getImpact(
    service: string,
    options?: ImpactRequestOptions,
  ): Promise<ImpactReport> {
    return this.get<ImpactReport>(`/impact/${encodeURIComponent(service)}`, {
      registry: options?.registry,
      includeOptional:
        options?.includeOptional === undefined
          ? undefined
          : String(options.includeOptional),
      maxDepth:
        options?.maxDepth === undefined ? undefined : String(options.maxDepth),
    });
  }

  private async get<T>(
    path: string,
    query: Record<string, string | undefined>,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('service-registry');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, value);
    }
    const search = params.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
