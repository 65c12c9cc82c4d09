import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import serviceRegistryFrontendPlugin, {
  serviceRegistryApi,
  entityServiceMigrationCard,
  entityServiceRegistryCard,
  entityServiceTopologyCard,
  entityServiceTopologyContent,
  entitySystemServiceRegistryCard,
  serviceRegistryNewServiceIdFormField,
  serviceRegistryServiceFactsFormField,
  serviceRegistryProjectFormField,
  serviceRegistryDependencyWarningsFormField,
} from './alpha';
import { ServiceFactsField } from './components/ServiceFactsField';
import { DependencyWarningsField } from './components/DependencyWarningsField';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  fieldErrors,
  fieldValidationContext,
} from './__testUtils__/fieldValidation';
import { serviceRegistryApiRef, ServiceRegistryClient } from './api';
import { deprecationsResponse } from './testUtils/deprecationFixture';
import { mockServiceRegistryApi } from './testUtils/mockServiceRegistryApi';
import { projectSummaryResponse } from './testUtils/projectSummaryFixture';
import { withSignal } from './testUtils/withSignal';

// a whole app around a page with a material table: slow on small CI machines
jest.setTimeout(30_000);

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments', annotations },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

/** A System as the registry's provider writes it: a project, or (without annotation) the shared System. */
function providerSystem(name: string, options: { project?: boolean } = {}) {
  const { project = true } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      annotations: {
        'service-registry.io/registry-id': 'default',
        ...(project ? { 'service-registry.io/project': name } : {}),
      },
    },
    spec: { owner: 'team' },
  } satisfies Entity;
}

/**
 * Renders the project card extension, with the extension config an adopter writes in
 * `app.extensions`, on a System; the API answers from the project fixture registry.
 */
function renderProjectCard(entity: Entity, config?: { sharedSystem?: string }) {
  const getProjectSummary = jest.fn(async (project: string) =>
    projectSummaryResponse(project),
  );
  const tester = createExtensionTester(entitySystemServiceRegistryCard, {
    config,
  });
  renderInTestApp(
    <EntityProvider entity={entity}>{tester.reactElement()}</EntityProvider>,
    {
      apis: [
        [serviceRegistryApiRef, mockServiceRegistryApi({ getProjectSummary })],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { getProjectSummary };
}

describe('service-registry in the new frontend system', () => {
  it('adds its pages to an app, each with a navigation item and one header', async () => {
    renderTestApp({
      features: [serviceRegistryFrontendPlugin],
      initialRouteEntries: ['/service-registry/deprecations'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [
          serviceRegistryApiRef,
          mockServiceRegistryApi({
            getDeprecations: async () => deprecationsResponse(),
          }),
        ],
      ],
    });
    expect(
      await screen.findByRole('heading', { name: 'Deprecated services (6)' }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('heading', { level: 1 }).map(h => h.textContent),
    ).toEqual(['Deprecations']);
    const nav = screen.getByRole('navigation');
    for (const [name, href] of [
      ['Topology', '/service-registry'],
      ['Deprecations', '/service-registry/deprecations'],
      ['SLAs', '/service-registry/sla'],
      ['Findings', '/service-registry/findings'],
      ['Pending', '/service-registry/pending-changes'],
    ]) {
      expect(within(nav).getByRole('link', { name })).toHaveAttribute(
        'href',
        href,
      );
    }
  });

  it('shows its entity cards and tab on the services the registry declares, and the migration card on deprecated ones only', () => {
    const topology = createExtensionTester(entityServiceTopologyCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    const migration = createExtensionTester(entityServiceMigrationCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    const registryCard = createExtensionTester(entityServiceRegistryCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    const declared = component({
      'service-registry.io/registry-id': 'default',
      'service-registry.io/status': 'GA',
    });
    const deprecated = component({
      'service-registry.io/registry-id': 'default',
      'service-registry.io/status': 'deprecated',
    });
    const elsewhere = component({});
    expect([declared, deprecated, elsewhere].map(topology)).toEqual([
      true,
      true,
      false,
    ]);
    expect([declared, deprecated, elsewhere].map(registryCard)).toEqual([
      true,
      true,
      false,
    ]);
    expect([declared, deprecated, elsewhere].map(migration)).toEqual([
      false,
      true,
      false,
    ]);
    // the entity page's Topology tab, on declared services only
    const tab = createExtensionTester(entityServiceTopologyContent);
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('Topology');
    const tabFilter = tab.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect([declared, deprecated, elsewhere].map(tabFilter)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('shows its project card on the Systems the registry provider ingested only', () => {
    const projectCard = createExtensionTester(
      entitySystemServiceRegistryCard,
    ).get(EntityCardBlueprint.dataRefs.filterFunction)!;
    const system = (annotations: Record<string, string>): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'shop', annotations },
      spec: { owner: 'team' },
    });
    expect(
      [
        system({
          'service-registry.io/registry-id': 'default',
          'service-registry.io/project': 'shop',
        }),
        // the shared System of the global services
        system({ 'service-registry.io/registry-id': 'default' }),
        system({}),
        component({ 'service-registry.io/registry-id': 'default' }),
      ].map(projectCard),
    ).toEqual([true, true, false, false]);
  });

  describe('the project card’s sharedSystem config', () => {
    it('shows the global services on the System its config names, for a provider with another sharedSystem', async () => {
      const { getProjectSummary } = renderProjectCard(
        providerSystem('platform', { project: false }),
        { sharedSystem: 'platform' },
      );
      expect(
        await screen.findByRole('table', {
          name: 'Services of the global services',
        }),
      ).toBeInTheDocument();
      expect(getProjectSummary).toHaveBeenCalledWith(
        GLOBAL_PROJECT_ID,
        { registry: 'default' },
        withSignal,
      );
      expect(
        screen.getByText(
          'What registry "default" knows about the global services',
        ),
      ).toBeInTheDocument();
    });

    it('then takes the System named shared for a project of that name, not for the global services', async () => {
      const { getProjectSummary } = renderProjectCard(
        providerSystem('shared', { project: false }),
        { sharedSystem: 'platform' },
      );
      expect(
        await screen.findByText('Registry "default" has no project "shared".'),
      ).toBeInTheDocument();
      expect(getProjectSummary).toHaveBeenCalledWith(
        'shared',
        { registry: 'default' },
        withSignal,
      );
      expect(getProjectSummary).not.toHaveBeenCalledWith(
        GLOBAL_PROJECT_ID,
        expect.anything(),
        withSignal,
      );
    });

    it('links a project’s dependencies on the global services to the configured System', async () => {
      renderProjectCard(providerSystem('shop'), { sharedSystem: 'platform' });
      const links = await screen.findAllByRole('link', {
        name: 'Global services',
      });
      for (const link of links) {
        expect(link).toHaveAttribute(
          'href',
          '/catalog/default/system/platform',
        );
      }
    });

    it('defaults to the provider’s default, shared', async () => {
      const { getProjectSummary } = renderProjectCard(
        providerSystem('shared', { project: false }),
      );
      expect(
        await screen.findByRole('table', {
          name: 'Services of the global services',
        }),
      ).toBeInTheDocument();
      expect(getProjectSummary).toHaveBeenCalledWith(
        GLOBAL_PROJECT_ID,
        { registry: 'default' },
        withSignal,
      );
    });

    it('keeps the card on the Systems the provider ingested when configured', () => {
      const filter = createExtensionTester(entitySystemServiceRegistryCard, {
        config: { sharedSystem: 'platform' },
      }).get(EntityCardBlueprint.dataRefs.filterFunction)!;
      expect(
        [
          providerSystem('shop'),
          providerSystem('platform', { project: false }),
          { ...providerSystem('other'), metadata: { name: 'other' } },
          component({ 'service-registry.io/registry-id': 'default' }),
        ].map(filter),
      ).toEqual([true, true, false, false]);
    });

    it('refuses a sharedSystem that is no catalog entity name', () => {
      for (const sharedSystem of ['platform team', '', 'x'.repeat(64)]) {
        expect(() =>
          createExtensionTester(entitySystemServiceRegistryCard, {
            config: { sharedSystem },
          }).get(EntityCardBlueprint.dataRefs.filterFunction),
        ).toThrow(
          /Expected the name of the System of the global services, a catalog entity name .* at 'sharedSystem'/,
        );
      }
      expect(() =>
        createExtensionTester(entitySystemServiceRegistryCard, {
          config: { sharedSystem: 42 as unknown as string },
        }).get(EntityCardBlueprint.dataRefs.filterFunction),
      ).toThrow(
        /Expected the name of the System of the global services.* at 'sharedSystem'/,
      );
    });
  });

  it('provides the backend client as the service registry API, through discovery and fetch', () => {
    const factory = createExtensionTester(serviceRegistryApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.service-registry.service');
    expect(
      Object.values(factory.deps)
        .map(ref => ref.id)
        .sort(),
    ).toEqual(['core.discovery', 'core.fetch']);
    const client = factory.factory({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/x' },
      fetchApi: { fetch },
    });
    expect(client).toBeInstanceOf(ServiceRegistryClient);
  });

  it('gives the scaffolder its form field ServiceRegistryNewServiceId, checking the id with the registry', async () => {
    const load = createExtensionTester(
      serviceRegistryNewServiceIdFormField,
    ).get(FormFieldBlueprint.dataRefs.formFieldLoader);
    const field = (await load()) as unknown as {
      name: string;
      validation: CustomFieldValidator<string>;
    };
    expect(field.name).toBe('ServiceRegistryNewServiceId');
    const added = await fieldErrors(field.validation, 'shared-auth');
    expect(added).toEqual([
      expect.stringContaining('The registry already declares "shared-auth"'),
    ]);
  });

  it('gives the scaffolder its form field ServiceRegistryProject, checking the project with the registry', async () => {
    const load = createExtensionTester(serviceRegistryProjectFormField).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    const field = (await load()) as unknown as {
      name: string;
      validation: CustomFieldValidator<string>;
    };
    expect(field.name).toBe('ServiceRegistryProject');
    const context = {
      ...fieldValidationContext(
        undefined,
        mockServiceRegistryApi({
          getProjectSummary: async (id: string) => projectSummaryResponse(id),
        }),
      ),
      formData: { scope: 'project', createProject: false },
    };
    expect(await fieldErrors(field.validation, 'shop', context)).toEqual([]);
    expect(await fieldErrors(field.validation, 'billing', context)).toEqual([
      expect.stringContaining('The registry has no project "billing" yet'),
    ]);
  });

  it('gives the scaffolder its read-only form field ServiceRegistryDependencyWarnings', async () => {
    const load = createExtensionTester(
      serviceRegistryDependencyWarningsFormField,
    ).get(FormFieldBlueprint.dataRefs.formFieldLoader);
    const field = (await load()) as unknown as {
      name: string;
      component: unknown;
    };
    expect(field.name).toBe('ServiceRegistryDependencyWarnings');
    expect(field.component).toBe(DependencyWarningsField);
  });

  it('gives the scaffolder its read-only form field ServiceRegistryServiceFacts', async () => {
    const load = createExtensionTester(
      serviceRegistryServiceFactsFormField,
    ).get(FormFieldBlueprint.dataRefs.formFieldLoader);
    const field = (await load()) as unknown as {
      name: string;
      component: unknown;
    };
    expect(field.name).toBe('ServiceRegistryServiceFacts');
    expect(field.component).toBe(ServiceFactsField);
  });

  it('names its extensions as the README tells adopters to configure them', () => {
    for (const id of [
      'api:service-registry',
      'page:service-registry',
      'page:service-registry/deprecations',
      'page:service-registry/sla',
      'page:service-registry/findings',
      'page:service-registry/pending-changes',
      'entity-card:service-registry/summary',
      'entity-card:service-registry/project-summary',
      'entity-card:service-registry/topology',
      'entity-card:service-registry/sla',
      'entity-card:service-registry/migration',
      'entity-card:service-registry/findings',
      'entity-card:service-registry/deprecated-dependencies',
      'entity-content:service-registry/topology',
      'scaffolder-form-field:service-registry/new-service-id',
      'scaffolder-form-field:service-registry/service-facts',
      'scaffolder-form-field:service-registry/project',
      'scaffolder-form-field:service-registry/dependency-warnings',
    ] as const) {
      expect(serviceRegistryFrontendPlugin.getExtension(id)).toBeDefined();
    }
  });
});
