/*
 * The benchmark's page: one bundle, two routes rendering the same synthetic registry,
 *   /topology       ServiceRegistryTopologyPage (mocked ServiceRegistryApi)
 *   /catalog-graph  @backstage/plugin-catalog-graph's CatalogGraphPage (mocked catalog API holding
 *                   the same services as Components with dependsOn / dependencyOf relations)
 * Query: ?nodes=2000&edges=6000
 */
import { createRoot } from 'react-dom/client';
import { Route } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import {
  CatalogApi,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  CatalogGraphPage,
  catalogGraphPlugin,
} from '@backstage/plugin-catalog-graph';
import { Entity } from '@backstage/catalog-model';
import {
  serviceRegistryApiRef,
  serviceRegistryPlugin,
  ServiceRegistryTopologyPage,
  ServiceRegistryApi,
  ImpactReport,
  ImpactResponse,
} from '../../plugins/service-registry/src';
import { syntheticGraph } from './syntheticGraph';
import { mockServiceRegistryApi } from '../../plugins/service-registry/src/testUtils/mockServiceRegistryApi';

const params = new URLSearchParams(window.location.search);
const graph = syntheticGraph({
  nodes: Number(params.get('nodes') ?? 2000),
  edges: Number(params.get('edges') ?? 6000),
});

const registryApi: ServiceRegistryApi = mockServiceRegistryApi({
  async getGraph() {
    return graph;
  },
  async getImpact(service): Promise<ImpactResponse> {
    // a plain BFS over consumers: enough for the benchmark page
    const incoming = new Map<string, string[]>();
    for (const e of graph.edges) {
      if (!incoming.has(e.to)) incoming.set(e.to, []);
      incoming.get(e.to)!.push(e.from);
    }
    const depth = new Map<string, number>([[service, 0]]);
    const queue = [service];
    const services: ImpactReport['services'] = [];
    const projectOf = new Map(graph.nodes.map(n => [n.id, n.project]));
    while (queue.length) {
      const id = queue.shift()!;
      for (const from of incoming.get(id) ?? []) {
        if (depth.has(from)) continue;
        depth.set(from, depth.get(id)! + 1);
        services.push({
          id: from,
          depth: depth.get(from)!,
          project: projectOf.get(from) ?? null,
          via: id,
        });
        queue.push(from);
      }
    }
    const groups = new Map<string | null, ImpactReport['services']>();
    for (const s of services) {
      if (!groups.has(s.project)) groups.set(s.project, []);
      groups.get(s.project)!.push(s);
    }
    const projects = [...groups.keys()].filter((p): p is string => !!p).sort();
    return {
      registry: graph.registry,
      service,
      declared: true,
      services,
      byProject: [...groups.entries()].map(([project, list]) => ({
        project,
        services: list,
      })),
      projects,
      counts: {
        services: services.length,
        direct: services.filter(s => s.depth === 1).length,
        transitive: services.filter(s => s.depth > 1).length,
        projects: projects.length,
      },
      truncated: false,
    };
  },
});

const entities = new Map<string, Entity>();
for (const node of graph.nodes) {
  entities.set(`component:default/${node.id}`, {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: node.id, namespace: 'default', title: node.name },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/${node.owner}`,
    },
    relations: [],
  });
}
for (const edge of graph.edges) {
  entities.get(`component:default/${edge.from}`)!.relations!.push({
    type: 'dependsOn',
    targetRef: `component:default/${edge.to}`,
  });
  entities.get(`component:default/${edge.to}`)!.relations!.push({
    type: 'dependencyOf',
    targetRef: `component:default/${edge.from}`,
  });
}
const catalogApi = {
  async getEntitiesByRefs({ entityRefs }: { entityRefs: string[] }) {
    return { items: entityRefs.map(ref => entities.get(ref)) };
  },
  async getEntityByRef(ref: string) {
    return entities.get(ref);
  },
} as unknown as CatalogApi;

const stubPlugin = createPlugin({ id: 'bench-entity-page' });
const StubEntityPage = stubPlugin.provide(
  createRoutableExtension({
    name: 'StubEntityPage',
    component: async () => () => <div>entity page</div>,
    mountPoint: entityRouteRef,
  }),
);

const app = createApp({
  apis: [
    createApiFactory(serviceRegistryApiRef, registryApi),
    createApiFactory(catalogApiRef, catalogApi),
  ],
  plugins: [serviceRegistryPlugin, catalogGraphPlugin, stubPlugin],
  configLoader: async () => [
    {
      context: 'bench',
      data: {
        app: { title: 'bench', baseUrl: window.location.origin },
        backend: { baseUrl: window.location.origin },
      },
    },
  ],
});

const Root = app.createRoot(
  <AppRouter>
    <FlatRoutes>
      <Route path="/topology" element={<ServiceRegistryTopologyPage />} />
      <Route
        path="/catalog-graph"
        element={
          <CatalogGraphPage
            initialState={{
              rootEntityRefs: [...entities.keys()],
              maxDepth: Number.POSITIVE_INFINITY,
              selectedKinds: ['component'],
              selectedRelations: ['dependsOn', 'dependencyOf'],
              mergeRelations: true,
              unidirectional: false,
            }}
          />
        }
      />
      <Route
        path="/catalog/:namespace/:kind/:name"
        element={<StubEntityPage />}
      />
    </FlatRoutes>
  </AppRouter>,
);

createRoot(document.getElementById('root')!).render(<Root />);
