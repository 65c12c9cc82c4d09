import { createApiRef } from '@backstage/core-plugin-api';
import { ImpactReport, RegistryGraph } from './types';

/**
 * Options shared by the requests of {@link ServiceRegistryApi}.
 *
 * @public
 */
export interface RegistryRequestOptions {
  /** The registry (catalog provider) id; defaults to `default`. */
  registry?: string;
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
 * Client of the service-registry backend.
 *
 * @public
 */
export interface ServiceRegistryApi {
  /** The whole dependency graph of a registry. */
  getGraph(options?: RegistryRequestOptions): Promise<RegistryGraph>;
  /** Everything that depends, directly or transitively, on a service. */
  getImpact(
    service: string,
    options?: ImpactRequestOptions,
  ): Promise<ImpactReport>;
}

/**
 * Reference of the {@link ServiceRegistryApi}.
 *
 * @public
 */
export const serviceRegistryApiRef = createApiRef<ServiceRegistryApi>({
  id: 'plugin.service-registry.service',
});
