import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  createFromTemplateRouteRef,
  deprecationsRouteRef,
  findingsRouteRef,
  pendingChangesRouteRef,
  rootRouteRef,
  slaRouteRef,
} from '../routes';
import { serviceRegistryApi } from './apis';
import {
  entityDeprecatedDependenciesWarning,
  entityServiceMigrationCard,
  entityServiceRegistryCard,
  entityServiceRegistryFindingsCard,
  entityServiceSlaCard,
  entityServiceTopologyCard,
  entitySystemServiceRegistryCard,
} from './entityCards';
import { entityServiceTopologyContent } from './entityContent';
import {
  serviceRegistryNewServiceIdFormField,
  serviceRegistryServiceFactsFormField,
  serviceRegistryProjectFormField,
  serviceRegistryDependencyWarningsFormField,
} from './formFields';
import {
  serviceRegistryDeprecationsPage,
  serviceRegistryFindingsPage,
  serviceRegistryPendingChangesPage,
  serviceRegistrySlaPage,
  serviceRegistryTopologyPage,
} from './pages';

/**
 * The service-registry plugin for Backstage's new frontend system: its API, the four pages
 * (topology, deprecations, SLAs, findings) with their navigation items, the entity cards and the
 * entity page's Topology tab, and the scaffolder form fields `ServiceRegistryNewServiceId`,
 * `ServiceRegistryProject`, `ServiceRegistryServiceFacts` and `ServiceRegistryDependencyWarnings`. Each extension can be configured, moved or disabled in
 * `app.extensions`. Bind its `createFromTemplate` external route to the scaffolder's
 * `selectedTemplate` route for the registry card's template buttons.
 *
 * @alpha
 */
export const serviceRegistryFrontendPlugin = createFrontendPlugin({
  pluginId: 'service-registry',
  title: 'Service registry',
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    deprecations: deprecationsRouteRef,
    sla: slaRouteRef,
    findings: findingsRouteRef,
    pendingChanges: pendingChangesRouteRef,
  }),
  externalRoutes: convertLegacyRouteRefs({
    createFromTemplate: createFromTemplateRouteRef,
  }),
  extensions: [
    serviceRegistryApi,
    serviceRegistryTopologyPage,
    serviceRegistryDeprecationsPage,
    serviceRegistrySlaPage,
    serviceRegistryFindingsPage,
    serviceRegistryPendingChangesPage,
    entityServiceRegistryCard,
    entitySystemServiceRegistryCard,
    entityServiceTopologyCard,
    entityServiceSlaCard,
    entityServiceMigrationCard,
    entityServiceRegistryFindingsCard,
    entityDeprecatedDependenciesWarning,
    entityServiceTopologyContent,
    serviceRegistryNewServiceIdFormField,
    serviceRegistryServiceFactsFormField,
    serviceRegistryProjectFormField,
    serviceRegistryDependencyWarningsFormField,
  ],
});
