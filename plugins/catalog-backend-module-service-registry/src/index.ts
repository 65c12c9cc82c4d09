/**
 * The service-registry entity provider module for the catalog backend: ingests TOML service
 * registries as Components, Systems and Groups, guarded so that bad input never loses entities.
 *
 * @packageDocumentation
 */
export { catalogModuleServiceRegistryEntityProvider as default } from './module';
export {
  serviceRegistryEntityProviderExtensionPoint,
  type ServiceRegistryEntityProviderExtensionPoint,
} from './extensions';
export {
  ServiceRegistryEntityProvider,
  ANNOTATION_INGESTION_STATE,
  ANNOTATION_INGESTION_SUMMARY,
  type ServiceRegistryEntityTransformer,
  type ServiceRegistryEntityTransformerContext,
  type ServiceRegistryRefreshResult,
  type ServiceRegistryEntityProviderOptions,
} from './providers/ServiceRegistryEntityProvider';
export { createServiceRegistryEntityProviders } from './providers/createServiceRegistryEntityProviders';
export {
  readServiceRegistryProviderConfigs,
  type ServiceRegistryEntityProviderConfig,
} from './providers/ServiceRegistryEntityProviderConfig';
export type { ProviderRunStatus } from './database/ProviderStateStore';
export type { ServiceRegistryRunMetrics } from './lib/runMetrics';
export { ProviderStateStore } from './database/ProviderStateStore';
export {
  createRegistrySource,
  type RegistrySource,
  type RegistryReadResult,
} from './providers/RegistrySource';
export {
  ANNOTATION_REGISTRY_TYPE,
  type FileLocation,
} from './lib/mapRegistryToEntities';
