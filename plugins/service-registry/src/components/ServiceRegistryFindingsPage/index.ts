export { ServiceRegistryFindingsPage } from './ServiceRegistryFindingsPage';
export type { ServiceRegistryFindingsPageProps } from './ServiceRegistryFindingsPage';
