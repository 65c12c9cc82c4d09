/**
 * The service-registry plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import { serviceRegistryFrontendPlugin } from './alpha/plugin';

export default serviceRegistryFrontendPlugin;
export { serviceRegistryApi } from './alpha/apis';
export {
  serviceRegistryTopologyPage,
  serviceRegistryDeprecationsPage,
  serviceRegistrySlaPage,
  serviceRegistryFindingsPage,
  serviceRegistryPendingChangesPage,
} from './alpha/pages';
export {
  entityServiceRegistryCard,
  entitySystemServiceRegistryCard,
  entityServiceTopologyCard,
  entityServiceSlaCard,
  entityServiceMigrationCard,
  entityServiceRegistryFindingsCard,
  entityDeprecatedDependenciesWarning,
} from './alpha/entityCards';
export { entityServiceTopologyContent } from './alpha/entityContent';
export {
  serviceRegistryNewServiceIdFormField,
  serviceRegistryServiceFactsFormField,
  serviceRegistryProjectFormField,
  serviceRegistryDependencyWarningsFormField,
} from './alpha/formFields';
