/**
 * Frontend plugin for the TOML service registry.
 *
 * @packageDocumentation
 */
export {
  serviceRegistryPlugin,
  ServiceRegistryTopologyPage,
  EntityServiceTopologyCard,
} from './plugin';
export { rootRouteRef as serviceRegistryRootRouteRef } from './routes';
export { isServiceRegistryService } from './conditions';
export * from './api';
export type { EntityServiceTopologyCardProps } from './components/EntityServiceTopologyCard';
export type { ServiceRegistryTopologyPageProps } from './components/ServiceRegistryTopologyPage';
