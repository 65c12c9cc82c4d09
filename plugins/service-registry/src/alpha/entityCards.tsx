import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isServiceRegistryDeprecated } from '../components/EntityServiceMigrationCard/conditions';
import {
  isServiceRegistryProject,
  isServiceRegistryService,
} from '../conditions';
import { sharedSystemConfigSchema } from './sharedSystemConfigSchema';

/**
 * Entity card: what the registry declares for the service (version, status, tier, port, project),
 * its dependencies checked against their providers, its consumers, its findings count and the
 * buttons to the change and deprecation templates (with the plugin's `createFromTemplate`
 * external route bound). Shown on the services the registry declares.
 *
 * @alpha
 */
export const entityServiceRegistryCard = EntityCardBlueprint.make({
  name: 'summary',
  params: {
    type: 'content',
    filter: isServiceRegistryService,
    loader: () =>
      import('../components/EntityServiceRegistryCard').then(m =>
        compatWrapper(<m.EntityServiceRegistryCard />),
      ),
  },
});

/**
 * Entity card for a System: what the registry knows about the project (facts, services, overrides
 * of global services, the projects it depends on and those that use it, findings and SLA
 * compliance); on the shared System, the global services. Shown on the Systems the registry's
 * provider ingested.
 *
 * Config: `sharedSystem`, the name of the System the provider gives the global services (its
 * `catalog.providers.serviceRegistry.<id>.sharedSystem` option), default `shared`; the card's
 * `sharedSystem` prop in the legacy app.
 *
 * @alpha
 */
export const entitySystemServiceRegistryCard =
  EntityCardBlueprint.makeWithOverrides({
    name: 'project-summary',
    configSchema: {
      sharedSystem: sharedSystemConfigSchema,
    },
    factory(originalFactory, { config }) {
      const { sharedSystem } = config;
      return originalFactory({
        type: 'content',
        filter: isServiceRegistryProject,
        loader: () =>
          import('../components/EntitySystemServiceRegistryCard').then(m =>
            compatWrapper(
              <m.EntitySystemServiceRegistryCard sharedSystem={sharedSystem} />,
            ),
          ),
      });
    },
  });

/**
 * Entity card: the service's upstream and downstream dependencies. Shown on the services the
 * registry declares.
 *
 * @alpha
 */
export const entityServiceTopologyCard = EntityCardBlueprint.make({
  name: 'topology',
  params: {
    type: 'content',
    filter: isServiceRegistryService,
    loader: () =>
      import('../components/EntityServiceTopologyCard').then(m =>
        compatWrapper(<m.EntityServiceTopologyCard />),
      ),
  },
});

/**
 * Entity card: the service's declared SLA next to its tier's policy.
 *
 * @alpha
 */
export const entityServiceSlaCard = EntityCardBlueprint.make({
  name: 'sla',
  params: {
    type: 'content',
    filter: isServiceRegistryService,
    loader: () =>
      import('../components/EntityServiceSlaCard').then(m =>
        compatWrapper(<m.EntityServiceSlaCard />),
      ),
  },
});

/**
 * Entity card: the migration away from a deprecated service. Shown on deprecated services only.
 *
 * @alpha
 */
export const entityServiceMigrationCard = EntityCardBlueprint.make({
  name: 'migration',
  params: {
    type: 'content',
    filter: isServiceRegistryDeprecated,
    loader: () =>
      import('../components/EntityServiceMigrationCard').then(m =>
        compatWrapper(<m.EntityServiceMigrationCard />),
      ),
  },
});

/**
 * Entity card: the registry's validation findings for the service.
 *
 * @alpha
 */
export const entityServiceRegistryFindingsCard = EntityCardBlueprint.make({
  name: 'findings',
  params: {
    type: 'content',
    filter: isServiceRegistryService,
    loader: () =>
      import('../components/EntityServiceRegistryFindingsCard').then(m =>
        compatWrapper(<m.EntityServiceRegistryFindingsCard />),
      ),
  },
});

/**
 * Entity card: the warning that the service depends on deprecated or retired services (it renders
 * nothing when it does not).
 *
 * @alpha
 */
export const entityDeprecatedDependenciesWarning = EntityCardBlueprint.make({
  name: 'deprecated-dependencies',
  params: {
    type: 'info',
    filter: isServiceRegistryService,
    loader: () =>
      import('../components/EntityDeprecatedDependenciesWarning').then(m =>
        compatWrapper(<m.EntityDeprecatedDependenciesWarning />),
      ),
  },
});
