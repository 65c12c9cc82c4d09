/**
 * Frontend plugin for the TOML service registry.
 *
 * @packageDocumentation
 */
export {
  serviceRegistryPlugin,
  ServiceRegistryTopologyPage,
  EntityServiceTopologyCard,
  ServiceRegistryDeprecationsPage,
  ServiceRegistrySlaPage,
  ServiceRegistryFindingsPage,
  ServiceRegistryPendingChangesPage,
  EntityServiceSlaCard,
  EntityServiceMigrationCard,
  EntityDeprecatedDependenciesWarning,
  EntityServiceRegistryFindingsCard,
  EntityServiceRegistryCard,
  EntitySystemServiceRegistryCard,
  ServiceRegistryNewServiceIdFieldExtension,
  ServiceRegistryServiceFactsFieldExtension,
  ServiceRegistryProjectFieldExtension,
  ServiceRegistryDependencyWarningsFieldExtension,
} from './plugin';
export type { ServiceFactsFieldOptions } from './components/ServiceFactsField';
export type { NewServiceIdFieldOptions } from './components/NewServiceIdField';
export type { ProjectFieldOptions } from './components/ProjectField';
export type { DependencyWarningsFieldOptions } from './components/DependencyWarningsField';
export {
  rootRouteRef as serviceRegistryRootRouteRef,
  deprecationsRouteRef as serviceRegistryDeprecationsRouteRef,
  slaRouteRef as serviceRegistrySlaRouteRef,
  findingsRouteRef as serviceRegistryFindingsRouteRef,
  pendingChangesRouteRef as serviceRegistryPendingChangesRouteRef,
  createFromTemplateRouteRef as serviceRegistryCreateFromTemplateRouteRef,
} from './routes';
export {
  isServiceRegistryProject,
  isServiceRegistryService,
} from './conditions';
export { isServiceRegistryDeprecated } from './components/EntityServiceMigrationCard/conditions';
export { BurnDownChart } from './components/BurnDownChart';
export type { BurnDownChartProps } from './components/BurnDownChart';
export { DeprecationTimeline } from './components/DeprecationTimeline';
export type { DeprecationTimelineProps } from './components/DeprecationTimeline';
export type { EntityServiceSlaCardProps } from './components/EntityServiceSlaCard';
export type { ServiceRegistrySlaPageProps } from './components/ServiceRegistrySlaPage';
export type { EntityServiceMigrationCardProps } from './components/EntityServiceMigrationCard';
export type { EntityDeprecatedDependenciesWarningProps } from './components/EntityDeprecatedDependenciesWarning';
export type { ServiceRegistryDeprecationsPageProps } from './components/ServiceRegistryDeprecationsPage';
export type { EntityServiceRegistryFindingsCardProps } from './components/EntityServiceRegistryFindingsCard';
export type { EntityServiceRegistryCardProps } from './components/EntityServiceRegistryCard';
export type { EntitySystemServiceRegistryCardProps } from './components/EntitySystemServiceRegistryCard';
export type { ServiceRegistryFindingsPageProps } from './components/ServiceRegistryFindingsPage';
export type { ServiceRegistryPendingChangesPageProps } from './components/ServiceRegistryPendingChangesPage';
export * from './api';
export type { EntityServiceTopologyCardProps } from './components/EntityServiceTopologyCard';
export type { ServiceRegistryTopologyPageProps } from './components/ServiceRegistryTopologyPage';
