import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import serviceRegistryFrontendPlugin, {
  serviceRegistryApi,
  entityServiceMigrationCard,
  entityServiceRegistryCard,
  entityServiceTopologyCard,
  entityServiceTopologyContent,
  entitySystemServiceRegistryCard,
} from './alpha';
import { serviceRegistryApiRef, ServiceRegistryClient } from './api';
import { deprecationsResponse } from './testUtils/deprecationFixture';
import { mockServiceRegistryApi } from './testUtils/mockServiceRegistryApi';

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

  it('names its extensions as the README tells adopters to configure them', () => {
    for (const id of [
      'api:service-registry',
      'page:service-registry',
      'page:service-registry/deprecations',
      'page:service-registry/sla',
      'page:service-registry/findings',
      'entity-card:service-registry/summary',
      'entity-card:service-registry/project-summary',
      'entity-card:service-registry/topology',
      'entity-card:service-registry/sla',
      'entity-card:service-registry/migration',
      'entity-card:service-registry/findings',
      'entity-card:service-registry/deprecated-dependencies',
      'entity-content:service-registry/topology',
    ] as const) {
      expect(serviceRegistryFrontendPlugin.getExtension(id)).toBeDefined();
    }
  });
});
