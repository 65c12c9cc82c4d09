export { ServiceRegistryPendingChangesPage } from './ServiceRegistryPendingChangesPage';
export type { ServiceRegistryPendingChangesPageProps } from './ServiceRegistryPendingChangesPage';
