import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useLocation } from 'react-router-dom';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import {
  demoGraph,
  demoImpactOfAuth,
  dep,
  graphOf,
  namesakeGraph,
  service,
} from '../../testUtils/graphFixture';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { ServiceRegistryTopologyPage } from './ServiceRegistryTopologyPage';
import { withSignal } from '../../testUtils/withSignal';

function mockApi(
  overrides: Partial<ServiceRegistryApi> = {},
): ServiceRegistryApi {
  return mockServiceRegistryApi({
    getGraph: jest.fn(async () => demoGraph()),
    getImpact: jest.fn(async () => demoImpactOfAuth()),
    ...overrides,
  });
}

/** Shows the query string, so the tests can see the view kept in the URL. */
function QueryProbe() {
  const { search } = useLocation();
  return <output aria-label="query">{search}</output>;
}

async function renderPage(api: ServiceRegistryApi, path = '/') {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <ServiceRegistryTopologyPage />
      <QueryProbe />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The query string of the page, as key/value pairs. */
const query = () =>
  Object.fromEntries(
    new URLSearchParams(
      screen.getByRole('status', { name: 'query' }).textContent ?? '',
    ),
  );

/** The heading of the details panel: the selected service or group. */
const detailsHeading = () =>
  within(screen.getByRole('complementary', { name: 'Details' })).queryByRole(
    'heading',
  );

async function choose(select: RegExp, option: string) {
  await userEvent.click(screen.getByRole('button', { name: select }));
  await userEvent.click(screen.getByRole('option', { name: option }));
}

const graphArea = () =>
  screen.getByRole('application', { name: /Dependency map/ });

async function findService(id: string) {
  const search = screen.getByRole('textbox', { name: 'Find a service' });
  await userEvent.type(search, id);
  await userEvent.click(await screen.findByRole('option', { name: id }));
}

describe('ServiceRegistryTopologyPage', () => {
  it('shows progress while the graph loads', async () => {
    await renderPage(mockApi({ getGraph: () => new Promise(() => {}) }));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    await renderPage(
      mockApi({
        getGraph: async () => {
          throw new Error('no snapshot of registry "default" yet');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the service registry/),
    ).toBeInTheDocument();
  });

  it('says when the registry is empty', async () => {
    await renderPage(mockApi({ getGraph: async () => graphOf([], []) }));
    expect(
      await screen.findByText('The registry declares no services'),
    ).toBeInTheDocument();
  });

  it('draws every service and dependency, with the counts in the header', async () => {
    await renderPage(mockApi());
    // 8 declared services and ghost, which api depends on but no registry file declares
    expect(
      await screen.findByText(
        '8 services · 1 missing · 9 dependencies · 3 projects · registry "default"',
      ),
    ).toBeInTheDocument();
    expect(graphArea()).toHaveAccessibleName(/9 nodes, 9 edges/);
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent(
      'deprecated',
    );
  });

  it('counts declared services only in the header, and names no missing ones when there are none', async () => {
    const declaredOnly = demoGraph();
    declaredOnly.nodes = declaredOnly.nodes.filter(n => n.declared);
    declaredOnly.edges = declaredOnly.edges.filter(e =>
      declaredOnly.nodes.some(n => n.id === e.to),
    );
    await renderPage(mockApi({ getGraph: async () => declaredOnly }));
    expect(
      await screen.findByText(
        `8 services · ${declaredOnly.edges.length} dependencies · 3 projects · registry "default"`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/missing ·/)).not.toBeInTheDocument();
  });

  it('collapses projects into groups with aggregated edges, and expands one', async () => {
    await renderPage(mockApi());
    await screen.findByRole('application');
    await userEvent.click(screen.getByRole('button', { name: /Group by/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Project' }));
    // project-a, project-b, project-c and global; a->global, b->a, b->global, c->global
    expect(graphArea()).toHaveAccessibleName(/4 nodes, 4 edges/);
    await userEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(graphArea()).toHaveAccessibleName(/9 nodes, 9 edges/);
    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    // finding a service expands its group only
    await findService('checkout');
    expect(graphArea()).toHaveAccessibleName(/6 nodes/);
    expect(
      within(screen.getByRole('complementary', { name: 'Details' })).getByRole(
        'heading',
        { name: 'checkout' },
      ),
    ).toBeInTheDocument();
  });

  it('filters by status', async () => {
    await renderPage(mockApi());
    await screen.findByRole('application');
    await userEvent.click(screen.getByRole('button', { name: /Status/ }));
    await userEvent.click(screen.getByRole('option', { name: 'deprecated' }));
    await userEvent.click(screen.getByRole('option', { name: 'retired' }));
    await userEvent.keyboard('{Escape}');
    expect(graphArea()).toHaveAccessibleName(/2 nodes, 0 edges/);
  });

  it('finds a service and shows its details with a link to its page', async () => {
    await renderPage(mockApi());
    await screen.findByRole('application');
    await findService('pay-v2');
    const details = screen.getByRole('complementary', { name: 'Details' });
    expect(within(details).getByText('deprecated')).toBeInTheDocument();
    expect(
      within(details).getByRole('link', { name: 'Open service page' }),
    ).toHaveAttribute('href', '/catalog/default/component/pay-v2');
  });

  it('names the open list of the service search as ARIA 1.2 asks (aria-controls)', async () => {
    await renderPage(mockApi());
    await screen.findByRole('application');
    const search = screen.getByRole('combobox');
    expect(search).not.toHaveAttribute('aria-controls');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Find a service' }),
      'pay',
    );
    expect(search).toHaveAttribute(
      'aria-controls',
      (await screen.findByRole('listbox')).id,
    );
    await userEvent.keyboard('{Escape}');
    expect(search).not.toHaveAttribute('aria-controls');
  });

  it('offers no page of a retired service, which the catalog does not have', async () => {
    await renderPage(mockApi());
    await screen.findByRole('application');
    await findService('legacy');
    const details = screen.getByRole('complementary', { name: 'Details' });
    expect(within(details).getByText('retired')).toBeInTheDocument();
    expect(
      within(details).queryByRole('link', { name: 'Open service page' }),
    ).not.toBeInTheDocument();
    expect(
      within(details).getByText(
        'No service page: a retired service is not in the catalog',
      ),
    ).toBeInTheDocument();
  });

  it('opens the page of a service with Enter, not of a retired one', async () => {
    function PathProbe() {
      const { pathname } = useLocation();
      return <output aria-label="path">{pathname}</output>;
    }
    const api = mockApi({
      getGraph: jest.fn(async () =>
        graphOf(
          [service('app'), service('old', { status: 'retired' })],
          [dep('app', 'old')],
        ),
      ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
        <ServiceRegistryTopologyPage />
        <PathProbe />
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    const path = screen.getByRole('status', { name: 'path' });
    const start = path.textContent;
    (await screen.findByRole('application')).focus();
    // consumers on the left, providers on the right
    await userEvent.keyboard('{ArrowRight}');
    if (!screen.queryByText(/^old, retired/)) {
      await userEvent.keyboard('{ArrowRight}');
    }
    expect(screen.getByText(/^old, retired/)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(path.textContent).toBe(start);
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByText(/^app, GA/)).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(path).toHaveTextContent('/catalog/default/component/app'),
    );
  });

  it('shows the impact of a change with counts per project', async () => {
    const api = mockApi();
    await renderPage(api);
    await screen.findByRole('application');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Impact mode' }),
    );
    await findService('auth');
    expect(
      await screen.findByText(
        '6 services affected (3 direct, 3 transitive) in 3 projects.',
      ),
    ).toBeInTheDocument();
    expect(api.getImpact).toHaveBeenCalledWith(
      'auth',
      {
        registry: undefined,
        includeOptional: false,
      },
      withSignal,
    );
    const table = screen.getByRole('table', {
      name: 'Affected services per project',
    });
    const rows = within(table)
      .getAllByRole('row')
      .map(r => r.textContent);
    expect(rows).toEqual([
      'ProjectAffectedDirect',
      'project-a31',
      'global11',
      'project-b10',
      'project-c11',
    ]);
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Include optional dependencies' }),
    );
    await waitFor(() =>
      expect(api.getImpact).toHaveBeenLastCalledWith(
        'auth',
        {
          registry: undefined,
          includeOptional: true,
        },
        withSignal,
      ),
    );
  });

  it("shows a selected service's impact from its details, and takes the focus there", async () => {
    const api = mockApi();
    await renderPage(api);
    await screen.findByRole('application');
    await findService('auth');
    const details = screen.getByRole('complementary', { name: 'Details' });
    await userEvent.click(
      within(details).getByRole('button', { name: 'Show impact' }),
    );
    expect(query().impact).toBe('true');
    // the button gives way to the impact, whose heading has the focus
    expect(
      within(details).queryByRole('button', { name: 'Show impact' }),
    ).not.toBeInTheDocument();
    expect(
      within(details).getByRole('heading', { name: 'Impact of auth' }),
    ).toHaveFocus();
    expect(
      await screen.findByText(
        '6 services affected (3 direct, 3 transitive) in 3 projects.',
      ),
    ).toBeInTheDocument();
  });

  it('shows cycles in the details of a service', async () => {
    const graph = graphOf(
      [service('a'), service('b')],
      [dep('a', 'b'), dep('b', 'a')],
      [['a', 'b', 'a']],
    );
    await renderPage(mockApi({ getGraph: async () => graph }));
    await screen.findByRole('application');
    await findService('a');
    expect(screen.getByText('On a dependency cycle')).toBeInTheDocument();
  });

  it('keeps the view in the URL: grouping, colours, filters, impact mode and the selected service', async () => {
    await renderPage(mockApi());
    await screen.findByRole('application');
    await choose(/^Group by\s/, 'Project');
    await choose(/^Colour by\s/, 'Status');
    await userEvent.click(screen.getByRole('button', { name: /^Status\s/ }));
    await userEvent.click(screen.getByRole('option', { name: 'deprecated' }));
    await userEvent.click(screen.getByRole('option', { name: 'ga' }));
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('button', { name: /^Project\s/ }));
    await userEvent.click(
      screen.getByRole('option', { name: 'Global services' }),
    );
    await userEvent.keyboard('{Escape}');
    await findService('auth');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Impact mode' }),
    );
    expect(query()).toEqual({
      groupBy: 'project',
      colourBy: 'status',
      status: 'deprecated,ga',
      project: ':global',
      service: 'auth',
      impact: 'true',
    });
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Impact mode' }),
    );
    await choose(/^Group by\s/, 'No grouping');
    await choose(/^Colour by\s/, 'Project');
    // the defaults leave the URL; regrouping clears the selection, as before
    expect(query()).toEqual({ status: 'deprecated,ga', project: ':global' });
  });

  it('opens a shared link with its view, the service selected and shown in its group', async () => {
    await renderPage(
      mockApi(),
      '/?service=checkout&groupBy=project&owner=ecommerce-team,%40platform-team&tier=critical,high',
    );
    expect(await screen.findByRole('application')).toBeInTheDocument();
    expect(detailsHeading()).toHaveTextContent('checkout');
    expect(
      screen.getByRole('button', { name: /^Group by\s/ }),
    ).toHaveTextContent('Project');
    // auth (critical) in the collapsed global group; api, checkout and web (high) of
    // project-a, whose group is expanded
    expect(graphArea()).toHaveAccessibleName(/4 nodes, 3 edges/);
    // the map is centred on the selected service, focused for the keyboard
    expect(
      screen.getByText(/^checkout, GA, project project-a/),
    ).toBeInTheDocument();
  });

  it('opens a shared link in impact mode with the impact of its service', async () => {
    const api = mockApi();
    await renderPage(api, '/?service=auth&impact=true&colourBy=owner');
    expect(
      await screen.findByText(
        '6 services affected (3 direct, 3 transitive) in 3 projects.',
      ),
    ).toBeInTheDocument();
    expect(api.getImpact).toHaveBeenCalledWith(
      'auth',
      {
        registry: undefined,
        includeOptional: false,
      },
      withSignal,
    );
    expect(
      screen.getByRole('button', { name: /^Colour by\s/ }),
    ).toHaveTextContent('Owner');
  });

  it('says when no service matches the filters, instead of a blank map, and clears them', async () => {
    // project-b has no retired service
    await renderPage(mockApi(), '/?project=project-b&status=retired');
    expect(
      await screen.findByText('No service matches the filters'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('application')).not.toBeInTheDocument();
    // the filters stay shown, to change
    expect(
      screen.getByRole('button', { name: /^Project\s/ }),
    ).toHaveTextContent('project-b');

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear the filters' }),
    );
    expect(graphArea()).toHaveAccessibleName(/9 nodes, 9 edges/);
    expect(
      screen.queryByText('No service matches the filters'),
    ).not.toBeInTheDocument();
    expect(query()).toEqual({});
  });

  it('filters the global services with ?project=:global', async () => {
    await renderPage(mockApi(), '/?project=%3Aglobal');
    await screen.findByRole('application');
    // auth, pay-v2, legacy and ghost (missing, of no project)
    expect(graphArea()).toHaveAccessibleName(/4 nodes, 1 edges/);
    expect(
      screen.getByRole('button', { name: /^Project\s/ }),
    ).toHaveTextContent('Global services');
  });

  it('ignores what it does not know in a shared link', async () => {
    await renderPage(
      mockApi(),
      '/?service=nope&groupBy=sideways&colourBy=taste&status=gone,deprecated&project=project-z&owner=&tier=ultra&impact=maybe',
    );
    await screen.findByRole('application');
    // only the known status filters: pay-v2 is the deprecated service
    expect(graphArea()).toHaveAccessibleName(/1 nodes, 0 edges/);
    expect(detailsHeading()).toBeNull();
    expect(
      screen.getByRole('button', { name: /^Group by\s/ }),
    ).toHaveTextContent('No grouping');
    expect(
      screen.getByRole('button', { name: /^Colour by\s/ }),
    ).toHaveTextContent('Project');
    expect(
      screen.getByRole('checkbox', { name: 'Impact mode' }),
    ).not.toBeChecked();
  });

  it('keeps the service found in the URL, and centres on it', async () => {
    await renderPage(mockApi());
    await screen.findByRole('application');
    await findService('checkout');
    expect(query()).toEqual({ service: 'checkout' });
    expect(screen.getByText(/^checkout, GA, project/)).toBeInTheDocument();
    await userEvent.clear(
      screen.getByRole('textbox', { name: 'Find a service' }),
    );
    await findService('shipping');
    expect(query()).toEqual({ service: 'shipping' });
    expect(screen.getByText(/^shipping, GA, project/)).toBeInTheDocument();
  });

  describe('with a project named global and an owner named none', () => {
    const namesakes = () => mockApi({ getGraph: async () => namesakeGraph() });
    const legend = () =>
      within(screen.getByRole('list', { name: 'Legend' }))
        .getAllByRole('listitem')
        .map(item => item.textContent);

    it('keeps the usual labels when no project or owner has those names', async () => {
      await renderPage(mockApi());
      await screen.findByRole('application');
      expect(legend()).toContain('global');
      await choose(/^Colour by\s/, 'Owner');
      expect(legend()).toContain('none');
    });

    it('filters the project global and the global services apart', async () => {
      await renderPage(namesakes());
      await screen.findByRole('application');
      await userEvent.click(screen.getByRole('button', { name: /^Project\s/ }));
      await userEvent.click(screen.getByRole('option', { name: 'global' }));
      await userEvent.keyboard('{Escape}');
      // portal and billing
      expect(graphArea()).toHaveAccessibleName(/: 2 nodes, 0 edges/);
      expect(query()).toEqual({ project: 'global' });
      await userEvent.click(screen.getByRole('button', { name: /^Project\s/ }));
      await userEvent.click(screen.getByRole('option', { name: 'global' }));
      await userEvent.click(
        screen.getByRole('option', { name: 'Global services' }),
      );
      await userEvent.keyboard('{Escape}');
      // auth, jobs and cron
      expect(graphArea()).toHaveAccessibleName(/: 3 nodes, 1 edges/);
      expect(query()).toEqual({ project: ':global' });
    });

    it('opens links to the project global and to the global services apart', async () => {
      const first = await renderPage(namesakes(), '/?project=global');
      await screen.findByRole('application');
      expect(graphArea()).toHaveAccessibleName(/: 2 nodes, 0 edges/);
      first.unmount();
      await renderPage(namesakes(), '/?project=%3Aglobal');
      await screen.findByRole('application');
      expect(graphArea()).toHaveAccessibleName(/: 3 nodes, 1 edges/);
    });

    it('filters the owner none and the services without owner apart', async () => {
      const first = await renderPage(namesakes(), '/?owner=none');
      await screen.findByRole('application');
      expect(graphArea()).toHaveAccessibleName(/: 1 nodes, 0 edges/);
      first.unmount();
      await renderPage(namesakes(), '/?owner=%3Anone');
      await screen.findByRole('application');
      // jobs and cron
      expect(graphArea()).toHaveAccessibleName(/: 2 nodes, 1 edges/);
      expect(
        screen.getByRole('button', { name: /^Owner\s/ }),
      ).toHaveTextContent('No owner');
    });

    it('names the project of the service found apart', async () => {
      await renderPage(namesakes());
      await screen.findByRole('application');
      const project = () =>
        within(
          screen.getByRole('complementary', { name: 'Details' }),
        ).getByText('Project', { selector: 'dt' }).nextElementSibling
          ?.textContent;
      await findService('auth');
      expect(project()).toBe('Global services');
      await userEvent.clear(
        screen.getByRole('textbox', { name: 'Find a service' }),
      );
      await findService('portal');
      expect(project()).toBe('global');
    });

    it('groups, colours and explains them apart', async () => {
      await renderPage(namesakes(), '/?groupBy=project');
      await screen.findByRole('application');
      // shop, global and the global services
      expect(graphArea()).toHaveAccessibleName(/3 nodes, 2 edges/);
      // the keyboard walks from the global services (providers, on the right) to the project
      graphArea().focus();
      await userEvent.keyboard('{ArrowRight}');
      expect(
        screen.getByText(/^project Global services, collapsed group of 3 /),
      ).toBeInTheDocument();
      await userEvent.keyboard('{ArrowLeft}');
      expect(
        screen.getByText(/^project global, collapsed group of 2 /),
      ).toBeInTheDocument();
      expect(legend()).toEqual(
        expect.arrayContaining(['global', 'Global services', 'shop']),
      );
      await choose(/^Group by\s/, 'Owner');
      // platform-team, web-team, none and no owner
      expect(graphArea()).toHaveAccessibleName(/4 nodes/);
      await choose(/^Colour by\s/, 'Owner');
      expect(legend()).toEqual(
        expect.arrayContaining(['none', 'No owner', 'web-team']),
      );
    });
  });
});
