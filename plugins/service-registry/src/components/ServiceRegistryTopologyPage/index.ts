export { ServiceRegistryTopologyPage } from './ServiceRegistryTopologyPage';
export type { ServiceRegistryTopologyPageProps } from './ServiceRegistryTopologyPage';
