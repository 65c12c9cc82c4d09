import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { lightTheme } from '@backstage/theme';
import { ReactNode } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import {
  deprecationDetail,
  deprecationsResponse,
  manyDeprecationsResponse,
  REPLACEMENT_CHAINS,
} from '../../testUtils/deprecationFixture';
import { namesakeDeprecationsResponse } from '../../testUtils/namesakeRegistry';
import { backendError } from '../../testUtils/backendError';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { ServiceRegistryDeprecationsPage } from './ServiceRegistryDeprecationsPage';
import { lowestTextContrast, textColor } from '../../testUtils/textContrast';
import {
  contrastOn,
  opaqueOn,
  TEXT_CONTRAST,
  themeSurfaces,
} from '../contrast';
import { withSignal } from '../../testUtils/withSignal';
import { pretendScreenWidth } from '../../testUtils/screenWidth';
import { definitionsOf } from '../../testUtils/definitions';
import { sortArrowOf } from '../../testUtils/sortArrow';

/** The fixture's deprecated services, the most urgent first, as the backend lists them. */
const BY_URGENCY = [
  'gone',
  'old-api',
  'pay-v2',
  'vague',
  'legacy-search',
  'done-svc',
];

/** The same, the latest sunset first, services without a sunset before them. */
const SUNSET_DESC = [
  'vague',
  'legacy-search',
  'done-svc',
  'pay-v2',
  'old-api',
  'gone',
];

// A page with a material table: slow on small CI machines.
jest.setTimeout(30_000);

function fixtureApi(overrides: Partial<ServiceRegistryApi> = {}) {
  return mockServiceRegistryApi({
    getDeprecations: jest.fn(async () => deprecationsResponse()),
    getDeprecation: jest.fn(async (service: string) =>
      deprecationDetail(service),
    ),
    ...overrides,
  });
}

/** Shows the query string, so the tests can see the filters kept in the URL. */
function QueryProbe() {
  const { search } = useLocation();
  return <output aria-label="query">{search}</output>;
}

async function renderPage(
  api: ServiceRegistryApi = fixtureApi(),
  registry?: string,
  path = '/',
  /** more of the app around the page, as a link to it */
  around?: ReactNode,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      {around}
      <ServiceRegistryDeprecationsPage registry={registry} />
      <QueryProbe />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The table of deprecated services (a paged one has its pager in a second table, its footer). */
const table = () => {
  const found = screen
    .getAllByRole('table')
    .find(t => within(t).queryByRole('columnheader', { name: 'Replacement' }));
  if (!found) throw new Error('no table of deprecated services');
  return found;
};

/** The service id a data row starts with (linked, or as text for a retired service), if any. */
function serviceOf(row: HTMLElement): string | undefined {
  const first = within(row).queryAllByRole('cell')[0];
  return first ? within(first).queryAllByText(/./)[0]?.textContent ?? '' : '';
}

/** The data rows of the table, by service id. */
function rowByService(id: string): HTMLElement {
  const row = within(table())
    .getAllByRole('row')
    .find(r => serviceOf(r) === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

/** The service ids of the table, top to bottom. */
function serviceOrder(): string[] {
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map(r => serviceOf(r) ?? '')
    .filter(Boolean);
}

async function sortBy(column: string) {
  const header = within(table()).getByRole('columnheader', { name: column });
  await userEvent.click(within(header).getAllByRole('button')[0]);
}

/** The column whose header shows the sort arrow, and its direction, if any. */
const sortArrow = () => sortArrowOf(table());

/** The page's search box. */
const filterBox = () => screen.getByRole('searchbox', { name: 'Search' });

/** The query string, whole. */
const query = () => screen.getByRole('status', { name: 'query' }).textContent;

async function choose(filter: string, option: string) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(`^${filter}\\s`) }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('ServiceRegistryDeprecationsPage', () => {
  it('shows progress while the deprecations load', async () => {
    await renderPage(
      fixtureApi({ getDeprecations: () => new Promise(() => {}) }),
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it("shows the backend's own reason in the error's title", async () => {
    await renderPage(
      fixtureApi({
        getDeprecations: async () => {
          throw await backendError({
            status: 503,
            statusText: 'Service Unavailable',
            name: 'ServiceUnavailableError',
            message: 'registry "default" has not been ingested yet',
            url: '/api/service-registry/deprecations',
          });
        },
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the deprecations: registry "default" has not been ingested yet/,
      ),
    ).toBeInTheDocument();
  });

  it('says when nothing is deprecated', async () => {
    await renderPage(
      fixtureApi({
        getDeprecations: async () => ({
          ...deprecationsResponse(),
          counts: {
            total: 0,
            overdue: 0,
            'at-risk': 0,
            'no-sunset': 0,
            'on-track': 0,
            done: 0,
          },
          items: [],
        }),
      }),
    );
    expect(
      await screen.findByText('No deprecated services'),
    ).toBeInTheDocument();
  });

  it('lists every deprecated service with its numbers, the most urgent first, and counts by status', async () => {
    const api = fixtureApi();
    await renderPage(api, 'staging');
    await screen.findByRole('table');
    expect(api.getDeprecations).toHaveBeenCalledWith(
      { registry: 'staging' },
      withSignal,
    );
    expect(
      screen.getByText(
        '6 deprecated or retired services · registry "default" · days counted from 2026-11-22',
      ),
    ).toBeInTheDocument();
    expect(serviceOrder()).toEqual(BY_URGENCY);
    const cells = (id: string) =>
      within(rowByService(id))
        .getAllByRole('cell')
        .map(c => c.textContent);
    // owner and project under the service, and the button of its burn-down; the days left under
    // the sunset date
    expect(cells('old-api')).toEqual([
      'old-apiOld APIplatform-team · Global servicesBurn-down',
      'Overdue',
      '2026-05-10',
      '2026-11-1012 days overdue',
      '3',
      '24 h',
      'new-api',
    ]);
    expect(cells('gone').slice(1, 2)).toEqual(['Retired']);
    expect(cells('pay-v2').slice(1, 7)).toEqual([
      'At risk',
      '2026-09-01',
      '2026-12-1018 days left',
      '1',
      '20 h',
      'pay-v3',
    ]);
    expect(cells('vague').slice(3, 7)).toEqual([
      '—no sunset date',
      '1',
      '—',
      'ghost (not declared)no live successor: ask its owners',
    ]);
    expect(
      within(rowByService('old-api')).getByRole('link', { name: 'new-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/new-api');
    expect(
      within(rowByService('old-api')).getByRole('link', { name: 'old-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/old-api');

    const counts = screen.getByRole('list', { name: 'Deprecations by status' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'All: 6',
      'Overdue: 2 (1 retired)',
      'At risk: 1',
      'No sunset date: 1',
      'On track: 1',
      'No consumers left: 1',
    ]);
  });

  it('names a retired service, and a retired replacement, as text: the catalog has no page for them', async () => {
    // gone is retired; old-api is deprecated, to be replaced by new-api, here retired too
    const response = deprecationsResponse();
    const api = fixtureApi({
      getDeprecations: async () => ({
        ...response,
        items: response.items.map(r =>
          r.service === 'old-api'
            ? {
                ...r,
                replacement: {
                  ...r.replacement!,
                  status: 'retired' as const,
                  retired: true,
                },
              }
            : r,
        ),
      }),
    });
    await renderPage(api);
    await screen.findByRole('table');
    const gone = rowByService('gone');
    expect(within(gone).queryByRole('link', { name: 'gone' })).toBeNull();
    // its status is in the row: Retired
    expect(within(gone).getAllByRole('cell')[1]).toHaveTextContent('Retired');
    // its replacement, new-api, is ga: linked
    expect(within(gone).getByRole('link', { name: 'new-api' })).toHaveAttribute(
      'href',
      '/catalog/default/component/new-api',
    );

    const oldApi = rowByService('old-api');
    expect(
      within(oldApi).getByRole('link', { name: 'old-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/old-api');
    expect(within(oldApi).queryByRole('link', { name: /new-api/ })).toBeNull();
    expect(within(oldApi).getAllByRole('cell')[6]).toHaveTextContent(
      'new-api (retired)',
    );
  });

  it('names under a replacement that is not live the live end of its replacements to migrate to, or that there is none', async () => {
    const api = fixtureApi({
      getDeprecations: jest.fn(async () =>
        deprecationsResponse(undefined, REPLACEMENT_CHAINS),
      ),
    });
    await renderPage(api);
    await screen.findByRole('table');
    const replacement = (id: string) =>
      within(rowByService(id)).getAllByRole('cell')[6];
    // mq-v2 is itself deprecated: mq-v3 is where to go
    expect(replacement('mq-v1')).toHaveTextContent(/^mq-v2migrate to mq-v3$/);
    expect(
      within(replacement('mq-v1')).getByRole('link', { name: 'mq-v3' }),
    ).toHaveAttribute('href', '/catalog/default/component/mq-v3');
    // mid-q is retired (as text: no catalog page), new-q is live
    expect(replacement('old-q')).toHaveTextContent(
      /^mid-q \(retired\)migrate to new-q$/,
    );
    expect(
      within(replacement('old-q')).getByRole('link', { name: 'new-q' }),
    ).toHaveAttribute('href', '/catalog/default/component/new-q');
    // loop-a and loop-b replace each other: no live service to migrate to
    expect(replacement('loop-a')).toHaveTextContent(
      /^loop-bno live successor: ask its owners$/,
    );
    // a live replacement needs nothing more
    expect(replacement('old-api')).toHaveTextContent(/^new-api$/);
    // the search finds a row by the service to migrate to
    await userEvent.type(filterBox(), 'new-q');
    await waitFor(() => expect(serviceOrder()).toEqual(['old-q']));
  });

  it('titles its cards with headings, so that screen reader users can jump to them', async () => {
    await renderPage();
    await screen.findByRole('table');
    expect(
      screen.getByRole('heading', { name: 'Timeline', level: 2 }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Burn-down', level: 2 }),
    ).toBeInTheDocument();
  });

  it('labels its filters in a colour that reads on the page (WCAG AA)', async () => {
    await renderPage();
    await screen.findByRole('table');
    for (const id of [
      'deprecations-status-filter',
      'deprecations-project-filter',
      'deprecations-owner-filter',
      'deprecations-search',
    ]) {
      const label = document.getElementById(`${id}-label`)!;
      expect(
        lowestTextContrast(label, themeSurfaces(lightTheme)),
      ).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it('gives each column header a single control, its sort button (no drag handle nested in it)', async () => {
    await renderPage();
    await screen.findByRole('table');
    for (const header of within(table()).getAllByRole('columnheader')) {
      expect(within(header).getAllByRole('button')).toHaveLength(1);
    }
  });

  it('sorts by a column', async () => {
    await renderPage();
    await screen.findByRole('table');
    await sortBy('Sunset');
    // Ascending: the furthest past sunset first, services without a sunset last.
    await waitFor(() =>
      expect(serviceOrder()).toEqual([
        'gone',
        'old-api',
        'pay-v2',
        'done-svc',
        'legacy-search',
        'vague',
      ]),
    );
    await sortBy('Consumers');
    await waitFor(() => expect(serviceOrder()[0]).toBe('done-svc'));
    expect(serviceOrder()[5]).toBe('old-api');
    await sortBy('Consumers');
    await waitFor(() => expect(serviceOrder()[0]).toBe('old-api'));
    expect(serviceOrder()[5]).toBe('done-svc');
  });

  it('filters by status, the timeline too', async () => {
    await renderPage();
    await screen.findByRole('table');
    await choose('Status', 'At risk');
    await waitFor(() => expect(serviceOrder()).toEqual(['pay-v2']));
    const timeline = screen.getByRole('group', {
      name: /^Deprecation timeline: 1 deprecated service,/,
    });
    expect(
      within(timeline)
        .getAllByRole('button')
        .map(b => b.getAttribute('aria-label')!.split(':')[0]),
    ).toEqual(['pay-v2']);
    await choose('Status', 'All statuses');
    await waitFor(() => expect(serviceOrder()).toHaveLength(6));
  });

  it('keeps the rows a filter keeps as they are (their elements are not made again)', async () => {
    await renderPage();
    await screen.findByRole('table');
    const oldApi = rowByService('old-api');
    await userEvent.click(screen.getByRole('button', { name: /^Overdue: 2/ }));
    await waitFor(() => expect(serviceOrder()).toEqual(['gone', 'old-api']));
    expect(rowByService('old-api')).toBe(oldApi);
    await userEvent.type(filterBox(), 'old');
    await waitFor(() => expect(serviceOrder()).toEqual(['old-api']));
    expect(rowByService('old-api')).toBe(oldApi);
  });

  it('filters by status from the counts', async () => {
    await renderPage();
    await screen.findByRole('table');
    const overdue = screen.getByRole('button', { name: /^Overdue: 2/ });
    await userEvent.click(overdue);
    await waitFor(() => expect(serviceOrder()).toEqual(['gone', 'old-api']));
    expect(overdue).toHaveAttribute('aria-pressed', 'true');
  });

  it('filters by project (its own services and those it consumes) and recounts', async () => {
    await renderPage();
    await screen.findByRole('table');
    await choose('Project', 'project-b');
    await waitFor(() =>
      expect(serviceOrder()).toEqual(['old-api', 'vague', 'legacy-search']),
    );
    const counts = screen.getByRole('list', { name: 'Deprecations by status' });
    expect(counts).toHaveTextContent('All: 3');
    expect(counts).toHaveTextContent('Overdue: 1');
    expect(counts).toHaveTextContent('No consumers left: 0');
  });

  it('keeps the filters in the URL, and reads them from a shared link', async () => {
    const { unmount } = await renderPage();
    await screen.findByRole('table');
    await choose('Project', 'project-b');
    await choose('Status', 'Overdue');
    await waitFor(() => expect(serviceOrder()).toEqual(['old-api']));
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      '?project=project-b&status=overdue',
    );
    unmount();

    await renderPage(
      fixtureApi(),
      undefined,
      '/?status=overdue&owner=%40platform-team',
    );
    await waitFor(() => expect(serviceOrder()).toEqual(['gone', 'old-api']));
    expect(screen.getByRole('button', { name: /^Overdue: 2/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: /^Owner\s/ })).toHaveTextContent(
      'platform-team',
    );
  });

  it('filters the global services with ?project=:global, shown as "Global services"', async () => {
    await renderPage(fixtureApi(), undefined, '/?project=%3Aglobal');
    await screen.findByRole('table');
    expect(
      screen.getByRole('button', { name: /^Project\s/ }),
    ).toHaveTextContent('Global services');
    // every deprecated service of the fixture is global
    await waitFor(() => expect(serviceOrder()).toHaveLength(6));
  });

  it('tells a global service apart from a service of the project named global', async () => {
    await renderPage(
      fixtureApi({
        getDeprecations: jest.fn(async () => namesakeDeprecationsResponse()),
      }),
    );
    await screen.findByRole('table');
    const service = (id: string) =>
      within(rowByService(id)).getAllByRole('cell')[0].textContent;
    expect(service('auth')).toBe(
      'authAuthplatform-team · Global servicesBurn-down',
    );
    expect(service('portal')).toBe('portalPortalportal-team · globalBurn-down');
  });

  it('filters by owner', async () => {
    await renderPage();
    await screen.findByRole('table');
    await choose('Owner', 'payments-team');
    await waitFor(() => expect(serviceOrder()).toEqual(['pay-v2']));
    expect(
      screen.getByRole('list', { name: 'Deprecations by status' }),
    ).toHaveTextContent('All: 1');
  });

  it('finds services by owner in the search box', async () => {
    await renderPage();
    await screen.findByRole('table');
    await userEvent.type(filterBox(), 'payments-team');
    await waitFor(() => expect(serviceOrder()).toEqual(['pay-v2']));
    await userEvent.clear(filterBox());
    await userEvent.type(filterBox(), 'search-team');
    await waitFor(() => expect(serviceOrder()).toEqual(['legacy-search']));
  });

  it('counts, draws and lists only what the search finds, each word anywhere in a row', async () => {
    await renderPage();
    await screen.findByRole('table');
    const counts = () =>
      screen.getByRole('list', { name: 'Deprecations by status' }).textContent;
    const bars = () =>
      within(screen.getByRole('group', { name: /^Deprecation timeline/ }))
        .getAllByRole('button')
        .map(b => b.getAttribute('aria-label')!.split(':')[0]);
    expect(counts()).toMatch(/^All: 6/);

    // the owner's words, in another order and case, with the status label
    await userEvent.type(filterBox(), 'TEAM platform overdue');
    await waitFor(() => expect(serviceOrder()).toEqual(['gone', 'old-api']));
    expect(counts()).toMatch(/^All: 2Overdue: 2 \(1 retired\)At risk: 0/);
    expect(bars()).toEqual(['gone', 'old-api']);
    expect(
      screen.getByRole('heading', { name: 'Deprecated services (2)' }),
    ).toBeInTheDocument();

    // with a status filter: the counts stay those of the search, the rows those of both
    await choose('Status', 'Overdue');
    await waitFor(() =>
      expect(query()).toBe('?q=TEAM+platform+overdue&status=overdue'),
    );
    expect(serviceOrder()).toEqual(['gone', 'old-api']);

    // nothing found: no row, no bar, all counts 0
    await userEvent.clear(filterBox());
    await userEvent.type(filterBox(), 'nobody-team');
    await waitFor(() =>
      expect(
        screen.getByText('No deprecated service matches these filters.'),
      ).toBeInTheDocument(),
    );
    expect(counts()).toMatch(/^All: 0Overdue: 0At risk: 0/);
  });

  describe('sorting and search kept in the URL', () => {
    it('opens the sorting of a shared link, its arrow on the column', async () => {
      const { unmount } = await renderPage(
        fixtureApi(),
        undefined,
        '/?sort=sunsetDate&order=desc',
      );
      await waitFor(() => expect(serviceOrder()).toEqual(SUNSET_DESC));
      expect(sortArrow()).toBe('Sunset desc');
      expect(query()).toBe('?sort=sunsetDate&order=desc');
      // the table's headers sort it: no menu (a phone's list has one)
      expect(screen.queryByRole('button', { name: /^Sort by/ })).toBeNull();
      // the user's sorting from there (material-table keeps the direction on another column)
      await sortBy('Consumers');
      await waitFor(() =>
        expect(query()).toBe('?sort=remainingConsumers&order=desc'),
      );
      expect(serviceOrder()[0]).toBe('old-api');
      expect(sortArrow()).toBe('Consumers desc');
      // and none: the link's sorting does not come back
      await sortBy('Consumers');
      await waitFor(() => expect(query()).toBe(''));
      expect(serviceOrder()).toEqual(BY_URGENCY);
      expect(sortArrow()).toBeUndefined();
      unmount();

      // `order=asc` is the default order: the same without it
      await renderPage(
        fixtureApi(),
        undefined,
        '/?sort=remainingConsumers&order=asc',
      );
      await waitFor(() => expect(sortArrow()).toBe('Consumers asc'));
      expect(serviceOrder()[0]).toBe('done-svc');
      expect(serviceOrder()[5]).toBe('old-api');
      await waitFor(() => expect(query()).toBe('?sort=remainingConsumers'));
    });

    it("keeps the sorting in the URL by the column's field, the default sorting left out", async () => {
      const { unmount } = await renderPage();
      await screen.findByRole('table');
      expect(sortArrow()).toBeUndefined();
      await sortBy('Sunset');
      await waitFor(() => expect(query()).toBe('?sort=sunsetDate'));
      expect(sortArrow()).toBe('Sunset asc');
      expect(serviceOrder()).toEqual([...SUNSET_DESC].reverse());
      await sortBy('Sunset');
      await waitFor(() => expect(query()).toBe('?sort=sunsetDate&order=desc'));
      expect(serviceOrder()).toEqual(SUNSET_DESC);
      expect(sortArrow()).toBe('Sunset desc');
      // a third click: the default sorting again, the most urgent first, out of the URL
      await sortBy('Sunset');
      await waitFor(() => expect(query()).toBe(''));
      expect(serviceOrder()).toEqual(BY_URGENCY);
      expect(sortArrow()).toBeUndefined();
      await sortBy('Effort');
      await waitFor(() => expect(query()).toBe('?sort=remainingEffortHours'));
      const sorted = serviceOrder();
      expect(sorted).not.toEqual(BY_URGENCY);
      unmount();

      // the link opens the same table
      await renderPage(fixtureApi(), undefined, '/?sort=remainingEffortHours');
      await waitFor(() => expect(serviceOrder()).toEqual(sorted));
      expect(sortArrow()).toBe('Effort asc');
    });

    it.each([
      ['an unknown column', '?status=overdue&sort=bogus&order=desc'],
      ['an unknown order', '?status=overdue&sort=sunsetDate&order=sideways'],
      ['a column the table does not show', '?status=overdue&sort=owner'],
      ['an order without a column', '?status=overdue&order=desc'],
    ])(
      'opens the default sorting for %s in a shared link, and leaves it out of the URL',
      async (_case, search) => {
        await renderPage(fixtureApi(), undefined, `/${search}`);
        await waitFor(() =>
          expect(serviceOrder()).toEqual(['gone', 'old-api']),
        );
        expect(sortArrow()).toBeUndefined();
        await waitFor(() => expect(query()).toBe('?status=overdue'));
      },
    );

    it('opens the search of a shared link, and keeps the text typed in the URL', async () => {
      const { unmount } = await renderPage(
        fixtureApi(),
        undefined,
        '/?q=payments-team',
      );
      await waitFor(() => expect(serviceOrder()).toEqual(['pay-v2']));
      expect(filterBox()).toHaveValue('payments-team');

      // cleared: every row, no text in the URL
      await userEvent.clear(filterBox());
      await waitFor(() => expect(serviceOrder()).toEqual(BY_URGENCY));
      await waitFor(() => expect(query()).toBe(''));
      await userEvent.type(filterBox(), 'search team');
      await waitFor(() => expect(query()).toBe('?q=search+team'));
      expect(serviceOrder()).toEqual(['legacy-search']);
      await userEvent.clear(filterBox());
      await userEvent.type(filterBox(), 'search-team');
      await waitFor(() => expect(query()).toBe('?q=search-team'));
      expect(serviceOrder()).toEqual(['legacy-search']);
      unmount();

      // with a sorting: the rows of the text, sorted
      await renderPage(
        fixtureApi(),
        undefined,
        '/?q=platform-team&sort=sunsetDate&order=desc',
      );
      await waitFor(() =>
        expect(serviceOrder()).toEqual(['done-svc', 'old-api', 'gone']),
      );
      expect(filterBox()).toHaveValue('platform-team');
      expect(sortArrow()).toBe('Sunset desc');
    });

    it('follows a link that changes the sorting or the search while the page is open', async () => {
      await renderPage(
        fixtureApi(),
        undefined,
        '/?q=platform-team&sort=sunsetDate&order=desc',
        <>
          <Link to="/">All deprecations</Link>
          <Link to="/?sort=remainingConsumers&q=search-team">
            Search team's deprecations
          </Link>
        </>,
      );
      await waitFor(() =>
        expect(serviceOrder()).toEqual(['done-svc', 'old-api', 'gone']),
      );
      await userEvent.click(
        screen.getByRole('link', { name: 'All deprecations' }),
      );
      await waitFor(() => expect(serviceOrder()).toEqual(BY_URGENCY));
      expect(filterBox()).toHaveValue('');
      expect(sortArrow()).toBeUndefined();
      expect(query()).toBe('');

      await userEvent.click(
        screen.getByRole('link', { name: "Search team's deprecations" }),
      );
      await waitFor(() => expect(serviceOrder()).toEqual(['legacy-search']));
      expect(filterBox()).toHaveValue('search-team');
      expect(sortArrow()).toBe('Consumers asc');
      // and the table is the user's again
      await sortBy('Consumers');
      await waitFor(() =>
        expect(query()).toBe(
          '?sort=remainingConsumers&q=search-team&order=desc',
        ),
      );
      expect(sortArrow()).toBe('Consumers desc');
      expect(filterBox()).toHaveValue('search-team');
    });
  });

  it('draws the timeline with a today marker and the overdue bars marked', async () => {
    await renderPage();
    const timeline = await screen.findByRole('group', {
      name: 'Deprecation timeline: 6 deprecated services, today 2026-11-22',
    });
    expect(
      within(timeline).getByRole('img', { name: 'Today, 2026-11-22' }),
    ).toBeInTheDocument();
    const oldApi = within(timeline).getByRole('button', {
      name: /^old-api: Overdue, deprecated on 2026-05-10, sunset on 2026-11-10 \(12 days overdue\)/,
    });
    expect(oldApi).toHaveAttribute('data-status', 'overdue');
    expect(oldApi).toHaveTextContent('12 days overdue');
    expect(
      within(timeline).getByTestId('timeline-bar-old-api'),
    ).toHaveAttribute('fill', lightTheme.palette.error.main);
    expect(within(timeline).getByTestId('timeline-bar-pay-v2')).toHaveAttribute(
      'fill',
      lightTheme.palette.warning.main,
    );
  });

  it('marks the selected row with a background its text and links still read on (WCAG AA)', async () => {
    await renderPage();
    await screen.findByRole('table');
    await userEvent.click(
      within(rowByService('old-api')).getByText('12 days overdue'),
    );
    await screen.findByText('Burn-down of old-api');
    const row = rowByService('old-api');
    expect(row.style.backgroundColor).not.toBe('');
    // the row's colour over the card's
    const background = opaqueOn(
      row.style.backgroundColor,
      lightTheme.palette.background.paper,
    );
    const texts = [
      within(row).getByRole('link', { name: 'old-api' }),
      ...Array.from(
        row.querySelectorAll('[class*="MuiTypography-colorTextSecondary"]'),
      ),
    ];
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) {
      expect(contrastOn(textColor(text), background)).toBeGreaterThanOrEqual(
        TEXT_CONTRAST,
      );
    }
  });

  it('shows the burn-down of the row selected in the table', async () => {
    const api = fixtureApi();
    await renderPage(api);
    await screen.findByRole('table');
    expect(
      screen.getByText(/Select a service in the timeline or the table below/),
    ).toBeInTheDocument();
    await userEvent.click(
      within(rowByService('old-api')).getByText('12 days overdue'),
    );
    expect(
      await screen.findByRole('img', {
        name: 'Remaining consumers of old-api: 5 on 2026-10-01, 4 on 2026-10-25, 3 on 2026-11-22; sunset on 2026-11-10',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Burn-down of old-api')).toBeInTheDocument();
    expect(api.getDeprecation).toHaveBeenCalledWith(
      'old-api',
      {
        registry: undefined,
        today: '2026-11-22',
      },
      withSignal,
    );
    expect(
      screen.getByRole('button', { name: /^old-api: Overdue/ }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it("stays on a service's catalog page its link in the table leads to (no row selected afterwards)", async () => {
    function Where() {
      const { pathname, search } = useLocation();
      return <output aria-label="location">{pathname + search}</output>;
    }
    await renderInTestApp(
      <TestApiProvider apis={[[serviceRegistryApiRef, fixtureApi()]]}>
        <Routes>
          <Route
            path="/deprecations"
            element={<ServiceRegistryDeprecationsPage />}
          />
          <Route
            path="/catalog/:namespace/:kind/:name"
            element={<h1>Catalog page</h1>}
          />
        </Routes>
        <Where />
      </TestApiProvider>,
      {
        routeEntries: ['/deprecations'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    await screen.findByRole('table');
    await userEvent.click(
      within(rowByService('old-api')).getByRole('link', { name: 'old-api' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'Catalog page' }),
    ).toBeInTheDocument();
    // a click on a row reaches the page 200 ms late (material-table waits for a double click):
    // the link's click must not bring the user back to the page, the service selected
    await act(() => new Promise(resolve => setTimeout(resolve, 400)));
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent(
      /^\/catalog\/default\/component\/old-api$/,
    );
    expect(screen.getByRole('heading', { name: 'Catalog page' })).toBeVisible();
  });

  it('selects a row from the keyboard, past the services the timeline draws too, and says which row is selected', async () => {
    // 36 deprecated services: the timeline draws the 20 most urgent, the table's first page
    const many = manyDeprecationsResponse(30);
    const api = fixtureApi({ getDeprecations: jest.fn(async () => many) });
    await renderPage(api, undefined, '/?page=2');
    await waitFor(() =>
      expect(serviceOrder()).toEqual(
        many.items.slice(20, 36).map(r => r.service),
      ),
    );
    const [far, further] = [many.items[22].service, many.items[30].service];
    const timeline = screen.getByRole('group', {
      name: /^Deprecation timeline/,
    });
    expect(
      within(timeline).queryByRole('button', { name: new RegExp(`^${far}:`) }),
    ).not.toBeInTheDocument();

    const burnDownButton = (id: string) =>
      within(rowByService(id)).getByRole('button', {
        name: `Burn-down of ${id}`,
      });
    expect(burnDownButton(far)).toHaveAttribute('aria-pressed', 'false');
    // Tab reaches it; Enter selects
    burnDownButton(far).focus();
    expect(burnDownButton(far)).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(query()).toBe(`?page=2&service=${far}`));
    expect(await screen.findByText(`Burn-down of ${far}`)).toBeInTheDocument();
    // the focus stays where the reader pressed it
    expect(burnDownButton(far)).toHaveFocus();
    expect(api.getDeprecation).toHaveBeenCalledWith(
      far,
      {
        registry: undefined,
        today: '2026-11-22',
      },
      withSignal,
    );
    // the selected row says so, not by its colour only: its button is pressed and shows a mark
    expect(burnDownButton(far)).toHaveAttribute('aria-pressed', 'true');
    expect(
      within(burnDownButton(far)).getByTestId('selected-mark'),
    ).toBeInTheDocument();
    expect(
      within(table()).getAllByRole('button', { pressed: true }),
    ).toHaveLength(1);

    // Space selects another
    burnDownButton(further).focus();
    await userEvent.keyboard(' ');
    await waitFor(() => expect(query()).toBe(`?page=2&service=${further}`));
    expect(burnDownButton(further)).toHaveAttribute('aria-pressed', 'true');
    expect(burnDownButton(far)).toHaveAttribute('aria-pressed', 'false');
    expect(
      within(burnDownButton(far)).queryByTestId('selected-mark'),
    ).not.toBeInTheDocument();
  });

  it('shows the burn-down of the bar selected in the timeline, and its loading error', async () => {
    const api = fixtureApi({
      getDeprecation: jest.fn(async (service: string) => {
        if (service === 'vague') throw new Error('history store unavailable');
        return deprecationDetail(service);
      }),
    });
    await renderPage(api);
    await userEvent.click(
      await screen.findByRole('button', { name: /^legacy-search: On track/ }),
    );
    expect(
      await screen.findByRole('img', {
        name: /^Remaining consumers of legacy-search: 2 on 2026-10-01/,
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: /^vague: No sunset date/ }),
    );
    expect(
      await screen.findByText(/Could not load the burn-down of vague/),
    ).toBeInTheDocument();
  });
  it('says which count chip is pressed, "All" too', async () => {
    await renderPage();
    await screen.findByRole('table');
    const all = screen.getByRole('button', { name: /^All: 6/ });
    expect(all).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(screen.getByRole('button', { name: /^Overdue: 2/ }));
    await waitFor(() => expect(all).toHaveAttribute('aria-pressed', 'false'));
    await userEvent.click(all);
    await waitFor(() => expect(all).toHaveAttribute('aria-pressed', 'true'));
  });

  it('keeps the service of the burn-down in the URL, and reads it from a shared link', async () => {
    const { unmount } = await renderPage();
    await screen.findByRole('table');
    await userEvent.click(
      within(rowByService('old-api')).getByText('12 days overdue'),
    );
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
        '?service=old-api',
      ),
    );
    unmount();

    await renderPage(
      fixtureApi(),
      undefined,
      '/?status=overdue&service=old-api',
    );
    expect(
      await screen.findByRole('img', {
        name: /^Remaining consumers of old-api: 5 on 2026-10-01/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /^old-api: Overdue/ }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('ignores a service of a shared link that is not deprecated', async () => {
    const api = fixtureApi();
    await renderPage(api, undefined, '/?service=no-such-service');
    await screen.findByRole('table');
    expect(
      screen.getByText(/Select a service in the timeline or the table below/),
    ).toBeInTheDocument();
    expect(api.getDeprecation).not.toHaveBeenCalled();
  });
  describe('with hundreds of deprecated services', () => {
    // the 6 of the fixture and 600 more, most of them overdue
    const many = manyDeprecationsResponse(600);
    const manyApi = () =>
      fixtureApi({ getDeprecations: jest.fn(async () => many) });

    it('pages the table, 20 rows at a time, the most urgent first', async () => {
      await renderPage(manyApi());
      await waitFor(() => table());
      expect(
        screen.getByText(/^Deprecated services \(606\)/),
      ).toBeInTheDocument();
      expect(serviceOrder()).toEqual(
        many.items.slice(0, 20).map(r => r.service),
      );
      // the pager says it (twice: material-table writes it for narrow screens too)
      expect(screen.getAllByText('1-20 of 606')[0]).toBeInTheDocument();
      await userEvent.click(
        screen.getAllByRole('button', { name: 'Next Page' })[0],
      );
      await waitFor(() =>
        expect(serviceOrder()).toEqual(
          many.items.slice(20, 40).map(r => r.service),
        ),
      );
      expect(screen.getAllByText('21-40 of 606')[0]).toBeInTheDocument();
    });

    it('keeps sorting and the filters kept in the URL over the pages', async () => {
      const { unmount } = await renderPage(manyApi());
      await waitFor(() => table());
      await sortBy('Sunset');
      await waitFor(() => expect(serviceOrder()[0]).toBe('gone'));
      expect(serviceOrder()).toHaveLength(20);
      await userEvent.click(
        screen.getAllByRole('button', { name: 'Next Page' })[0],
      );
      await waitFor(() => expect(serviceOrder()[0]).toBe('bulk-0020'));
      // a filter starts again from the first page
      await choose('Status', 'At risk');
      const atRisk = many.items.filter(r => r.status === 'at-risk');
      expect(atRisk.length).toBeGreaterThan(20);
      await waitFor(() =>
        expect(
          screen.getAllByText(`1-20 of ${atRisk.length}`)[0],
        ).toBeInTheDocument(),
      );
      // (the sorting is kept, in the URL too)
      expect(query()).toBe('?sort=sunsetDate&status=at-risk');
      unmount();

      // a shared link to few rows: one page, no pager
      await renderPage(manyApi(), undefined, '/?owner=payments-team');
      await waitFor(() => expect(serviceOrder()).toEqual(['pay-v2']));
      expect(screen.queryByRole('button', { name: 'Next Page' })).toBeNull();
      // and all of them again: paged
      await choose('Owner', 'All owners');
      await waitFor(() => expect(serviceOrder()).toHaveLength(20));
      expect(screen.getAllByText('1-20 of 606')[0]).toBeInTheDocument();
    });

    const services = (from: number, to: number) =>
      many.items.slice(from, to).map(r => r.service);

    it('opens the page of a shared link, and keeps the page turned to in the URL', async () => {
      await renderPage(manyApi(), undefined, '/?page=2');
      await waitFor(() => expect(serviceOrder()).toEqual(services(20, 40)));
      expect(screen.getAllByText('21-40 of 606')[0]).toBeInTheDocument();
      expect(query()).toBe('?page=2');
      await userEvent.click(
        screen.getAllByRole('button', { name: 'Next Page' })[0],
      );
      await waitFor(() => expect(serviceOrder()).toEqual(services(40, 60)));
      await waitFor(() => expect(query()).toBe('?page=3'));
      // the first page is the default: no page in the URL
      await userEvent.click(
        screen.getAllByRole('button', { name: 'First Page' })[0],
      );
      await waitFor(() => expect(serviceOrder()).toEqual(services(0, 20)));
      await waitFor(() => expect(query()).toBe(''));
    });

    it('keeps the rows per page in the URL, and reads them from a shared link', async () => {
      await renderPage(manyApi(), undefined, '/?page=3&pageSize=50');
      await waitFor(() =>
        expect(screen.getAllByText('101-150 of 606')[0]).toBeInTheDocument(),
      );
      expect(serviceOrder()).toEqual(services(100, 150));
      const rowsPerPage = async (from: string, to: string) => {
        await userEvent.click(
          screen.getAllByRole('button', {
            name: `Rows per page: ${from} rows`,
          })[0],
        );
        await userEvent.click(await screen.findByRole('option', { name: to }));
      };
      // other rows a page start again from the first; 20 is the default, not written
      await rowsPerPage('50', '20');
      await waitFor(() =>
        expect(screen.getAllByText('1-20 of 606')[0]).toBeInTheDocument(),
      );
      await waitFor(() => expect(query()).toBe(''));
      await rowsPerPage('20', '50');
      await waitFor(() =>
        expect(screen.getAllByText('1-50 of 606')[0]).toBeInTheDocument(),
      );
      await waitFor(() => expect(query()).toBe('?pageSize=50'));
      // pages of 50 rows: slow in jsdom, the more so run alone (a first render)
    }, 60_000);

    it('shows the last page for a page past the end, and 20 rows for an unknown page size', async () => {
      await renderPage(manyApi(), undefined, '/?page=99&pageSize=7');
      await waitFor(() => expect(serviceOrder()).toEqual(services(600, 606)));
      expect(screen.getAllByText('601-606 of 606')[0]).toBeInTheDocument();
      // the URL says the page shown
      await waitFor(() => expect(query()).toBe('?page=31'));
    });

    it('starts again from the first page on a filter or a sorting, the URL too', async () => {
      await renderPage(manyApi(), undefined, '/?page=3');
      await waitFor(() => expect(serviceOrder()).toEqual(services(40, 60)));
      await choose('Status', 'At risk');
      const atRisk = many.items.filter(r => r.status === 'at-risk');
      await waitFor(() =>
        expect(serviceOrder()).toEqual(atRisk.slice(0, 20).map(r => r.service)),
      );
      expect(
        screen.getAllByText(`1-20 of ${atRisk.length}`)[0],
      ).toBeInTheDocument();
      expect(query()).toBe('?status=at-risk');

      await userEvent.click(
        screen.getAllByRole('button', { name: 'Next Page' })[0],
      );
      await waitFor(() => expect(query()).toBe('?status=at-risk&page=2'));
      await sortBy('Consumers');
      await waitFor(() =>
        expect(
          screen.getAllByText(`1-20 of ${atRisk.length}`)[0],
        ).toBeInTheDocument(),
      );
      await waitFor(() =>
        expect(query()).toBe('?status=at-risk&sort=remainingConsumers'),
      );
    });

    it("keeps the focus on a column's sort button sorted by from the keyboard on a later page", async () => {
      await renderPage(manyApi(), undefined, '/?page=3');
      await waitFor(() => expect(serviceOrder()).toEqual(services(40, 60)));
      const sunsetButton = () =>
        within(
          within(table()).getByRole('columnheader', { name: 'Sunset' }),
        ).getAllByRole('button')[0];
      sunsetButton().focus();
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(query()).toBe('?sort=sunsetDate'));
      expect(screen.getAllByText('1-20 of 606')[0]).toBeInTheDocument();
      expect(sortArrow()).toBe('Sunset asc');
      // the table the user sorted, not one opened again in its place
      expect(sunsetButton()).toHaveFocus();
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(query()).toBe('?sort=sunsetDate&order=desc'));
      expect(sortArrow()).toBe('Sunset desc');
      expect(sunsetButton()).toHaveFocus();
    });

    it('opens the page of a shared link in its sorting or among the rows of its text', async () => {
      const { unmount } = await renderPage(
        manyApi(),
        undefined,
        '/?sort=sunsetDate&order=desc&page=2',
      );
      // (the same comparison as the column's, the other way round: a stable sort of the rows)
      const sunsetDesc = [...many.items]
        .sort((a, b) =>
          (b.sunsetDate ?? '9999').localeCompare(a.sunsetDate ?? '9999'),
        )
        .map(r => r.service);
      await waitFor(() =>
        expect(serviceOrder()).toEqual(sunsetDesc.slice(20, 40)),
      );
      expect(screen.getAllByText('21-40 of 606')[0]).toBeInTheDocument();
      expect(sortArrow()).toBe('Sunset desc');
      expect(query()).toBe('?sort=sunsetDate&order=desc&page=2');
      unmount();

      await renderPage(manyApi(), undefined, '/?q=bulk-01&page=2');
      const matching = many.items
        .map(r => r.service)
        .filter(id => id.startsWith('bulk-01'));
      expect(matching).toHaveLength(100);
      await waitFor(() =>
        expect(serviceOrder()).toEqual(matching.slice(20, 40)),
      );
      expect(screen.getAllByText('21-40 of 100')[0]).toBeInTheDocument();
      expect(filterBox()).toHaveValue('bulk-01');
      expect(query()).toBe('?q=bulk-01&page=2');
    });

    it('starts again from the first page on a new search or a new sorting, the URL too', async () => {
      await renderPage(manyApi(), undefined, '/?page=3');
      await waitFor(() => expect(serviceOrder()).toEqual(services(40, 60)));
      await userEvent.type(filterBox(), 'bulk-01');
      await waitFor(() =>
        expect(screen.getAllByText('1-20 of 100')[0]).toBeInTheDocument(),
      );
      await waitFor(() => expect(query()).toBe('?q=bulk-01'));

      await userEvent.click(
        screen.getAllByRole('button', { name: 'Last Page' })[0],
      );
      await waitFor(() => expect(query()).toBe('?q=bulk-01&page=5'));
      await sortBy('Sunset');
      await waitFor(() =>
        expect(screen.getAllByText('1-20 of 100')[0]).toBeInTheDocument(),
      );
      await waitFor(() => expect(query()).toBe('?q=bulk-01&sort=sunsetDate'));

      await userEvent.click(
        screen.getAllByRole('button', { name: 'Next Page' })[0],
      );
      await waitFor(() =>
        expect(query()).toBe('?q=bulk-01&sort=sunsetDate&page=2'),
      );
      // the text cleared: every row, from the first page
      await userEvent.clear(filterBox());
      await waitFor(() =>
        expect(screen.getAllByText('1-20 of 606')[0]).toBeInTheDocument(),
      );
      await waitFor(() => expect(query()).toBe('?sort=sunsetDate'));
    });

    it('follows the URL when a link changes it while the page is open', async () => {
      await renderPage(
        manyApi(),
        undefined,
        '/?page=3&pageSize=50',
        <Link to="/?status=overdue">Overdue deprecations</Link>,
      );
      await waitFor(() => expect(serviceOrder()).toEqual(services(100, 150)));
      await userEvent.click(
        screen.getByRole('link', { name: 'Overdue deprecations' }),
      );
      const overdue = many.items.filter(r => r.status === 'overdue');
      await waitFor(() =>
        expect(serviceOrder()).toEqual(
          overdue.slice(0, 20).map(r => r.service),
        ),
      );
      expect(
        screen.getAllByText(`1-20 of ${overdue.length}`)[0],
      ).toBeInTheDocument();
    });

    it('draws the bar of a service selected past the 20 most urgent too, highlighted after them', async () => {
      await renderPage(manyApi(), undefined, '/?page=2');
      await waitFor(() => expect(serviceOrder()).toEqual(services(20, 40)));
      const far = many.items[25].service;
      await userEvent.click(within(rowByService(far)).getAllByRole('cell')[2]);
      // the page stays where it is
      await waitFor(() => expect(query()).toBe(`?page=2&service=${far}`));
      const timeline = await screen.findByRole('group', {
        name: 'Deprecation timeline: 21 of 606 deprecated services, today 2026-11-22',
      });
      const bars = within(timeline).getAllByRole('button');
      expect(
        bars.map(b => b.getAttribute('aria-label')!.split(':')[0]),
      ).toEqual([...services(0, 20), far]);
      expect(bars[20]).toHaveAttribute('aria-pressed', 'true');
      expect(
        bars.filter(b => b.getAttribute('aria-pressed') === 'true'),
      ).toHaveLength(1);
      expect(
        screen.getByText(
          'Showing the 20 most urgent and the selected service; 585 more deprecated services are in the table below.',
        ),
      ).toBeInTheDocument();

      // selecting one of the 20: the 20 again
      await userEvent.click(bars[3]);
      await screen.findByRole('group', {
        name: 'Deprecation timeline: 20 of 606 deprecated services, today 2026-11-22',
      });
      expect(
        screen.getByText(
          'Showing the 20 most urgent; 586 more deprecated services are in the table below.',
        ),
      ).toBeInTheDocument();
    });

    it('draws the 20 most urgent in the timeline and says the table lists them all', async () => {
      await renderPage(manyApi());
      const timeline = await screen.findByRole('group', {
        name: 'Deprecation timeline: 20 of 606 deprecated services, today 2026-11-22',
      });
      const bars = within(timeline).getAllByRole('button');
      expect(
        bars.map(b => b.getAttribute('aria-label')!.split(':')[0]),
      ).toEqual(many.items.slice(0, 20).map(r => r.service));
      // each bar one tab stop: 20, not 606
      expect(
        timeline.querySelectorAll('[tabindex]:not([tabindex="-1"])'),
      ).toHaveLength(20);
      expect(
        screen.getByText(
          'Showing the 20 most urgent; 586 more deprecated services are in the table below.',
        ),
      ).toBeInTheDocument();
    });
  });

  it('shows a small registry whole: every row on one page, no pager, every bar', async () => {
    await renderPage();
    await waitFor(() => table());
    expect(serviceOrder()).toHaveLength(6);
    expect(screen.queryByRole('button', { name: 'Next Page' })).toBeNull();
    expect(screen.queryByText(/of 6$/)).toBeNull();
    const timeline = screen.getByRole('group', {
      name: 'Deprecation timeline: 6 deprecated services, today 2026-11-22',
    });
    expect(within(timeline).getAllByRole('button')).toHaveLength(6);
    expect(screen.queryByText(/more deprecated services/)).toBeNull();
  });
});

describe('ServiceRegistryDeprecationsPage on a phone', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = pretendScreenWidth(390);
  });
  afterEach(() => restore());

  const list = () =>
    screen.getByRole('list', { name: /^Deprecated services \(\d+\)$/ });
  /** The entries of the list, each as the service it starts with and its text. */
  const entries = () =>
    within(list())
      .getAllByRole('listitem')
      .map(item => ({
        item,
        service: within(item).queryAllByText(/./)[0]?.textContent,
        text: item.textContent ?? '',
      }));
  const entryOf = (service: string) =>
    entries().find(e => e.service === service)!.item;

  it('lists each deprecated service in a few lines (status, dates, consumers, effort, replacement) instead of a table', async () => {
    await renderPage();
    expect(
      await screen.findByRole('heading', { name: 'Deprecated services (6)' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    // the most urgent first, as the backend lists them and the table opens
    expect(entries().map(e => e.service)).toEqual(BY_URGENCY);
    const oldApi = entryOf('old-api');
    expect(within(oldApi).getByText('Overdue')).toBeInTheDocument();
    const facts = definitionsOf(oldApi);
    expect(facts).toEqual({
      Deprecated: '2026-05-10',
      Sunset: '2026-11-10, 12 days overdue',
      Consumers: '3',
      Effort: '24 h',
      Replacement: 'new-api',
    });
    expect(
      within(oldApi).getByRole('link', { name: 'new-api' }),
    ).toBeInTheDocument();
    // a service with no sunset date says so
    expect(entryOf('vague')).toHaveTextContent(/Sunset\s*no sunset date/i);
    expect(
      screen.getByText(/Select a service in the timeline or the list below/),
    ).toBeInTheDocument();
  });

  it("shows the burn-down of the service whose button is pressed in the list, brings it into view and marks the service's entry", async () => {
    const scrolled: Element[] = [];
    // (jsdom lays nothing out, and has no scrollIntoView)
    Element.prototype.scrollIntoView = function record(this: Element) {
      scrolled.push(this);
    };
    try {
      await renderPage();
      await screen.findByRole('list', { name: /^Deprecated services/ });
      await userEvent.click(
        within(entryOf('old-api')).getByRole('button', {
          name: 'Burn-down of old-api',
        }),
      );
      expect(
        await screen.findByRole('img', {
          name: /^Remaining consumers of old-api:/,
        }),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('query')).toHaveTextContent(
        'service=old-api',
      );
      expect(entryOf('old-api')).toHaveAttribute('aria-current', 'true');
      expect(entryOf('pay-v2')).not.toHaveAttribute('aria-current');
      expect(
        within(entryOf('old-api')).getByRole('button', {
          name: 'Burn-down of old-api',
        }),
      ).toHaveAttribute('aria-pressed', 'true');
      // the burn-down is above the list, out of a phone's sight: it is brought into view
      expect(scrolled).toHaveLength(1);
      expect(scrolled[0]).toHaveTextContent('Burn-down of old-api');
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('follows the status chips, the filters and the search, as the table does', async () => {
    await renderPage();
    await screen.findByRole('list', { name: /^Deprecated services/ });
    await userEvent.click(screen.getByRole('button', { name: /^Overdue: / }));
    expect(
      screen.getByRole('heading', { name: 'Deprecated services (2)' }),
    ).toBeInTheDocument();
    expect(entries().map(e => e.service)).toEqual(['gone', 'old-api']);
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      'nothing-like-it',
    );
    expect(
      screen.getByText('No deprecated service matches these filters.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: /^Deprecated services/ }),
    ).toBeNull();
  });

  const sortMenu = () => screen.getByRole('button', { name: /^Sort by/ });
  const chooseSorting = (option: string) => choose('Sort by', option);

  it("opens the sorting of a shared link in the table's order, which the list has no headers to show, and says it in its Sort by menu", async () => {
    await renderPage(fixtureApi(), undefined, '/?sort=sunsetDate&order=desc');
    await screen.findByRole('list', { name: /^Deprecated services/ });
    // the latest sunset first, services without a sunset before them, as the table lists them
    expect(entries().map(e => e.service)).toEqual(SUNSET_DESC);
    expect(sortMenu()).toHaveTextContent('Sunset, latest first');
    expect(query()).toBe('?sort=sunsetDate&order=desc');
  });

  it('sorts by the Sort by menu, keeps the sorting in the URL, and goes back to the most urgent first', async () => {
    await renderPage();
    await screen.findByRole('list', { name: /^Deprecated services/ });
    expect(sortMenu()).toHaveTextContent('Most urgent first');
    await chooseSorting('Consumers, most first');
    await waitFor(() =>
      expect(query()).toBe('?sort=remainingConsumers&order=desc'),
    );
    const consumers = entries().map(e =>
      Number(definitionsOf(e.item).Consumers),
    );
    expect(consumers).toEqual([...consumers].sort((a, b) => b - a));
    expect(entries()[0].service).toBe('old-api');
    await chooseSorting('Service, A to Z');
    await waitFor(() => expect(query()).toBe('?sort=service'));
    const names = entries().map(e => e.service!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await chooseSorting('Most urgent first');
    await waitFor(() => expect(query()).toBe(''));
    expect(entries().map(e => e.service)).toEqual(BY_URGENCY);
  });

  it('starts a list sorted anew at its first 20', async () => {
    await renderPage(
      fixtureApi({
        getDeprecations: jest.fn(async () => manyDeprecationsResponse(45)),
      }),
    );
    await screen.findByRole('list', { name: /^Deprecated services/ });
    await userEvent.click(
      screen.getByRole('button', { name: /^Show 20 more of \d+$/ }),
    );
    expect(entries()).toHaveLength(40);
    await chooseSorting('Service, Z to A');
    await waitFor(() => expect(entries()).toHaveLength(20));
  });

  it('lists 20 at first, and 20 more on request', async () => {
    await renderPage(
      fixtureApi({
        getDeprecations: jest.fn(async () => manyDeprecationsResponse(45)),
      }),
    );
    await screen.findByRole('list', { name: /^Deprecated services/ });
    expect(entries()).toHaveLength(20);
    // the timeline's note points at the list, not at a table the phone does not show
    expect(
      screen.getByText(
        'Showing the 20 most urgent; 31 more deprecated services are in the list below.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: /^Show 20 more of \d+$/ }),
    );
    expect(entries()).toHaveLength(40);
    const rest = within(list()).getAllByRole('listitem').length;
    expect(rest).toBe(40);
    const more = screen.getByRole('button', { name: /^Show \d+ more of \d+$/ });
    await userEvent.click(more);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });
});
