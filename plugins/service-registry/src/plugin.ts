import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { serviceRegistryApiRef } from './api/ServiceRegistryApi';
import {
  NewServiceIdField,
  NewServiceIdFieldOptions,
  validateNewServiceField,
} from './components/NewServiceIdField';
import {
  ServiceFactsField,
  ServiceFactsFieldOptions,
} from './components/ServiceFactsField';
import {
  DependencyWarningsField,
  DependencyWarningsFieldOptions,
} from './components/DependencyWarningsField';
import {
  ProjectField,
  ProjectFieldOptions,
  validateProjectField,
} from './components/ProjectField';
import type { ServiceRegistryTopologyPageProps } from './components/ServiceRegistryTopologyPage';
import type { EntityServiceTopologyCardProps } from './components/EntityServiceTopologyCard';
import type { ServiceRegistryDeprecationsPageProps } from './components/ServiceRegistryDeprecationsPage';
import type { ServiceRegistrySlaPageProps } from './components/ServiceRegistrySlaPage';
import type { ServiceRegistryFindingsPageProps } from './components/ServiceRegistryFindingsPage';
import type { ServiceRegistryPendingChangesPageProps } from './components/ServiceRegistryPendingChangesPage';
import type { EntityServiceSlaCardProps } from './components/EntityServiceSlaCard';
import type { EntityServiceMigrationCardProps } from './components/EntityServiceMigrationCard';
import type { EntityDeprecatedDependenciesWarningProps } from './components/EntityDeprecatedDependenciesWarning';
import type { EntityServiceRegistryFindingsCardProps } from './components/EntityServiceRegistryFindingsCard';
import type { EntityServiceRegistryCardProps } from './components/EntityServiceRegistryCard';
import type { EntitySystemServiceRegistryCardProps } from './components/EntitySystemServiceRegistryCard';
import { ServiceRegistryClient } from './api/ServiceRegistryClient';
import {
  createFromTemplateRouteRef,
  deprecationsRouteRef,
  findingsRouteRef,
  pendingChangesRouteRef,
  rootRouteRef,
  slaRouteRef,
} from './routes';

/**
 * The service-registry frontend plugin: topology, SLA, deprecation and findings views.
 *
 * @public
 */
export const serviceRegistryPlugin = createPlugin({
  id: 'service-registry',
  apis: [
    createApiFactory({
      api: serviceRegistryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ServiceRegistryClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    deprecations: deprecationsRouteRef,
    sla: slaRouteRef,
    findings: findingsRouteRef,
    pendingChanges: pendingChangesRouteRef,
  },
  externalRoutes: {
    createFromTemplate: createFromTemplateRouteRef,
  },
});

/**
 * The portal-wide dependency map of the registry (mount it at `/service-registry`).
 *
 * @public
 */
export const ServiceRegistryTopologyPage: (
  props: ServiceRegistryTopologyPageProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createRoutableExtension({
    name: 'ServiceRegistryTopologyPage',
    component: () =>
      import('./components/ServiceRegistryTopologyPage').then(
        m => m.ServiceRegistryTopologyPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Entity card: upstream and downstream dependencies of the current service.
 *
 * @public
 */
export const EntityServiceTopologyCard: (
  props: EntityServiceTopologyCardProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceTopologyCard',
    component: {
      lazy: () =>
        import('./components/EntityServiceTopologyCard').then(
          m => m.EntityServiceTopologyCard,
        ),
    },
  }),
);

/**
 * Every deprecated service with its migration: status, consumers, effort, a timeline and burn-downs (mount it at `/service-registry/deprecations`).
 *
 * @public
 */
export const ServiceRegistryDeprecationsPage: (
  props: ServiceRegistryDeprecationsPageProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createRoutableExtension({
    name: 'ServiceRegistryDeprecationsPage',
    component: () =>
      import('./components/ServiceRegistryDeprecationsPage').then(
        m => m.ServiceRegistryDeprecationsPage,
      ),
    mountPoint: deprecationsRouteRef,
  }),
);

/**
 * Every service's declared SLA against its tier policy, by tier, with counts per project (mount it at `/service-registry/sla`).
 *
 * @public
 */
export const ServiceRegistrySlaPage: (
  props: ServiceRegistrySlaPageProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createRoutableExtension({
    name: 'ServiceRegistrySlaPage',
    component: () =>
      import('./components/ServiceRegistrySlaPage').then(
        m => m.ServiceRegistrySlaPage,
      ),
    mountPoint: slaRouteRef,
  }),
);

/**
 * Every validation finding of the registry, filterable by severity, project and owner (mount it at `/service-registry/findings`).
 *
 * @public
 */
export const ServiceRegistryFindingsPage: (
  props: ServiceRegistryFindingsPageProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createRoutableExtension({
    name: 'ServiceRegistryFindingsPage',
    component: () =>
      import('./components/ServiceRegistryFindingsPage').then(
        m => m.ServiceRegistryFindingsPage,
      ),
    mountPoint: findingsRouteRef,
  }),
);

/**
 * Entity card: the service's declared SLA next to its tier's policy, with the gaps and the allowed downtime.
 *
 * @public
 */
export const EntityServiceSlaCard: (
  props: EntityServiceSlaCardProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceSlaCard',
    component: {
      lazy: () =>
        import('./components/EntityServiceSlaCard').then(
          m => m.EntityServiceSlaCard,
        ),
    },
  }),
);

/**
 * Entity card for a deprecated service: dates, replacement, remaining consumers, effort, status and burn-down.
 *
 * @public
 */
export const EntityServiceMigrationCard: (
  props: EntityServiceMigrationCardProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceMigrationCard',
    component: {
      lazy: () =>
        import('./components/EntityServiceMigrationCard').then(
          m => m.EntityServiceMigrationCard,
        ),
    },
  }),
);

/**
 * Entity banner: warns when the service depends on deprecated or retired services; renders nothing otherwise.
 *
 * @public
 */
export const EntityDeprecatedDependenciesWarning: (
  props: EntityDeprecatedDependenciesWarningProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createComponentExtension({
    name: 'EntityDeprecatedDependenciesWarning',
    component: {
      lazy: () =>
        import('./components/EntityDeprecatedDependenciesWarning').then(
          m => m.EntityDeprecatedDependenciesWarning,
        ),
    },
  }),
);

/**
 * The registry's pending changes: the branches of its repository not merged yet, with what each
 * adds, changes, removes and breaks (mount it at `/service-registry/pending-changes`; the backend
 * reads them from `serviceRegistry.pendingChanges`).
 *
 * @public
 */
export const ServiceRegistryPendingChangesPage: (
  props: ServiceRegistryPendingChangesPageProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createRoutableExtension({
    name: 'ServiceRegistryPendingChangesPage',
    component: () =>
      import('./components/ServiceRegistryPendingChangesPage').then(
        m => m.ServiceRegistryPendingChangesPage,
      ),
    mountPoint: pendingChangesRouteRef,
  }),
);

/**
 * Entity card: the registry's validation findings for the service, with links to the TOML lines.
 *
 * @public
 */
export const EntityServiceRegistryFindingsCard: (
  props: EntityServiceRegistryFindingsCardProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceRegistryFindingsCard',
    component: {
      lazy: () =>
        import('./components/EntityServiceRegistryFindingsCard').then(
          m => m.EntityServiceRegistryFindingsCard,
        ),
    },
  }),
);

/**
 * Entity card: what the service registry declares for the service (version, status, tier, port,
 * project, owner, where it is declared), its dependencies with their ranges checked against each
 * provider, its consumers, its findings count, and buttons to the change and deprecation
 * templates.
 *
 * @public
 */
export const EntityServiceRegistryCard: (
  props: EntityServiceRegistryCardProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createComponentExtension({
    name: 'EntityServiceRegistryCard',
    component: {
      lazy: () =>
        import('./components/EntityServiceRegistryCard').then(
          m => m.EntityServiceRegistryCard,
        ),
    },
  }),
);

/**
 * Entity card for a System: what the service registry knows about the project (facts, its services
 * with status, version, tier and findings, the global services it overrides, the projects it
 * depends on and those that use it, its findings and SLA compliance); on the shared System, the
 * same for the global services.
 *
 * @public
 */
export const EntitySystemServiceRegistryCard: (
  props: EntitySystemServiceRegistryCardProps,
) => JSX.Element | null = serviceRegistryPlugin.provide(
  createComponentExtension({
    name: 'EntitySystemServiceRegistryCard',
    component: {
      lazy: () =>
        import('./components/EntitySystemServiceRegistryCard').then(
          m => m.EntitySystemServiceRegistryCard,
        ),
    },
  }),
);

/**
 * Scaffolder form field `ServiceRegistryNewServiceId`: the id of a new service, checked when the
 * form moves on. It must be a registry id (lowercase letters, digits and `-`, starting and ending
 * with a letter or digit, at most 63 characters) that the registry does not declare yet
 * (`ui:options.registry` names the registry, else the backend's default) and that no Component of
 * the catalog has. When the registry or the catalog cannot be asked, the form goes on: the
 * scaffolder action checks the registry it changes again. Put it inside
 * `<ScaffolderFieldExtensions>` of the `/create` route.
 *
 * @public
 */
export const ServiceRegistryNewServiceIdFieldExtension =
  serviceRegistryPlugin.provide(
    createScaffolderFieldExtension<string, NewServiceIdFieldOptions>({
      name: 'ServiceRegistryNewServiceId',
      component: NewServiceIdField,
      validation: validateNewServiceField,
    }),
  );

/**
 * Scaffolder form field `ServiceRegistryServiceFacts`, read-only (`type: 'null'`): what the
 * registry says now about the service another field of the form picked (`ui:options.serviceField`,
 * default `service`; an entity ref, read through its Component's annotations, or a registry id):
 * version, status, tier, port, owner and the rest, and where it is declared. The update-service and
 * deprecate-service templates show it above the fields to change. Put it inside
 * `<ScaffolderFieldExtensions>` of the `/create` route.
 *
 * @public
 */
export const ServiceRegistryServiceFactsFieldExtension =
  serviceRegistryPlugin.provide(
    createScaffolderFieldExtension<null, ServiceFactsFieldOptions>({
      name: 'ServiceRegistryServiceFacts',
      component: ServiceFactsField,
    }),
  );

/**
 * Scaffolder form field `ServiceRegistryProject`: the project of a new service, picked from the
 * registry's projects (the catalog's Systems that stand for them; a picked one gives its System's
 * ref) or typed as the id of a new one. When the form moves on it is checked with the registry
 * (`ui:options.registry`, else the backend's default): a project id, not the word `global`, and a
 * project the registry has, unless the form's boolean field `ui:options.createProjectField`
 * (default `createProject`) is ticked. When the registry cannot be asked, the form goes on: the
 * scaffolder action checks again. Put it inside `<ScaffolderFieldExtensions>` of the `/create`
 * route.
 *
 * @public
 */
export const ServiceRegistryProjectFieldExtension =
  serviceRegistryPlugin.provide(
    createScaffolderFieldExtension<string, ProjectFieldOptions>({
      name: 'ServiceRegistryProject',
      component: ProjectField,
      validation: validateProjectField,
    }),
  );

/**
 * Scaffolder form field `ServiceRegistryDependencyWarnings`, read-only (`type: 'null'`): while the
 * dependencies are picked, a warning about those the registry has deprecated, each with its sunset
 * date and its replacement, read through their Components' annotations. It reads the fields that
 * `ui:options.dependencyFields` names (default `dependencies` and `optionalDependencies`) and
 * renders nothing when none is deprecated. Put it inside `<ScaffolderFieldExtensions>` of the
 * `/create` route.
 *
 * @public
 */
export const ServiceRegistryDependencyWarningsFieldExtension =
  serviceRegistryPlugin.provide(
    createScaffolderFieldExtension<null, DependencyWarningsFieldOptions>({
      name: 'ServiceRegistryDependencyWarnings',
      component: DependencyWarningsField,
    }),
  );
