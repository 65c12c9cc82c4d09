import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { useLocation } from 'react-router-dom';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { slaOverviewResponse } from '../../testUtils/slaFixture';
import { namesakeSlaOverviewResponse } from '../../testUtils/namesakeRegistry';
import { ServiceRegistrySlaPage } from './ServiceRegistrySlaPage';
import { lightTheme } from '@backstage/theme';
import { lowestTextContrast } from '../../testUtils/textContrast';
import { TEXT_CONTRAST, themeSurfaces } from '../contrast';
import { withSignal } from '../../testUtils/withSignal';
import { pretendScreenWidth } from '../../testUtils/screenWidth';
import { definitionsOf } from '../../testUtils/definitions';

/** An API answering the overview of the SLA fixture registry (built with the real slaOverview). */
function fixtureApi(): ServiceRegistryApi {
  return mockServiceRegistryApi({
    getSlaOverview: jest.fn(async () => slaOverviewResponse()),
  });
}

/** Shows the query string, so the tests can see the filters kept in the URL. */
function QueryProbe() {
  const { search } = useLocation();
  return <output aria-label="query">{search}</output>;
}
const query = () => screen.getByRole('status', { name: 'query' });

async function renderPage(
  api: ServiceRegistryApi,
  registry?: string,
  path = '/',
) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <ServiceRegistrySlaPage registry={registry} />
      <QueryProbe />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const tierNames = () =>
  screen
    .queryAllByRole('region', { name: /tier$/ })
    .map(region => region.getAttribute('aria-label'));

/** The service names (link texts) of a tier's table, in row order. */
function servicesOf(tier: string): string[] {
  const table = screen.getByRole('table', { name: `Services of the ${tier}` });
  return within(table)
    .getAllByRole('link')
    .map(link => link.textContent ?? '');
}

function projectRows(): string[] {
  return within(screen.getByRole('table', { name: 'Compliance per project' }))
    .getAllByRole('row')
    .map(row => row.textContent ?? '');
}

async function choose(filter: string, option: string) {
  const bar = screen.getByRole('search', { name: 'Filter services' });
  await userEvent.click(
    within(bar).getByRole('button', { name: new RegExp(filter) }),
  );
  await userEvent.click(screen.getByRole('option', { name: option }));
}

describe('ServiceRegistrySlaPage', () => {
  it('shows progress while the overview loads', async () => {
    await renderPage(
      mockServiceRegistryApi({ getSlaOverview: () => new Promise(() => {}) }),
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    await renderPage(
      mockServiceRegistryApi({
        getSlaOverview: async () => {
          throw new Error('no snapshot of registry "default" yet');
        },
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the SLA overview: no snapshot of registry "default" yet/,
      ),
    ).toBeInTheDocument();
  });

  it('says when the registry has no services', async () => {
    await renderPage(
      mockServiceRegistryApi({
        getSlaOverview: async () => slaOverviewResponse({ project: 'nope' }),
      }),
    );
    expect(
      await screen.findByText('The registry declares no services'),
    ).toBeInTheDocument();
  });

  it('groups every service by tier with its policy, compliance, gaps and catalog link', async () => {
    const api = fixtureApi();
    await renderPage(api);
    expect(
      await screen.findByText(
        '9 services (retired services are not counted) · 2 compliant · 2 not compliant · 2 incomplete · 3 without policy · registry "default"',
      ),
    ).toBeInTheDocument();
    expect(jest.mocked(api.getSlaOverview).mock.calls[0][0]?.registry).toBe(
      undefined,
    );
    expect(tierNames()).toEqual([
      'Critical tier',
      'High tier',
      'Medium tier',
      'Low tier',
      'No tier',
    ]);
    expect(servicesOf('Critical tier')).toEqual([
      'Auth',
      'Payments',
      'Shop Admin',
    ]);
    expect(servicesOf('High tier')).toEqual([
      'Shop Cart',
      'Shop Search',
      'Shop Web',
    ]);

    const critical = screen.getByRole('region', { name: 'Critical tier' });
    expect(critical).toHaveTextContent(
      '3 services · 1 compliant · 2 not compliant',
    );
    expect(
      within(critical).getByText('Availability 99.99%'),
    ).toBeInTheDocument();
    expect(
      within(critical).getByText('Break handling graceful'),
    ).toBeInTheDocument();
    const payments = within(critical).getByRole('link', { name: 'Payments' });
    expect(payments).toHaveAttribute(
      'href',
      '/catalog/default/component/payments',
    );
    const paymentsRow = payments.closest('tr')!;
    expect(paymentsRow).toHaveTextContent('Not compliant');
    expect(paymentsRow).toHaveTextContent('99.9%');
    expect(paymentsRow).toHaveTextContent('1500 ms');
    expect(paymentsRow).toHaveTextContent(
      'availability 99.9% declared, critical tier requires 99.99%',
    );
    expect(paymentsRow).toHaveTextContent(
      'support_hours "business" declared, critical tier requires "24/7"',
    );
    expect(
      within(critical).getByRole('link', { name: 'Auth' }).closest('tr'),
    ).toHaveTextContent('Compliant');

    expect(
      screen.getByRole('region', { name: 'Medium tier' }),
    ).toHaveTextContent(
      'The registry has no SLA policy for the medium tier: declarations are not checked.',
    );
    expect(
      within(screen.getByRole('region', { name: 'No tier' }))
        .getByRole('link', { name: 'Notifier' })
        .closest('tr'),
    ).toHaveTextContent(
      'NotifiernotifierGlobal services@platformnot declarednot declaredNo policynone',
    );

    expect(projectRows()).toEqual([
      'ProjectServicesCompliantNot compliantIncompleteNo policy',
      'CRM (crm)10001',
      'Web Shop (shop)41120',
      'Global services41102',
      'All92223',
    ]);
  });

  it('tells a global service apart from a service of the project named global', async () => {
    await renderPage(
      mockServiceRegistryApi({
        getSlaOverview: jest.fn(async () => namesakeSlaOverviewResponse()),
      }),
    );
    const high = await screen.findByRole('region', { name: 'High tier' });
    const column = within(high)
      .getAllByRole('columnheader')
      .findIndex(header => header.textContent === 'Project');
    const project = (name: string) =>
      within(high).getByRole('link', { name }).closest('tr')!.children[column]
        .textContent;
    expect(project('Auth')).toBe('Global services');
    expect(project('Portal')).toBe('global');
  });

  it('filters by project, narrowing the tiers, the rows and the per-project counts', async () => {
    await renderPage(fixtureApi());
    await screen.findByText(/^9 services /);
    await choose('Project', 'Web Shop');
    expect(
      screen.getByText(
        'Showing 4 of 9 services (retired services are not counted)',
      ),
    ).toBeInTheDocument();
    expect(tierNames()).toEqual(['Critical tier', 'High tier']);
    expect(servicesOf('Critical tier')).toEqual(['Shop Admin']);
    expect(servicesOf('High tier')).toEqual([
      'Shop Cart',
      'Shop Search',
      'Shop Web',
    ]);
    expect(projectRows()).toEqual([
      'ProjectServicesCompliantNot compliantIncompleteNo policy',
      'Web Shop (shop)41120',
      'All41120',
    ]);
    await choose('Project', 'Global services');
    expect(
      screen.getByText(
        'Showing 4 of 9 services (retired services are not counted)',
      ),
    ).toBeInTheDocument();
    expect(servicesOf('Critical tier')).toEqual(['Auth', 'Payments']);
    expect(tierNames()).toEqual(['Critical tier', 'Medium tier', 'No tier']);
  });

  it('filters by compliance, owner and tier, and clears the filters', async () => {
    await renderPage(fixtureApi());
    await screen.findByText(/^9 services /);
    await choose('Compliance', 'Not compliant');
    expect(tierNames()).toEqual(['Critical tier']);
    expect(servicesOf('Critical tier')).toEqual(['Payments', 'Shop Admin']);
    // "@platform" and "platform" are one owner
    await choose('Owner', 'platform');
    expect(servicesOf('Critical tier')).toEqual(['Shop Admin']);
    expect(projectRows()).toEqual([
      'ProjectServicesCompliantNot compliantIncompleteNo policy',
      'Web Shop (shop)10100',
      'All10100',
    ]);
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(
      screen.getByText(
        'Showing 9 of 9 services (retired services are not counted)',
      ),
    ).toBeInTheDocument();
    await choose('Tier', 'high');
    expect(tierNames()).toEqual(['High tier']);
    expect(
      screen.getByText(
        'Showing 3 of 9 services (retired services are not counted)',
      ),
    ).toBeInTheDocument();
    await choose('Compliance', 'Compliant');
    expect(servicesOf('High tier')).toEqual(['Shop Web']);
    await choose('Tier', 'medium');
    expect(
      screen.getByText('No service matches the filters'),
    ).toBeInTheDocument();
    expect(tierNames()).toEqual([]);
  });

  it('keeps the filters in the URL, and reads them from a shared link', async () => {
    const { unmount } = await renderPage(fixtureApi());
    await screen.findByText(/^9 services /);
    await choose('Project', 'Global services');
    await choose('Compliance', 'Not compliant');
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      '?project=%3Aglobal&compliance=non-compliant',
    );
    unmount();

    await renderPage(fixtureApi(), undefined, '/?project=shop&tier=critical');
    await screen.findByText(/^9 services /);
    expect(
      screen.getByText(
        'Showing 1 of 9 services (retired services are not counted)',
      ),
    ).toBeInTheDocument();
    expect(servicesOf('Critical tier')).toEqual(['Shop Admin']);
    const bar = screen.getByRole('search', { name: 'Filter services' });
    expect(
      within(bar).getByRole('button', { name: /^Project/ }),
    ).toHaveTextContent('Web Shop');
  });

  it('keeps showing a filter of a link that the registry no longer has, with no service matching it', async () => {
    // a registry whose services are of no medium tier
    const overview = slaOverviewResponse();
    overview.tiers = overview.tiers.filter(t => t.tier !== 'medium');
    await renderPage(
      mockServiceRegistryApi({ getSlaOverview: jest.fn(async () => overview) }),
      undefined,
      '/?project=removed&owner=%40gone-team&tier=medium',
    );
    expect(
      await screen.findByText('No service matches the filters'),
    ).toBeInTheDocument();
    const bar = screen.getByRole('search', { name: 'Filter services' });
    const select = (name: string) =>
      within(bar).getByRole('button', { name: new RegExp(`^${name}`) });
    expect(select('Project')).toHaveTextContent('removed');
    expect(select('Owner')).toHaveTextContent('gone-team');
    expect(select('Tier')).toHaveTextContent('medium');
    // it is an option of its menu, selected, next to the registry's
    await userEvent.click(select('Project'));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map(o => o.textContent)).toContain('Web Shop');
    expect(
      options.find(o => o.getAttribute('aria-selected') === 'true'),
    ).toHaveTextContent('removed');
    await userEvent.click(screen.getByRole('option', { name: 'All' }));
    expect(select('Project')).toHaveTextContent('All');
    expect(screen.getByRole('status', { name: 'query' })).not.toHaveTextContent(
      'project',
    );
  });

  it('sorts the services of each tier by a column', async () => {
    await renderPage(fixtureApi());
    await screen.findByText(/^9 services /);
    // the headers sort the tables: no menu (a phone's lists have one)
    expect(screen.queryByRole('button', { name: /^Sort by/ })).toBeNull();
    const critical = screen.getByRole('region', { name: 'Critical tier' });
    await userEvent.click(
      within(critical).getByRole('button', { name: 'Availability' }),
    );
    expect(servicesOf('Critical tier')).toEqual([
      'Payments',
      'Shop Admin',
      'Auth',
    ]);
    await userEvent.click(
      within(critical).getByRole('button', { name: /Availability/ }),
    );
    expect(servicesOf('Critical tier')).toEqual([
      'Auth',
      'Shop Admin',
      'Payments',
    ]);
    // the worst standing first
    await userEvent.click(
      within(critical).getByRole('button', { name: 'Compliance' }),
    );
    expect(servicesOf('High tier')).toEqual([
      'Shop Cart',
      'Shop Search',
      'Shop Web',
    ]);
    expect(servicesOf('Critical tier')).toEqual([
      'Payments',
      'Shop Admin',
      'Auth',
    ]);
  });

  it('keeps the sorting in the URL with the filters, and opens a shared link sorted', async () => {
    const opened = await renderPage(fixtureApi(), undefined, '/?tier=critical');
    await screen.findByText(/^Showing 3 of 9 services /);
    const critical = () =>
      screen.getByRole('region', { name: 'Critical tier' });
    await userEvent.click(
      within(critical()).getByRole('button', { name: 'Availability' }),
    );
    await userEvent.click(
      within(critical()).getByRole('button', { name: /Availability/ }),
    );
    expect(query()).toHaveTextContent(
      '?tier=critical&sort=availability&order=desc',
    );
    opened.unmount();

    await renderPage(
      fixtureApi(),
      undefined,
      '/?tier=critical&sort=availability&order=desc',
    );
    await screen.findByText(/^Showing 3 of 9 services /);
    expect(servicesOf('Critical tier')).toEqual([
      'Auth',
      'Shop Admin',
      'Payments',
    ]);
    // the header sorted by says so, and a filter keeps the sorting
    expect(
      within(critical()).getByRole('columnheader', { name: /Availability/ }),
    ).toHaveAttribute('aria-sort', 'descending');
    await choose('Tier', 'All');
    expect(query()).toHaveTextContent(/^\?sort=availability&order=desc$/);
    expect(servicesOf('Critical tier')).toEqual([
      'Auth',
      'Shop Admin',
      'Payments',
    ]);
  });

  it('opens a link with an unknown sorting in the order by id', async () => {
    await renderPage(fixtureApi(), undefined, '/?sort=colour&order=desc');
    await screen.findByText(/^9 services /);
    expect(servicesOf('Critical tier')).toEqual([
      'Auth',
      'Payments',
      'Shop Admin',
    ]);
    // and leaves it out of the URL
    await waitFor(() => expect(query()).toBeEmptyDOMElement());
  });

  it('leaves out of the URL what goes without saying of a sorting', async () => {
    await renderPage(fixtureApi(), undefined, '/?sort=name&order=asc');
    await screen.findByText(/^9 services /);
    await waitFor(() => expect(query()).toHaveTextContent(/^\?sort=name$/));
  });

  it('asks the given registry', async () => {
    const api = mockServiceRegistryApi({
      getSlaOverview: jest.fn(async () => ({
        ...slaOverviewResponse(),
        registry: 'staging',
      })),
    });
    await renderPage(api, 'staging');
    expect(await screen.findByText(/registry "staging"/)).toBeInTheDocument();
    expect(api.getSlaOverview).toHaveBeenCalledWith(
      { registry: 'staging' },
      withSignal,
    );
  });

  it('names no registry when it is given none, so that the backend answers its only one', async () => {
    // one registry, configured under another key than `default`: asking for `default` is a 404
    const api = mockServiceRegistryApi({
      getSlaOverview: jest.fn(async () => ({
        ...slaOverviewResponse(),
        registry: 'platform',
      })),
    });
    await renderPage(api);
    expect(await screen.findByText(/registry "platform"/)).toBeInTheDocument();
    expect(api.getSlaOverview).toHaveBeenCalledTimes(1);
    expect(jest.mocked(api.getSlaOverview).mock.calls[0][0]).toEqual({
      registry: undefined,
    });
  });

  it('asks the registry of the link it was opened with (?registry=), keeping it while filtering', async () => {
    const api = mockServiceRegistryApi({
      getSlaOverview: jest.fn(async () => ({
        ...slaOverviewResponse(),
        registry: 'platform',
      })),
    });
    await renderPage(api, undefined, '/?registry=platform');
    expect(await screen.findByText(/registry "platform"/)).toBeInTheDocument();
    expect(api.getSlaOverview).toHaveBeenCalledWith(
      { registry: 'platform' },
      withSignal,
    );
    await choose('Tier', 'high');
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      'registry=platform',
    );
  });

  it('says that its counts leave the retired services out', async () => {
    // the fixture declares ten services, `legacy` retired
    await renderPage(fixtureApi());
    expect(
      await screen.findByText(
        /^9 services \(retired services are not counted\) · 2 compliant/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Showing 9 of 9 services (retired services are not counted)',
      ),
    ).toBeInTheDocument();
  });

  it('titles its sections with headings, so that screen reader users can jump to them', async () => {
    await renderPage(fixtureApi());
    expect(
      await screen.findByRole('heading', { name: 'Per project', level: 2 }),
    ).toBeInTheDocument();
    expect(tierNames().length).toBeGreaterThan(0);
    for (const tier of tierNames()) {
      expect(
        screen.getByRole('heading', { name: tier!, level: 2 }),
      ).toBeInTheDocument();
    }
  });

  it('writes its filter labels and the count under them in a colour that reads on the page (WCAG AA)', async () => {
    await renderPage(fixtureApi());
    const showing = await screen.findByText(/^Showing \d+ of \d+ services/);
    const labels = ['project', 'tier', 'owner', 'compliance'].map(
      filter =>
        document.getElementById(`service-registry-sla-filter-${filter}-label`)!,
    );
    for (const text of [showing, ...labels]) {
      expect(
        lowestTextContrast(text, themeSurfaces(lightTheme)),
      ).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });
});

describe('ServiceRegistrySlaPage on a phone', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = pretendScreenWidth(390);
  });
  afterEach(() => restore());

  /** The entries of a list (not those of the gaps' lists in them). */
  const itemsOf = (list: HTMLElement) =>
    Array.from(list.children) as HTMLElement[];
  /** The entries of a list, as their texts. */
  const entries = (name: string) =>
    itemsOf(screen.getByRole('list', { name })).map(item => item.textContent);
  /** The services a tier lists, by the names of their links. */
  const servicesListed = (tier: string) =>
    itemsOf(screen.getByRole('list', { name: `Services of the ${tier}` })).map(
      item => within(item).getAllByRole('link')[0].textContent,
    );

  it("lists each tier's services with their availability, p99, compliance and gaps, which the table's columns put out of a phone's sight", async () => {
    await renderPage(fixtureApi());
    const critical = await screen.findByRole('list', {
      name: 'Services of the Critical tier',
    });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const items = itemsOf(critical);
    // in the table's order, each linked to its page
    expect(servicesListed('Critical tier')).toEqual([
      'Auth',
      'Payments',
      'Shop Admin',
    ]);
    const payments = items[1];
    expect(
      within(payments).getByRole('link', { name: 'Payments' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments');
    expect(payments).toHaveTextContent('Not compliant');
    const facts = definitionsOf(payments);
    expect(facts).toEqual({
      Availability: '99.9%',
      p99: '1500 ms',
      Gaps: expect.stringContaining(
        'availability 99.9% declared, critical tier requires 99.99%',
      ),
    });
    expect(payments).toHaveTextContent(
      'support_hours "business" declared, critical tier requires "24/7"',
    );
    expect(entries('Services of the No tier')).toEqual([
      expect.stringMatching(
        /^NotifiernotifierNo policyGlobal services · @platformAvailabilitynot declaredp99not declaredGapsnone$/,
      ),
    ]);
  });

  it('lists the counts of each project in words', async () => {
    await renderPage(fixtureApi());
    await screen.findByRole('list', { name: 'Compliance per project' });
    expect(entries('Compliance per project')).toEqual([
      'CRM (crm)1 service · 1 without policy',
      'Web Shop (shop)4 services · 1 compliant · 1 not compliant · 2 incomplete',
      'Global services4 services · 1 compliant · 1 not compliant · 2 without policy',
      'All9 services · 2 compliant · 2 not compliant · 2 incomplete · 3 without policy',
    ]);
  });

  it('follows the filters, as the tables do', async () => {
    await renderPage(fixtureApi());
    await screen.findByRole('list', { name: 'Services of the Critical tier' });
    await choose('Compliance', 'Not compliant');
    expect(servicesListed('Critical tier')).toEqual(['Payments', 'Shop Admin']);
  });

  it("sorts every tier by its Sort by menu, as the tables' headers do, and back to the order by id", async () => {
    await renderPage(fixtureApi());
    await screen.findByRole('list', { name: 'Services of the Critical tier' });
    const sortBy = async (option: string) => {
      await userEvent.click(screen.getByRole('button', { name: /^Sort by/ }));
      await userEvent.click(screen.getByRole('option', { name: option }));
    };
    expect(screen.getByRole('button', { name: /^Sort by/ })).toHaveTextContent(
      'Service id, A to Z',
    );
    await sortBy('Availability, lowest first');
    expect(servicesListed('Critical tier')).toEqual([
      'Payments',
      'Shop Admin',
      'Auth',
    ]);
    await sortBy('Availability, highest first');
    expect(servicesListed('Critical tier')).toEqual([
      'Auth',
      'Shop Admin',
      'Payments',
    ]);
    await sortBy('Compliance, worst first');
    expect(servicesListed('High tier')).toEqual([
      'Shop Cart',
      'Shop Search',
      'Shop Web',
    ]);
    await sortBy('Service id, A to Z');
    expect(servicesListed('Critical tier')).toEqual([
      'Auth',
      'Payments',
      'Shop Admin',
    ]);
  });

  it("keeps the menu's choice in the URL, and opens a shared link with it chosen", async () => {
    const opened = await renderPage(fixtureApi());
    await screen.findByRole('list', { name: 'Services of the Critical tier' });
    await userEvent.click(screen.getByRole('button', { name: /^Sort by/ }));
    await userEvent.click(
      screen.getByRole('option', { name: 'Availability, highest first' }),
    );
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      '?sort=availability&order=desc',
    );
    opened.unmount();
    await renderPage(fixtureApi(), undefined, '/?sort=availability&order=desc');
    await screen.findByRole('list', { name: 'Services of the Critical tier' });
    expect(screen.getByRole('button', { name: /^Sort by/ })).toHaveTextContent(
      'Availability, highest first',
    );
    expect(servicesListed('Critical tier')).toEqual([
      'Auth',
      'Shop Admin',
      'Payments',
    ]);
  });
});
