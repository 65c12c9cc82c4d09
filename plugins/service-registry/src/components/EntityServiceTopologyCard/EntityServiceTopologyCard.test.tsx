import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import {
  RegistryGraph,
  ServiceRegistryApi,
  serviceRegistryApiRef,
} from '../../api';
import {
  demoGraph,
  dep,
  graphOf,
  namesakeGraph,
  service,
} from '../../testUtils/graphFixture';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import {
  backendError,
  heldBackError,
  HELD_BACK_MESSAGE,
  notFound,
  unknownRegistry,
} from '../../testUtils/backendError';
import { registryGraphNeighbourhood } from '@service-registry/plugin-service-registry-common';
import {
  indexGraph,
  selectNeighbourhood,
} from '../../lib/graph-transformations';
import {
  EntityServiceTopologyCard,
  EntityServiceTopologyCardProps,
} from './EntityServiceTopologyCard';
import { useLocation } from 'react-router-dom';
import { withSignal } from '../../testUtils/withSignal';
import { renamedComponent } from '../../testUtils/renamedComponent';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { withCatalogApi } from '../../__testUtils__/withCatalogApi';

function component(name: string, kind = 'Component'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      annotations: { 'service-registry.io/registry-id': 'default' },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

function mockApi(getGraph: ServiceRegistryApi['getGraph']): ServiceRegistryApi {
  return mockServiceRegistryApi({ getGraph });
}

/** The backend's answers for auth: its neighbourhood to 2 hops, and to 3 (the whole demo graph). */
function authNeighbourhoods() {
  const whole = demoGraph();
  const only = (ids: string[]): RegistryGraph => ({
    ...whole,
    nodes: whole.nodes.filter(n => ids.includes(n.id)),
    edges: whole.edges.filter(e => ids.includes(e.from) && ids.includes(e.to)),
  });
  const twoHops = only([
    'auth',
    'api',
    'pay-v2',
    'reporting',
    'checkout',
    'shipping',
  ]);
  return { twoHops, threeHops: whole };
}

/** The error the client throws for the backend's 503, with the backend's message. */
function unavailable() {
  return backendError({
    status: 503,
    statusText: 'Service Unavailable',
    name: 'ServiceUnavailableError',
    message: 'registry "default" has not been ingested yet',
    url: '/api/service-registry/graph?registry=default&service=auth&depth=3',
  });
}

async function chooseDepth(name: string) {
  await userEvent.click(screen.getByRole('button', { name: /Depth/ }));
  await userEvent.click(screen.getByRole('option', { name }));
}

/** Shows the path, so the tests can see where opening a node leads. */
function PathProbe() {
  const { pathname } = useLocation();
  return <output aria-label="path">{pathname}</output>;
}

async function renderCard(
  entity: Entity,
  api: ServiceRegistryApi,
  props: EntityServiceTopologyCardProps = {},
  catalogApi?: typeof catalogApiRef.T,
) {
  const card = (
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityServiceTopologyCard {...props} />
      </EntityProvider>
      <PathProbe />
    </TestApiProvider>
  );
  return renderInTestApp(withCatalogApi(card, catalogApi), {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

/**
 * A registry with diamonds both ways and cycles, around r:
 *
 *   r -> a -> c, r -> b -> c, c -> d -> e <-> f      (upstream; e, f a cycle away from r)
 *   d -> x -> r                                      (a cycle through r: d is 3 hops up, 2 down)
 *   x, y, u -> r; z -> x, z -> y; u -> z; v -> w -> z  (downstream)
 */
function diamondsAndCycle(): RegistryGraph {
  const ids = ['r', 'a', 'b', 'c', 'd', 'e', 'f', 'x', 'y', 'z', 'u', 'w', 'v'];
  return graphOf(
    ids.map(id => service(id)),
    [
      dep('r', 'a'),
      dep('r', 'b'),
      dep('a', 'c'),
      dep('b', 'c'),
      dep('c', 'd'),
      dep('d', 'e'),
      dep('e', 'f'),
      dep('f', 'e'),
      dep('d', 'x'),
      dep('x', 'r'),
      dep('y', 'r'),
      dep('z', 'x'),
      dep('z', 'y'),
      dep('u', 'r'),
      dep('u', 'z', true),
      dep('w', 'z'),
      dep('v', 'w'),
    ],
    [
      ['r', 'a', 'c', 'd', 'x', 'r'],
      ['r', 'b', 'c', 'd', 'x', 'r'],
      ['e', 'f', 'e'],
    ],
  );
}

/** What the backend answers for `GET /graph?service=&depth=` on a registry: the common walk. */
function backendOf(registry: RegistryGraph) {
  const indexed = indexGraph(registry);
  return (root: string, depth: number) =>
    registryGraphNeighbourhood(indexed, root, depth);
}

/** What the card draws: the services (the root and its neighbours), lists and canvas. */
function drawing(root: string) {
  const upstream = screen.getByRole('list', { name: 'Depends on (upstream)' });
  const downstream = screen.getByRole('list', { name: 'Used by (downstream)' });
  const names = (list: HTMLElement) =>
    within(list)
      .getAllByRole('link')
      .map(link => link.textContent);
  const canvas = screen.getByTestId('topology-canvas');
  return {
    services: new Set([root, ...names(upstream), ...names(downstream)]),
    upstream: within(upstream)
      .getAllByRole('listitem')
      .map(item => item.textContent),
    downstream: within(downstream)
      .getAllByRole('listitem')
      .map(item => item.textContent),
    canvas: [canvas.dataset.nodes, canvas.dataset.edges],
    alerts: screen.queryAllByRole('alert').map(alert => alert.textContent),
  };
}

describe('EntityServiceTopologyCard', () => {
  it('shows progress while the graph loads', async () => {
    await renderCard(
      component('checkout'),
      mockApi(() => new Promise(() => {})),
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    const api = mockApi(async () => {
      throw new Error('registry unavailable');
    });
    await renderCard(component('checkout'), api);
    expect(
      await screen.findByText(/Could not load the service registry/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/registry unavailable/).length).toBeGreaterThan(
      0,
    );
  });

  it('says when the service is not in the registry', async () => {
    await renderCard(
      component('unknown-service'),
      mockApi(async () => demoGraph()),
    );
    expect(
      await screen.findByText('Not in the service registry'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/does not declare "unknown-service"/),
    ).toBeInTheDocument();
  });

  it('says when the entity is not a component', async () => {
    const api = mockApi(jest.fn(async () => demoGraph()));
    await renderCard(component('checkout', 'API'), api);
    expect(screen.getByText('Not a registry service')).toBeInTheDocument();
    expect(api.getGraph).not.toHaveBeenCalled();
  });

  it('names no registry for an entity with an empty registry annotation', async () => {
    const api = mockServiceRegistryApi({
      getGraph: jest.fn(async () => demoGraph()),
    });
    const entity = component('checkout');
    entity.metadata.annotations = { 'service-registry.io/registry-id': '' };
    await renderCard(entity, api);
    await screen.findByRole('list', { name: 'Depends on (upstream)' });
    expect(jest.mocked(api.getGraph).mock.calls).toEqual([
      [{ registry: undefined, service: 'checkout', depth: 2 }, withSignal],
    ]);
  });

  it('says when a service has no dependencies', async () => {
    await renderCard(
      component('lonely'),
      mockApi(async () => graphOf([service('lonely'), service('other')], [])),
    );
    expect(await screen.findByText('No dependencies')).toBeInTheDocument();
    expect(screen.queryByRole('application')).not.toBeInTheDocument();
  });

  it('lists upstream and downstream neighbours with deprecated and cross-project marks and links', async () => {
    await renderCard(
      component('checkout'),
      mockApi(async () => demoGraph()),
    );
    const upstream = await screen.findByRole('list', {
      name: 'Depends on (upstream)',
    });
    const downstream = screen.getByRole('list', {
      name: 'Used by (downstream)',
    });
    expect(screen.getByText('3 upstream · 1 downstream')).toBeInTheDocument();

    const payV2 = screen.getByRole('link', { name: 'pay-v2' });
    expect(payV2).toHaveAttribute('href', '/catalog/default/component/pay-v2');
    expect(upstream).toHaveTextContent('pay-v2deprecatedcross-project');
    expect(upstream).toHaveTextContent('auth');
    expect(downstream).toHaveTextContent('web');
    expect(downstream).toHaveTextContent('direct · project-a');
    expect(
      screen.getByRole('application', { name: /Dependency graph of checkout/ }),
    ).toBeInTheDocument();
  });

  it('lets the mouse wheel scroll the page past its drawing until it is clicked, unless told to zoom at once', async () => {
    // fireEvent tells whether the page went on to scroll (not `preventDefault`ed)
    const wheelScrollsPage = async () => {
      const graph = await screen.findByRole('application', {
        name: /Dependency graph of checkout/,
      });
      return fireEvent.wheel(graph.querySelector('canvas')!, { deltaY: 100 });
    };
    const api = mockApi(async () => demoGraph());
    const { unmount } = await renderCard(component('checkout'), api);
    expect(await wheelScrollsPage()).toBe(true);
    unmount();
    await renderCard(component('checkout'), api, { wheelZoom: 'enabled' });
    expect(await wheelScrollsPage()).toBe(false);
  });

  it('follows the chosen depth', async () => {
    await renderCard(
      component('auth'),
      mockApi(async () => demoGraph()),
    );
    expect(
      await screen.findByText('0 upstream · 5 downstream'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Depth/ }));
    await userEvent.click(screen.getByRole('option', { name: '1 hop' }));
    expect(
      await screen.findByText('0 upstream · 3 downstream'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Used by (downstream)' }),
    ).not.toHaveTextContent('checkout');
    await userEvent.click(screen.getByRole('button', { name: /Depth/ }));
    await userEvent.click(screen.getByRole('option', { name: '3 hops' }));
    await waitFor(() =>
      expect(screen.getByText('0 upstream · 6 downstream')).toBeInTheDocument(),
    );
    expect(
      screen.getByRole('list', { name: 'Used by (downstream)' }),
    ).toHaveTextContent('web');
  });

  it('highlights a dependency cycle through the service', async () => {
    const graph = graphOf(
      [service('a'), service('b'), service('c')],
      [dep('a', 'b'), dep('b', 'c'), dep('c', 'a')],
      [['a', 'b', 'c', 'a']],
    );
    await renderCard(
      component('a'),
      mockApi(async () => graph),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'a is on a dependency cycle: a → b → c → a',
    );
    expect(
      screen.getByRole('list', { name: 'Depends on (upstream)' }),
    ).toHaveTextContent('in a cycle');
  });

  it('marks missing and retired neighbours, and optional dependencies, in text', async () => {
    await renderCard(
      component('shipping'),
      mockApi(async () => demoGraph()),
    );
    const upstream = await screen.findByRole('list', {
      name: 'Depends on (upstream)',
    });
    expect(upstream).toHaveTextContent('legacyretiredcross-projectoptional');
    await renderCard(
      component('reporting'),
      mockApi(async () => demoGraph()),
    );
    const lists = await screen.findAllByRole('list', {
      name: 'Depends on (upstream)',
    });
    expect(lists[lists.length - 1]).toHaveTextContent(
      'ghostmissing (not declared)',
    );
  });

  it('names a retired neighbour as text, and opens no page for its node: the catalog has none', async () => {
    // app requires old (retired); web requires app
    const graph = graphOf(
      [service('web'), service('app'), service('old', { status: 'retired' })],
      [dep('web', 'app'), dep('app', 'old')],
    );
    await renderCard(
      component('app'),
      mockApi(async () => graph),
    );
    const upstream = await screen.findByRole('list', {
      name: 'Depends on (upstream)',
    });
    expect(upstream).toHaveTextContent('oldretired');
    expect(within(upstream).queryByRole('link')).not.toBeInTheDocument();
    const downstream = screen.getByRole('list', {
      name: 'Used by (downstream)',
    });
    expect(
      within(downstream).getByRole('link', { name: 'web' }),
    ).toHaveAttribute('href', '/catalog/default/component/web');

    // consumers on the left, providers on the right: the first arrow focuses app
    const path = screen.getByRole('status', { name: 'path' });
    const start = path.textContent;
    screen.getByRole('application').focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByText(/^old, retired/)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(path.textContent).toBe(start);
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByText(/^web, GA/)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(path).toHaveTextContent('/catalog/default/component/web'),
    );
  });

  it('names a neighbour of the project named global apart from a global one', async () => {
    await renderCard(
      component('web'),
      mockApi(async () => namesakeGraph()),
    );
    const upstream = await screen.findByRole('list', {
      name: 'Depends on (upstream)',
    });
    // web (shop) -> portal (project global) -> auth (global services)
    expect(within(upstream).getByText('direct · global')).toBeInTheDocument();
    expect(
      within(upstream).getByText('2 hops · Global services'),
    ).toBeInTheDocument();
  });

  it('colours a project named global apart from the global services', async () => {
    await renderCard(
      component('portal'),
      mockApi(async () => namesakeGraph()),
    );
    const legend = await screen.findByRole('list', { name: 'Legend' });
    const labels = within(legend)
      .getAllByRole('listitem')
      .map(item => item.textContent);
    // portal (global), web (shop) and auth (the global services)
    expect(labels).toEqual(
      expect.arrayContaining(['global', 'Global services', 'shop']),
    );
  });

  it('titles the card with a heading, so that screen reader users can jump to it', async () => {
    await renderCard(
      component('checkout'),
      mockApi(async () => demoGraph()),
    );
    expect(
      await screen.findByRole('heading', {
        name: 'Service topology',
        level: 2,
      }),
    ).toBeInTheDocument();
  });

  it('asks the backend for the neighbourhood of the service to the chosen depth, and again for a larger one', async () => {
    const getGraph = jest.fn(async () => demoGraph());
    const entity = component('auth');
    await renderInTestApp(
      <TestApiProvider apis={[[serviceRegistryApiRef, mockApi(getGraph)]]}>
        <EntityProvider entity={entity}>
          <EntityServiceTopologyCard initialDepth={3} />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText('0 upstream · 6 downstream'),
    ).toBeInTheDocument();
    expect(getGraph.mock.calls).toEqual([
      [{ registry: 'default', service: 'auth', depth: 3 }, withSignal],
    ]);
    // a smaller depth is drawn from the answer to 3 hops: nothing is asked
    await userEvent.click(screen.getByRole('button', { name: /Depth/ }));
    await userEvent.click(screen.getByRole('option', { name: '1 hop' }));
    expect(
      await screen.findByText('0 upstream · 3 downstream'),
    ).toBeInTheDocument();
    expect(getGraph).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: /Depth/ }));
    await userEvent.click(screen.getByRole('option', { name: '5 hops' }));
    await waitFor(() =>
      expect(getGraph).toHaveBeenLastCalledWith(
        {
          registry: 'default',
          service: 'auth',
          depth: 5,
        },
        withSignal,
      ),
    );
    expect(getGraph).toHaveBeenCalledTimes(2);
  });

  it('keeps the last drawing while a larger depth loads, then draws it', async () => {
    // the backend's answers: the neighbourhood of auth to 2 hops, then to 3
    const { twoHops, threeHops: whole } = authNeighbourhoods();
    let answerThreeHops: (graph: RegistryGraph) => void = () => {};
    const getGraph = jest.fn(
      async ({ depth }: { depth?: number } = {}): Promise<RegistryGraph> =>
        depth === 3
          ? new Promise(resolve => {
              answerThreeHops = resolve;
            })
          : twoHops,
    );
    await renderCard(component('auth'), mockApi(getGraph));
    expect(
      await screen.findByText('0 upstream · 5 downstream'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Depth/ }));
    await userEvent.click(screen.getByRole('option', { name: '3 hops' }));
    await waitFor(() => expect(getGraph).toHaveBeenCalledTimes(2));
    // the 2-hop drawing stays, with the depth chosen, and no progress replaces it
    expect(screen.getByText('0 upstream · 5 downstream')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Depth/ })).toHaveTextContent(
      '3 hops',
    );
    expect(screen.getByRole('application')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    answerThreeHops(whole);
    expect(
      await screen.findByText('0 upstream · 6 downstream'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Used by (downstream)' }),
    ).toHaveTextContent('web');
  });

  it('keeps the last drawing when asking for another depth fails, says why, and retries', async () => {
    const { twoHops, threeHops } = authNeighbourhoods();
    const error = await unavailable();
    let answerRetry: (graph: RegistryGraph) => void = () => {};
    let threeHopAsks = 0;
    const getGraph = jest.fn(
      async ({ depth }: { depth?: number } = {}): Promise<RegistryGraph> => {
        if (depth !== 3) return twoHops;
        threeHopAsks += 1;
        if (threeHopAsks === 1) throw error;
        return new Promise(resolve => {
          answerRetry = resolve;
        });
      },
    );
    await renderCard(component('auth'), mockApi(getGraph));
    expect(
      await screen.findByText('0 upstream · 5 downstream'),
    ).toBeInTheDocument();
    await chooseDepth('3 hops');

    // the failure, in the backend's words, next to the 2-hop drawing, which stays
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the dependencies to 3 hops',
    );
    expect(alert).toHaveTextContent(
      'registry "default" has not been ingested yet',
    );
    expect(alert).toHaveTextContent('The drawing still shows 2 hops.');
    expect(alert).not.toHaveTextContent(/Request failed/);
    expect(
      screen.queryByText(/Could not load the service registry/),
    ).not.toBeInTheDocument();
    expect(screen.getByText('0 upstream · 5 downstream')).toBeInTheDocument();
    expect(
      screen.getByRole('application', { name: /Dependency graph of auth/ }),
    ).toBeInTheDocument();
    const downstream = screen.getByRole('list', {
      name: 'Used by (downstream)',
    });
    expect(
      within(downstream).getByRole('link', { name: 'checkout' }),
    ).toBeInTheDocument();
    expect(downstream).toHaveTextContent('shipping');
    expect(downstream).not.toHaveTextContent('web');
    // the depth shows the one asked for, described by the failure
    const depth = screen.getByRole('button', { name: 'Depth 3 hops' });
    expect(depth).toHaveAccessibleDescription(
      /Could not load the dependencies to 3 hops/,
    );

    // Retry, the next stop from the depth, asks for 3 hops again, keeping the drawing meanwhile
    expect(depth).toHaveFocus();
    await userEvent.tab();
    expect(within(alert).getByRole('button', { name: 'Retry' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(getGraph).toHaveBeenCalledTimes(3));
    expect(getGraph).toHaveBeenLastCalledWith(
      {
        registry: 'default',
        service: 'auth',
        depth: 3,
      },
      withSignal,
    );
    expect(
      await within(alert).findByRole('button', { name: 'Retrying…' }),
    ).toBeInTheDocument();
    expect(screen.getByText('0 upstream · 5 downstream')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    answerRetry(threeHops);
    expect(
      await screen.findByText('0 upstream · 6 downstream'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Used by (downstream)' }),
    ).toHaveTextContent('web');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      screen.queryByText(/Could not load the dependencies/),
    ).not.toBeInTheDocument();
    // the alert gone, focus is on the depth rather than nowhere
    const shown = screen.getByRole('button', { name: 'Depth 3 hops' });
    expect(shown).toHaveFocus();
    expect(shown).not.toHaveAccessibleDescription();
  });

  it('drops the failure once another depth is chosen, drawing that depth', async () => {
    const { twoHops } = authNeighbourhoods();
    const error = await unavailable();
    const getGraph = jest.fn(
      async ({ depth }: { depth?: number } = {}): Promise<RegistryGraph> => {
        if (depth === 3) throw error;
        return twoHops;
      },
    );
    await renderCard(component('auth'), mockApi(getGraph));
    expect(
      await screen.findByText('0 upstream · 5 downstream'),
    ).toBeInTheDocument();
    await chooseDepth('3 hops');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'registry "default" has not been ingested yet',
    );
    await chooseDepth('1 hop');
    expect(
      await screen.findByText('0 upstream · 3 downstream'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // 1 hop is drawn from the answer to 2: asked for 2, then 3 only
    expect(getGraph.mock.calls.map(([options]) => options?.depth)).toEqual([
      2, 3,
    ]);
  });

  it('shows the 404 of an unknown registry for another depth as an error, as for the first', async () => {
    const { twoHops } = authNeighbourhoods();
    const error = await unknownRegistry(
      'default',
      '/api/service-registry/graph?registry=default&service=auth&depth=3',
    );
    await renderCard(
      component('auth'),
      mockApi(async ({ depth } = {}) => {
        if (depth === 3) throw error;
        return twoHops;
      }),
    );
    expect(
      await screen.findByText('0 upstream · 5 downstream'),
    ).toBeInTheDocument();
    await chooseDepth('3 hops');
    expect(
      await screen.findByText(/Could not load the service registry/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('application')).not.toBeInTheDocument();
  });

  it('says when the backend does not know the service (its 404)', async () => {
    const error = await notFound(
      'no service "unknown-service" in registry "default": a service is asked for by the <id> of its [service.<id>] table, exactly as written (case and punctuation count)',
      '/api/service-registry/graph?service=unknown-service&depth=2',
    );
    await renderCard(
      component('unknown-service'),
      mockApi(async () => {
        throw error;
      }),
    );
    expect(
      await screen.findByText('Not in the service registry'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/does not declare "unknown-service"/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Could not load the service registry/),
    ).not.toBeInTheDocument();
  });

  it('warns that a service the catalog holds back is held back, and why, not that the registry lacks it', async () => {
    const error = await heldBackError(
      '/api/service-registry/graph?service=cart&depth=2',
    );
    await renderCard(
      component('cart'),
      mockApi(async () => {
        throw error;
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Held back by the catalog');
    expect(alert).toHaveTextContent(HELD_BACK_MESSAGE);
    expect(alert).toHaveClass('MuiAlert-standardWarning');
    expect(
      screen.queryByText('Not in the service registry'),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByText(/Could not load the service registry/),
    ).not.toBeInTheDocument();
  });

  it('shows the 404 of an unknown registry as an error, not as a service it lacks', async () => {
    const error = await notFound(
      'no registry "other": give registry= one of default (catalog.providers.serviceRegistry)',
      '/api/service-registry/graph?registry=other&service=checkout&depth=2',
    );
    await renderCard(
      component('checkout'),
      mockApi(async () => {
        throw error;
      }),
    );
    expect(
      await screen.findByText(/Could not load the service registry/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Not in the service registry'),
    ).not.toBeInTheDocument();
  });

  it('walked again to a smaller depth, a neighbourhood the backend answered is its answer for that depth', () => {
    const registry = diamondsAndCycle();
    const whole = indexGraph(registry);
    const backend = backendOf(registry);
    for (const root of whole.nodes.keys()) {
      for (let held = 1; held <= 5; held++) {
        const part = indexGraph(backend(root, held));
        for (let depth = 1; depth <= held; depth++) {
          const answer = backend(root, depth);
          const fromHeld = selectNeighbourhood(part, root, depth);
          const fromAnswer = selectNeighbourhood(
            indexGraph(answer),
            root,
            depth,
          );
          expect(fromHeld).toEqual(fromAnswer);
          // the drawing lays the services out in this order
          expect([...fromHeld.nodes.keys()]).toEqual([
            ...fromAnswer.nodes.keys(),
          ]);
          expect(new Set(fromHeld.nodes.keys())).toEqual(
            new Set(answer.nodes.map(n => n.id)),
          );
          // every edge between them, as the answer has them (in the walk's order, not the graph's)
          const edgeKeys = (edges: RegistryGraph['edges']) =>
            edges.map(e => `${e.from}->${e.to}`).sort();
          expect(edgeKeys(fromHeld.edges)).toEqual(edgeKeys(answer.edges));
        }
      }
    }
    // d is 2 hops downstream of r and 3 upstream: kept at 3 hops, but upstream only from 3
    const atThree = selectNeighbourhood(indexGraph(backend('r', 3)), 'r', 2);
    expect(atThree.nodes.get('d')).toEqual({
      id: 'd',
      direction: 'downstream',
      distance: 2,
    });
  });

  it('draws a smaller depth than the answer it holds from that answer, without asking, as the backend answers that depth', async () => {
    const backend = backendOf(diamondsAndCycle());
    // the card as the backend's answer to 2 hops draws it
    const direct = await renderCard(
      component('r'),
      mockApi(async () => backend('r', 2)),
    );
    await screen.findByText('3 upstream · 5 downstream');
    const asAnswered = drawing('r');
    direct.unmount();

    const getGraph = jest.fn(
      async ({ depth }: { depth?: number } = {}): Promise<RegistryGraph> =>
        backend('r', depth!),
    );
    await renderCard(component('r'), mockApi(getGraph), { initialDepth: 3 });
    expect(
      await screen.findByText('4 upstream · 7 downstream'),
    ).toBeInTheDocument();
    await chooseDepth('2 hops');
    expect(
      await screen.findByText('3 upstream · 5 downstream'),
    ).toBeInTheDocument();
    expect(getGraph).toHaveBeenCalledTimes(1);
    const fromHeld = drawing('r');
    expect(fromHeld.services).toEqual(
      new Set(backend('r', 2).nodes.map(n => n.id)),
    );
    expect(fromHeld).toEqual(asAnswered);
    // d: 2 hops downstream, listed upstream only from 3 hops
    expect(
      within(
        screen.getByRole('list', { name: 'Depends on (upstream)' }),
      ).queryByRole('link', { name: 'd' }),
    ).not.toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Used by (downstream)' }),
      ).getByRole('link', { name: 'd' }),
    ).toBeInTheDocument();

    // back to 3, still held: nothing asked; 4 is asked for, once
    await chooseDepth('3 hops');
    expect(
      await screen.findByText('4 upstream · 7 downstream'),
    ).toBeInTheDocument();
    expect(getGraph).toHaveBeenCalledTimes(1);
    await chooseDepth('4 hops');
    expect(
      await screen.findByText('6 upstream · 10 downstream'),
    ).toBeInTheDocument();
    expect(getGraph.mock.calls).toEqual([
      [{ registry: 'default', service: 'r', depth: 3 }, withSignal],
      [{ registry: 'default', service: 'r', depth: 4 }, withSignal],
    ]);
    // and what 4 holds draws 1 without asking
    await chooseDepth('1 hop');
    expect(
      await screen.findByText('2 upstream · 3 downstream'),
    ).toBeInTheDocument();
    expect(getGraph).toHaveBeenCalledTimes(2);
  });

  it('drops the failure of a larger depth once a held one is chosen, drawing it without asking', async () => {
    const backend = backendOf(diamondsAndCycle());
    const error = await unavailable();
    const getGraph = jest.fn(
      async ({ depth }: { depth?: number } = {}): Promise<RegistryGraph> => {
        if (depth === 4) throw error;
        return backend('r', depth!);
      },
    );
    await renderCard(component('r'), mockApi(getGraph), { initialDepth: 3 });
    expect(
      await screen.findByText('4 upstream · 7 downstream'),
    ).toBeInTheDocument();
    await chooseDepth('4 hops');
    expect(
      await screen.findByText(/Could not load the dependencies to 4 hops/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The drawing still shows 3 hops/),
    ).toBeInTheDocument();
    expect(getGraph).toHaveBeenCalledTimes(2);

    await chooseDepth('2 hops');
    expect(screen.getByText('3 upstream · 5 downstream')).toBeInTheDocument();
    expect(
      screen.queryByText(/Could not load the dependencies/),
    ).not.toBeInTheDocument();
    const shown = drawing('r');
    expect(shown.services).toEqual(
      new Set(backend('r', 2).nodes.map(n => n.id)),
    );
    // the only alert left is the cycle through r
    expect(shown.alerts).toEqual([
      'r is on a dependency cycle: r → a → c → d → x → r; r → b → c → d → x → r',
    ]);
    const depth = screen.getByRole('button', { name: 'Depth 2 hops' });
    expect(depth).not.toHaveAccessibleDescription();
    expect(getGraph).toHaveBeenCalledTimes(2);
    // 4 fails again: the drawing stays at the 2 hops it shows, and says so
    await chooseDepth('4 hops');
    expect(
      await screen.findByText(/Could not load the dependencies to 4 hops/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The drawing still shows 2 hops/),
    ).toBeInTheDocument();
    expect(screen.getByText('3 upstream · 5 downstream')).toBeInTheDocument();
    expect(getGraph).toHaveBeenCalledTimes(3);
  });

  it('names the depth select by its label and the depth it shows, as it reads on screen', async () => {
    await renderCard(
      component('checkout'),
      mockApi(async () => demoGraph()),
    );
    expect(
      await screen.findByRole('button', { name: 'Depth 2 hops' }),
    ).toHaveTextContent('2 hops');
  });
});

describe('EntityServiceTopologyCard: a Component an entity transformer renamed', () => {
  it('asks the backend for the neighbourhood of the registry id of its service-id annotation, not of its name', async () => {
    const getGraph = jest.fn(() => new Promise<never>(() => {}));
    await renderCard(renamedComponent(), mockApi(getGraph));
    await waitFor(() =>
      expect(getGraph).toHaveBeenCalledWith(
        expect.objectContaining({ registry: 'default', service: 'shop-api' }),
        withSignal,
      ),
    );
    expect(getGraph).not.toHaveBeenCalledWith(
      expect.objectContaining({ service: 'acme-shop-api' }),
      expect.anything(),
    );
  });
});

describe('EntityServiceTopologyCard: neighbours an entity transformer renamed', () => {
  it('links and opens a renamed neighbour at its Component, looked up once for the whole drawing', async () => {
    // web requires shop-api; both renamed in the catalog, web moved to namespace shop
    const graph = graphOf(
      [service('web'), service('shop-api'), service('db')],
      [dep('web', 'shop-api'), dep('shop-api', 'db')],
    );
    const web = renamedComponent({ 'service-registry.io/service-id': 'web' });
    web.metadata.name = 'acme-web';
    web.metadata.namespace = 'shop';
    const catalogApi = catalogApiMock({ entities: [renamedComponent(), web] });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await renderCard(
      renamedComponent(),
      mockApi(async () => graph),
      {},
      catalogApi,
    );
    const downstream = await screen.findByRole('list', {
      name: 'Used by (downstream)',
    });
    await waitFor(() =>
      expect(
        within(downstream).getByRole('link', { name: 'web' }),
      ).toHaveAttribute('href', '/catalog/shop/component/acme-web'),
    );
    // db is not renamed: the provider's name
    expect(
      within(
        screen.getByRole('list', { name: 'Depends on (upstream)' }),
      ).getByRole('link', { name: 'db' }),
    ).toHaveAttribute('href', '/catalog/default/component/db');
    expect(getEntities).toHaveBeenCalledTimes(1);

    // consumers on the left: the first arrow focuses shop-api, the next one web
    const path = screen.getByRole('status', { name: 'path' });
    screen.getByRole('application').focus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByText(/^web, GA/)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(path).toHaveTextContent('/catalog/shop/component/acme-web'),
    );
  });
});
