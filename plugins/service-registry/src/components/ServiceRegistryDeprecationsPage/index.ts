export { ServiceRegistryDeprecationsPage } from './ServiceRegistryDeprecationsPage';
export type { ServiceRegistryDeprecationsPageProps } from './ServiceRegistryDeprecationsPage';
