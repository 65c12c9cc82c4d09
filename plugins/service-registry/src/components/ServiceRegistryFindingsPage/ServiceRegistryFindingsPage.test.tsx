import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { Link, useLocation } from 'react-router-dom';
import { ReactNode } from 'react';
import {
  FindingsRequestOptions,
  ServiceRegistryApi,
  serviceRegistryApiRef,
} from '../../api';
import {
  BROKEN_FILE,
  findingOf,
  findingsSnapshot,
  getFindingsFrom,
  githubLineOf,
  GITHUB_ROOT,
  whereOf,
} from '../../testUtils/findingsFixture';
import { isFindingOfProject } from '@service-registry/plugin-service-registry-common';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { ServiceRegistryFindingsPage } from './ServiceRegistryFindingsPage';
import { ServiceRegistryFindingsPageProps } from '.';
import { lightTheme } from '@backstage/theme';
import { lowestTextContrast } from '../../testUtils/textContrast';
import { TEXT_CONTRAST, themeSurfaces } from '../contrast';
import { withSignal } from '../../testUtils/withSignal';
import { pretendScreenWidth } from '../../testUtils/screenWidth';
import { definitionsOf } from '../../testUtils/definitions';
import { sortArrowOf } from '../../testUtils/sortArrow';

const local = findingsSnapshot({ scenario: 'degraded' });
const missingRequired = findingOf(local, 'dependency/missing-required');
const missingOptional = findingOf(local, 'dependency/missing-optional');
const noReplacement = findingOf(
  local,
  'lifecycle/deprecated-without-replacement',
);
const syntaxError = findingOf(local, 'toml/syntax');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shows the query string, so the tests can see the filters kept in the URL. */
function QueryProbe() {
  const { search } = useLocation();
  return <output aria-label="query">{search}</output>;
}

async function renderPage(
  api: ServiceRegistryApi,
  options: {
    path?: string;
    props?: ServiceRegistryFindingsPageProps;
    /** more of the app around the page, as a link to it */
    around?: ReactNode;
  } = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      {options.around}
      <ServiceRegistryFindingsPage {...options.props} />
      <QueryProbe />
    </TestApiProvider>,
    {
      routeEntries: [options.path ?? '/'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

const apiOf = (snapshot: ReturnType<typeof findingsSnapshot>) =>
  mockServiceRegistryApi({ getFindings: jest.fn(getFindingsFrom(snapshot)) });

const degraded = () =>
  apiOf(findingsSnapshot({ scenario: 'degraded', rootLocation: GITHUB_ROOT }));

/** The table of findings (a paged one has its pager in a second table, its footer). */
const findingsTable = () => screen.getAllByRole('table')[0];

/** The data rows of the table, each as the text of its cells. */
function tableRows(): string[][] {
  const table = findingsTable();
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .queryAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    )
    .filter(cells => cells.length > 1);
}

/** The code of each finding, shown under its message. */
const codes = () =>
  within(findingsTable())
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('cell'))
    .filter(cells => cells.length > 1)
    .map(cells => cells[4].querySelector('code')?.textContent);
const counts = () =>
  within(screen.getByRole('group', { name: 'Findings by severity' }))
    .getAllByRole('button')
    .map(b => b.textContent);

/** The select of a filter, named by its label and its value. */
const filterSelect = (filter: string) =>
  within(screen.getByRole('group', { name: 'Filters' })).getByRole('button', {
    name: new RegExp(`^${filter}`),
  });

async function choose(filter: string, option: string) {
  await userEvent.click(filterSelect(filter));
  await userEvent.click(
    within(screen.getByRole('listbox')).getByRole('option', { name: option }),
  );
}

describe('ServiceRegistryFindingsPage', () => {
  it('shows progress while the findings load', async () => {
    await renderPage(
      mockServiceRegistryApi({ getFindings: () => new Promise(() => {}) }),
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    await renderPage(
      mockServiceRegistryApi({
        getFindings: async () => {
          throw new Error('unknown registry "nope"');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the registry findings/),
    ).toBeInTheDocument();
  });

  it('lists every finding, errors first, with service, project, owner, code, message and location', async () => {
    const api = degraded();
    await renderPage(api);
    expect(await screen.findByText('5 of 5 findings')).toBeInTheDocument();
    // no registry named: the backend answers its only one
    expect(api.getFindings).toHaveBeenCalledWith(
      { registry: undefined },
      withSignal,
    );
    const rows = tableRows();
    expect(rows.map(r => r[0])).toEqual([
      'error',
      'error',
      'warning',
      'warning',
      'warning',
    ]);
    expect(codes()).toEqual([
      'toml/syntax',
      'dependency/missing-required',
      'lifecycle/depends-on-deprecated',
      'dependency/missing-optional',
      'lifecycle/deprecated-without-replacement',
    ]);
    // service, project, owner
    // a file of a project that does not parse is still that project's
    expect(rows[0].slice(1, 4)).toEqual(['—', 'billing', '—']);
    expect(rows[1].slice(1, 4)).toEqual(['checkout', 'shop', 'shop-team']);
    // a global service's project as the project filter names it
    expect(rows[4].slice(1, 4)).toEqual([
      'legacy-pay',
      'Global services',
      'payments-team',
    ]);
    expect(rows[1][4]).toContain(
      'Service "checkout" requires "inventory", which no registry file declares',
    );
    // the location opens the registry's page in a new window
    expect(rows[1][5]).toBe(
      `${whereOf(missingRequired)}, Opens in a new window`,
    );
  });

  it('keeps the sorting the user chose while the search and the filters change', async () => {
    await renderPage(degraded());
    await screen.findByText('5 of 5 findings');
    const sortBy = async (column: string) => {
      const header = within(screen.getByRole('table')).getByRole(
        'columnheader',
        { name: column },
      );
      await userEvent.click(within(header).getByRole('button'));
    };
    // Location, descending
    await sortBy('Location');
    await sortBy('Location');
    const byLocation = [
      'lifecycle/deprecated-without-replacement',
      'dependency/missing-optional',
      'dependency/missing-required',
      'lifecycle/depends-on-deprecated',
      'toml/syntax',
    ];
    expect(codes()).toEqual(byLocation);
    // a search every row matches, typed key by key
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      'e',
    );
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
        '?sort=file&order=desc&q=e',
      ),
    );
    expect(screen.getByText('5 of 5 findings')).toBeInTheDocument();
    expect(codes()).toEqual(byLocation);
    // a severity chip, then all severities again
    await userEvent.click(screen.getByRole('button', { name: '3 warnings' }));
    expect(codes()).toEqual(
      byLocation.filter(
        code => code !== 'toml/syntax' && !code?.endsWith('required'),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: '3 warnings' }));
    expect(codes()).toEqual(byLocation);
    // a project, whose findings the backend answers while the table waits
    await choose('Project', 'shop');
    expect(await screen.findByText('3 of 5 findings')).toBeInTheDocument();
    expect(codes()).toEqual(
      byLocation.filter(code =>
        [
          'dependency/missing-required',
          'lifecycle/depends-on-deprecated',
          'dependency/missing-optional',
        ].includes(code!),
      ),
    );
  });

  describe('sorting kept in the URL', () => {
    const query = () => screen.getByRole('status', { name: 'query' });
    const header = (column: string) =>
      within(screen.getByRole('table')).getByRole('columnheader', {
        name: column,
      });
    const sortBy = (column: string) =>
      userEvent.click(within(header(column)).getByRole('button'));
    const byLocationLastFirst = [
      'lifecycle/deprecated-without-replacement',
      'dependency/missing-optional',
      'dependency/missing-required',
      'lifecycle/depends-on-deprecated',
      'toml/syntax',
    ];

    it('opens a shared link in its order, the column sorted by marked', async () => {
      await renderPage(degraded(), { path: '/?sort=file&order=desc' });
      await screen.findByText('5 of 5 findings');
      expect(codes()).toEqual(byLocationLastFirst);
      expect(sortArrowOf(screen.getByRole('table'))).toBe('Location desc');
    });

    it("writes the headers' sorting into the URL, the default (errors first) as no parameter and no sorting as sort=none", async () => {
      await renderPage(degraded(), { path: '/?severity=warning' });
      await screen.findByText('3 of 5 findings');
      await sortBy('Finding');
      await waitFor(() =>
        expect(query()).toHaveTextContent('?severity=warning&sort=message'),
      );
      await sortBy('Finding');
      await waitFor(() =>
        expect(query()).toHaveTextContent(
          '?severity=warning&sort=message&order=desc',
        ),
      );
      // a third click: the table's own order, which a link must say, as it opens errors first
      await sortBy('Finding');
      await waitFor(() =>
        expect(query()).toHaveTextContent('?severity=warning&sort=none'),
      );
      await sortBy('Severity');
      await waitFor(() =>
        expect(query()).toHaveTextContent(/^\?severity=warning$/),
      );
    });

    it('follows a link that changes the sorting while the page is open', async () => {
      await renderPage(degraded(), {
        path: '/?sort=file&order=desc',
        around: (
          <>
            <Link to="/">All findings</Link>
            <Link to="/?sort=message">Findings by message</Link>
          </>
        ),
      });
      await screen.findByText('5 of 5 findings');
      expect(codes()).toEqual(byLocationLastFirst);
      await userEvent.click(screen.getByRole('link', { name: 'All findings' }));
      await waitFor(() =>
        expect(sortArrowOf(screen.getByRole('table'))).toBe('Severity asc'),
      );
      expect(codes().slice(0, 2)).toEqual([
        'toml/syntax',
        'dependency/missing-required',
      ]);
      await userEvent.click(
        screen.getByRole('link', { name: 'Findings by message' }),
      );
      await waitFor(() =>
        expect(sortArrowOf(screen.getByRole('table'))).toBe('Finding asc'),
      );
      const messages = tableRows().map(cells => cells[4]);
      expect(messages).toEqual(
        [...messages].sort((a, b) => a.localeCompare(b)),
      );
    });

    it('opens a link to no sorting unsorted, and an unknown sorting errors first', async () => {
      const opened = await renderPage(degraded(), { path: '/?sort=none' });
      await screen.findByText('5 of 5 findings');
      expect(sortArrowOf(screen.getByRole('table'))).toBeUndefined();
      opened.unmount();
      await renderPage(degraded(), {
        path: '/?severity=error&sort=bogus&order=desc',
      });
      await screen.findByText('2 of 5 findings');
      expect(sortArrowOf(screen.getByRole('table'))).toBe('Severity asc');
      expect(codes()[0]).toBe('toml/syntax');
      // and the URL says the sorting shown (the default: none)
      await waitFor(() =>
        expect(query()).toHaveTextContent(/^\?severity=error$/),
      );
    });
  });

  describe('pages of the table kept in the URL', () => {
    const query = () => screen.getByRole('status', { name: 'query' });
    /** 45 findings of one service, on lines 1 to 45 of its file. */
    const many = () =>
      apiOf({
        ...findingsSnapshot({ scenario: 'degraded' }),
        findings: Array.from({ length: 45 }, (_, i) => ({
          ...missingOptional,
          line: i + 1,
        })),
      });
    const lines = () =>
      tableRows().map(cells => Number(cells[5].split(':')[1]));
    const range = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i);
    /** What the pager says (twice: material-table writes it for narrow screens too). */
    const pager = (text: string) =>
      waitFor(() => expect(screen.getAllByText(text)[0]).toBeInTheDocument());

    it('opens the page of a shared link, and keeps the page turned to in the URL', async () => {
      await renderPage(many(), { path: '/?page=2' });
      await pager('21-40 of 45');
      expect(lines()).toEqual(range(21, 40));
      await userEvent.click(
        screen.getAllByRole('button', { name: 'Next Page' })[0],
      );
      await pager('41-45 of 45');
      expect(lines()).toEqual(range(41, 45));
      await waitFor(() => expect(query()).toHaveTextContent(/^\?page=3$/));
      // the first page is the default: no page in the URL
      await userEvent.click(
        screen.getAllByRole('button', { name: 'First Page' })[0],
      );
      await pager('1-20 of 45');
      await waitFor(() => expect(query()).toBeEmptyDOMElement());
    });

    it('starts again from the first page for a new search, filter or sorting', async () => {
      await renderPage(many(), { path: '/?page=2' });
      await pager('21-40 of 45');
      await userEvent.type(
        screen.getByRole('searchbox', { name: 'Search' }),
        'checkout',
      );
      await pager('1-20 of 45');
      expect(query()).toHaveTextContent(/^\?q=checkout$/);
      await userEvent.click(
        screen.getAllByRole('button', { name: 'Next Page' })[0],
      );
      await waitFor(() =>
        expect(query()).toHaveTextContent(/^\?q=checkout&page=2$/),
      );
      const location = within(findingsTable()).getByRole('columnheader', {
        name: 'Location',
      });
      await userEvent.click(within(location).getByRole('button'));
      await userEvent.click(within(location).getByRole('button'));
      await waitFor(() =>
        expect(query()).toHaveTextContent(
          /^\?q=checkout&sort=file&order=desc$/,
        ),
      );
      await pager('1-20 of 45');
      expect(lines()).toEqual(range(26, 45).reverse());
      await choose('Severity', 'warning');
      await waitFor(() =>
        expect(query()).toHaveTextContent(
          /^\?q=checkout&sort=file&order=desc&severity=warning$/,
        ),
      );
    });

    it("keeps the focus on a column's sort button sorted by from the keyboard on a later page", async () => {
      await renderPage(many(), { path: '/?page=2' });
      await pager('21-40 of 45');
      const locationButton = () =>
        within(
          within(findingsTable()).getByRole('columnheader', {
            name: 'Location',
          }),
        ).getByRole('button');
      locationButton().focus();
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(query()).toHaveTextContent(/^\?sort=file$/));
      await pager('1-20 of 45');
      expect(lines()).toEqual(range(1, 20));
      // the table the user sorted, not one opened again in its place
      expect(locationButton()).toHaveFocus();
      await userEvent.keyboard('{Enter}');
      await waitFor(() =>
        expect(query()).toHaveTextContent(/^\?sort=file&order=desc$/),
      );
      expect(lines()).toEqual(range(26, 45).reverse());
      expect(locationButton()).toHaveFocus();
    });

    it("opens the page of a link to a project once the project's findings are known", async () => {
      await renderPage(many(), { path: '/?project=shop&page=2&pageSize=20' });
      await pager('21-40 of 45');
      expect(lines()).toEqual(range(21, 40));
    });

    it('keeps the rows per page in the URL, and shows the last page for a page past the end', async () => {
      await renderPage(many(), { path: '/?page=9&pageSize=7' });
      // 7 is no page size to choose: 20
      await pager('41-45 of 45');
      // and the URL says the page shown
      await waitFor(() => expect(query()).toHaveTextContent(/^\?page=3$/));
      await userEvent.click(
        screen.getAllByRole('button', { name: 'Rows per page: 20 rows' })[0],
      );
      await userEvent.click(await screen.findByRole('option', { name: '50' }));
      await pager('1-45 of 45');
      await waitFor(() => expect(query()).toHaveTextContent(/^\?pageSize=50$/));
    });
  });

  it('keeps the rows a filter keeps as they are (their elements are not made again)', async () => {
    await renderPage(degraded());
    await screen.findByText('5 of 5 findings');
    const rowOf = (code: string) =>
      within(screen.getByRole('table'))
        .getAllByRole('row')
        .find(row => row.querySelector('code')?.textContent === code);
    const optional = rowOf('dependency/missing-optional');
    expect(optional).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: '3 warnings' }));
    expect(await screen.findByText('3 of 5 findings')).toBeInTheDocument();
    expect(rowOf('dependency/missing-optional')).toBe(optional);
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      'missing-opt',
    );
    expect(await screen.findByText('1 of 5 findings')).toBeInTheDocument();
    expect(rowOf('dependency/missing-optional')).toBe(optional);
  });

  it('labels its filters in a colour that reads on the page (WCAG AA)', async () => {
    await renderPage(degraded());
    await screen.findByRole('table');
    for (const id of [
      'findings-filter-severity',
      'findings-filter-project',
      'findings-filter-owner',
      'findings-search',
    ]) {
      const label = document.getElementById(`${id}-label`)!;
      expect(
        lowestTextContrast(label, themeSurfaces(lightTheme)),
      ).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it('gives each column header a single control, its sort button (no drag handle nested in it)', async () => {
    await renderPage(degraded());
    const table = await screen.findByRole('table');
    for (const header of within(table).getAllByRole('columnheader')) {
      expect(within(header).getAllByRole('button')).toHaveLength(1);
    }
  });

  it('finds findings by their code in the search box, and counts only those', async () => {
    await renderPage(degraded());
    await screen.findByText('5 of 5 findings');
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await userEvent.type(search, 'missing-opt');
    await waitFor(() =>
      expect(codes()).toEqual(['dependency/missing-optional']),
    );
    expect(screen.getByText('1 of 5 findings')).toBeInTheDocument();
    expect(counts()).toEqual(['0 errors', '1 warning', '0 info']);
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'query' }).textContent).toBe(
        '?q=missing-opt',
      ),
    );

    // each word anywhere in the row, in any case; a severity chip keeps the search's counts
    await userEvent.clear(search);
    await userEvent.type(search, 'CHECKOUT warning');
    await waitFor(() =>
      expect(screen.getByText(/^\d+ of 5 findings$/)).not.toHaveTextContent(
        '5 of 5',
      ),
    );
    const found = codes();
    expect(found.length).toBeGreaterThan(0);
    for (const row of tableRows()) {
      expect(row.join(' ').toLowerCase()).toContain('checkout');
      expect(row.join(' ').toLowerCase()).toContain('warning');
    }
    expect(counts()).toEqual([
      '0 errors',
      `${found.length} warning${found.length === 1 ? '' : 's'}`,
      '0 info',
    ]);
  });

  it('opens the search of a shared link', async () => {
    await renderPage(degraded(), { path: '/?q=missing-opt' });
    await waitFor(() =>
      expect(codes()).toEqual(['dependency/missing-optional']),
    );
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue(
      'missing-opt',
    );
  });

  it('links each service to its catalog page and each location to its line', async () => {
    await renderPage(degraded());
    await screen.findByText('5 of 5 findings');
    const table = screen.getByRole('table');
    const checkout = within(table).getAllByRole('link', { name: 'checkout' });
    expect(checkout).toHaveLength(3);
    expect(checkout[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout',
    );
    expect(
      within(table).getByRole('link', { name: 'legacy-pay' }),
    ).toHaveAttribute('href', '/catalog/default/component/legacy-pay');
    expect(
      within(table).getByRole('link', {
        name: new RegExp(escape(whereOf(missingOptional))),
      }),
    ).toHaveAttribute('href', githubLineOf(missingOptional));
    expect(
      within(table).getByRole('link', {
        name: new RegExp(`^${escape(whereOf(noReplacement))}`),
      }),
    ).toHaveAttribute('href', githubLineOf(noReplacement));
    expect(noReplacement.file).toBe('services/catalog.toml');
  });

  it('writes a retired service, and one no file declares, as text: the catalog has no page for them', async () => {
    // a retired global service whose dates are the wrong way round, and releases of a service no
    // file declares: findings about services without a catalog page
    const snapshot = findingsSnapshot({
      scenario: 'clean',
      extraFiles: [
        {
          path: 'projects/archive/services.toml',
          text: `[project]
name = "Archive"

[service.old-search]
owner = "archive-team"
version = "1.0.0"
status = "retired"
deprecation_date = "2025-01-01"
sunset_date = "2024-12-01"
`,
        },
        {
          path: 'services/versions.toml',
          text: '[[service.ghost.release]]\nversion = "1.0.0"\ndate = "2026-01-01"\n',
        },
      ],
    });
    const retired = findingOf(
      snapshot,
      'lifecycle/sunset-before-deprecation',
      'old-search',
    );
    const unknown = findingOf(snapshot, 'registry/unknown-service', 'ghost');
    await renderPage(apiOf(snapshot));
    await screen.findByText(
      `${snapshot.findings.length} of ${snapshot.findings.length} findings`,
    );
    const table = screen.getByRole('table');
    const rowOf = (f: typeof retired) =>
      within(table)
        .getAllByRole('row')
        .find(r =>
          within(r)
            .queryAllByRole('cell')
            .some(c => c.textContent?.startsWith(whereOf(f))),
        )!;

    const retiredService = within(rowOf(retired)).getAllByRole('cell')[1];
    expect(retiredService).toHaveTextContent(/^old-search \(retired\)$/);
    expect(within(retiredService).queryByRole('link')).not.toBeInTheDocument();

    const unknownService = within(rowOf(unknown)).getAllByRole('cell')[1];
    expect(unknownService).toHaveTextContent(/^ghost$/);
    expect(within(unknownService).queryByRole('link')).not.toBeInTheDocument();

    // a running service is still linked to its page
    expect(
      within(table).getAllByRole('link', { name: 'checkout' })[0],
    ).toHaveAttribute('href', '/catalog/default/component/checkout');
  });

  it('shows locations as plain text for a registry read from a directory', async () => {
    await renderPage(apiOf(findingsSnapshot({ scenario: 'degraded' })));
    await screen.findByText('5 of 5 findings');
    expect(codes()).toHaveLength(5);
    const table = screen.getByRole('table');
    expect(
      within(table).queryByRole('link', { name: /\.toml:\d+:\d+/ }),
    ).not.toBeInTheDocument();
    expect(within(table).getByText(whereOf(syntaxError))).toBeInTheDocument();
  });

  it('counts the findings by severity', async () => {
    await renderPage(degraded());
    await screen.findByText('5 of 5 findings');
    expect(counts()).toEqual(['2 errors', '3 warnings', '0 info']);
  });

  it('says the registry is degraded and which file does not parse, with a link to its line', async () => {
    await renderPage(degraded());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The registry is degraded: the catalog shows the last good version of some files',
    );
    expect(alert).toHaveTextContent(
      `kept the last good version of ${BROKEN_FILE} (it does not parse)`,
    );
    const files = within(alert).getByRole('list', {
      name: 'Files that are not loaded',
    });
    expect(files).toHaveTextContent(
      `${BROKEN_FILE} does not parse (at ${whereOf(
        syntaxError,
      )}, Opens in a new window); the catalog keeps its last good version.`,
    );
    expect(within(files).getByRole('link')).toHaveAttribute(
      'href',
      githubLineOf(syntaxError),
    );
  });

  it('says which file is not read because it is above the size limit, not that it does not parse', async () => {
    const snapshot = findingsSnapshot({
      scenario: 'tooLarge',
      rootLocation: GITHUB_ROOT,
    });
    const tooLarge = findingOf(snapshot, 'toml/file-too-large');
    await renderPage(apiOf(snapshot));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The registry is degraded: the catalog shows the last good version of some files',
    );
    const files = within(alert).getByRole('list', {
      name: 'Files that are not loaded',
    });
    expect(files).toHaveTextContent(
      `${BROKEN_FILE} is not read: it is above the size limit for a registry file (at ${whereOf(
        tooLarge,
      )}, Opens in a new window); the catalog keeps its last good version.`,
    );
    expect(files).not.toHaveTextContent('does not parse');
    expect(within(files).getByRole('link')).toHaveAttribute(
      'href',
      githubLineOf(tooLarge),
    );
    // the finding itself, with its size and the limit, is in the table
    expect(codes()[0]).toBe('toml/file-too-large');
    expect(tableRows()[0][4]).toContain(
      `${BROKEN_FILE} was not read: it is 40 MiB (41943040 bytes), above the limit of 16 MiB (16777216 bytes)`,
    );
  });

  it('lists a file that does not parse and a file above the size limit each as what it is', async () => {
    const degradedSnapshot = findingsSnapshot({ scenario: 'degraded' });
    const tooLargeSnapshot = findingsSnapshot({ scenario: 'tooLarge' });
    const other = {
      ...findingOf(tooLargeSnapshot, 'toml/file-too-large'),
      file: 'projects/shop/services.toml',
    };
    await renderPage(
      apiOf({
        ...degradedSnapshot,
        findings: [...degradedSnapshot.findings, other],
      }),
    );
    const alert = await screen.findByRole('alert');
    const items = within(
      within(alert).getByRole('list', { name: 'Files that are not loaded' }),
    ).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      `${BROKEN_FILE} does not parse (at ${whereOf(
        syntaxError,
      )}); the catalog keeps its last good version.`,
      `projects/shop/services.toml is not read: it is above the size limit for a registry file (at ${whereOf(
        other,
      )}); the catalog keeps its last good version.`,
    ]);
  });

  it('shows no alert when the last run was clean, and a blocked run as an error', async () => {
    const clean = findingsSnapshot({ scenario: 'clean' });
    await renderPage(apiOf(clean));
    expect(await screen.findByText('4 of 4 findings')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await renderPage(
      apiOf({
        ...clean,
        state: 'blocked',
        summary: 'the run would remove 4 of 6 entities (more than 50%)',
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The last refresh of the registry was blocked',
    );
    expect(alert).toHaveTextContent('would remove 4 of 6 entities');
  });

  it('filters by severity, in the URL, and from the counts', async () => {
    await renderPage(degraded());
    await screen.findByText('5 of 5 findings');
    await choose('Severity', 'error');
    expect(screen.getByText('2 of 5 findings')).toBeInTheDocument();
    expect(codes()).toEqual(['toml/syntax', 'dependency/missing-required']);
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      '?severity=error',
    );
    // the counts ignore the severity filter and toggle it
    expect(counts()).toEqual(['2 errors', '3 warnings', '0 info']);
    await userEvent.click(screen.getByRole('button', { name: '3 warnings' }));
    expect(screen.getByText('3 of 5 findings')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '3 warnings' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(screen.getByRole('button', { name: '3 warnings' }));
    expect(screen.getByText('5 of 5 findings')).toBeInTheDocument();
  });

  it('filters by project, offering the projects present', async () => {
    await renderPage(degraded());
    await screen.findByText('5 of 5 findings');
    await userEvent.click(filterSelect('Project'));
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All', 'billing', 'shop', 'Global services']);
    await userEvent.click(screen.getByRole('option', { name: 'shop' }));
    // which findings are the project's is the backend's answer (see the System card's rule)
    expect(await screen.findByText('3 of 5 findings')).toBeInTheDocument();
    expect(tableRows().every(r => r[2] === 'shop')).toBe(true);
    expect(counts()).toEqual(['1 error', '2 warnings', '0 info']);
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      '?project=shop',
    );
  });

  it("shows the global services' findings for ?project=:global, as the backend counts them", async () => {
    const api = degraded();
    await renderPage(api, { path: '/?project=%3Aglobal' });
    expect(await screen.findByText('1 of 5 findings')).toBeInTheDocument();
    expect(api.getFindings).toHaveBeenCalledWith(
      {
        registry: undefined,
        project: ':global',
      },
      withSignal,
    );
    expect(codes()).toEqual(['lifecycle/deprecated-without-replacement']);
    expect(tableRows()[0][1]).toBe('legacy-pay');
    expect(counts()).toEqual(['0 errors', '1 warning', '0 info']);
    expect(filterSelect('Project')).toHaveTextContent('Global services');

    await choose('Project', 'shop');
    await waitFor(() =>
      expect(screen.getByText('3 of 5 findings')).toBeInTheDocument(),
    );
    await choose('Project', 'Global services');
    expect(await screen.findByText('1 of 5 findings')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      '?project=%3Aglobal',
    );
  });

  it("writes a global service's project as the project filter does, and a finding of no project as none", async () => {
    // releases of a service no file declares: a finding of no project and no known service
    const snapshot = findingsSnapshot({
      scenario: 'degraded',
      extraFiles: [
        {
          path: 'services/versions.toml',
          text: '[[service.ghost.release]]\nversion = "1.0.0"\ndate = "2026-01-01"\n',
        },
      ],
    });
    const unknown = findingOf(snapshot, 'registry/unknown-service', 'ghost');
    expect(unknown.project).toBeUndefined();
    const total = snapshot.findings.length;
    await renderPage(apiOf(snapshot));
    await screen.findByText(`${total} of ${total} findings`);
    const projectOf = (service: string) =>
      tableRows().find(r => r[1] === service)?.[2];
    expect(projectOf('legacy-pay')).toBe('Global services');
    expect(projectOf('ghost')).toBe('—');

    // the search finds the words the rows show
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      'global',
    );
    await waitFor(() =>
      expect(screen.getByText(`1 of ${total} findings`)).toBeInTheDocument(),
    );
    expect(tableRows().map(r => r.slice(1, 3))).toEqual([
      ['legacy-pay', 'Global services'],
    ]);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search' }));

    // and under the filter of the global services
    await choose('Project', 'Global services');
    expect(
      await screen.findByText(`1 of ${total} findings`),
    ).toBeInTheDocument();
    expect(tableRows()[0].slice(1, 3)).toEqual([
      'legacy-pay',
      'Global services',
    ]);
  });

  it('filters by owner, offering the owners present', async () => {
    await renderPage(degraded());
    await screen.findByText('5 of 5 findings');
    await userEvent.click(filterSelect('Owner'));
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All', 'payments-team', 'shop-team']);
    await userEvent.click(
      screen.getByRole('option', { name: 'payments-team' }),
    );
    expect(screen.getByText('1 of 5 findings')).toBeInTheDocument();
    expect(codes()).toEqual(['lifecycle/deprecated-without-replacement']);
    expect(counts()).toEqual(['0 errors', '1 warning', '0 info']);
  });

  it('reads the filters from the URL and combines them', async () => {
    await renderPage(degraded(), {
      path: '/?owner=%40shop-team&severity=warning',
    });
    expect(await screen.findByText('2 of 5 findings')).toBeInTheDocument();
    expect(codes()).toEqual([
      'lifecycle/depends-on-deprecated',
      'dependency/missing-optional',
    ]);
    expect(filterSelect('Owner')).toHaveTextContent('shop-team');
    await choose('Severity', 'All');
    await waitFor(() =>
      expect(screen.getByText('3 of 5 findings')).toBeInTheDocument(),
    );
    expect(
      screen.getByRole('status', { name: 'query' }).textContent,
    ).not.toContain('severity');
  });

  it('says when no finding matches, and when the registry is clean', async () => {
    await renderPage(degraded(), { path: '/?severity=info' });
    expect(await screen.findByText('0 of 5 findings')).toBeInTheDocument();
    expect(
      screen.getByText('No findings match the filters'),
    ).toBeInTheDocument();

    const empty = findingsSnapshot({ scenario: 'clean' });
    await renderPage(apiOf({ ...empty, findings: [] }), {
      props: { registry: 'staging', title: 'Staging findings' },
    });
    expect(
      await screen.findByText('No findings: the registry is clean'),
    ).toBeInTheDocument();
    expect(screen.getByText('Staging findings')).toBeInTheDocument();
  });

  it('asks for the registry given in the props', async () => {
    const api = apiOf(findingsSnapshot({ providerId: 'staging' }));
    await renderPage(api, { props: { registry: 'staging' } });
    expect(await screen.findByText(/Registry "staging"/)).toBeInTheDocument();
    expect(api.getFindings).toHaveBeenCalledWith(
      { registry: 'staging' },
      withSignal,
    );
  });

  it('names no registry when it is given none, so that the backend answers its only one', async () => {
    // one registry, configured under another key than `default`: asking for `default` is a 404
    const api = apiOf(findingsSnapshot({ providerId: 'platform' }));
    await renderPage(api, { path: '/?project=%3Aglobal' });
    expect(await screen.findByText(/Registry "platform"/)).toBeInTheDocument();
    expect(await screen.findByText('1 of 5 findings')).toBeInTheDocument();
    // the page's request and the one of the global services' findings
    expect(jest.mocked(api.getFindings).mock.calls.map(([o]) => o)).toEqual([
      { registry: undefined },
      { registry: undefined, project: ':global' },
    ]);
  });

  it('asks the registry of the link it was opened with (?registry=), keeping it while filtering', async () => {
    const api = apiOf(findingsSnapshot({ providerId: 'platform' }));
    await renderPage(api, { path: '/?registry=platform&project=%3Aglobal' });
    expect(await screen.findByText('1 of 5 findings')).toBeInTheDocument();
    expect(jest.mocked(api.getFindings).mock.calls.map(([o]) => o)).toEqual([
      { registry: 'platform' },
      { registry: 'platform', project: ':global' },
    ]);
    await choose('Severity', 'warning');
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      'registry=platform',
    );
  });

  it('shows the findings of a project as the System card counts them: about the project or one of its services', async () => {
    // a release of the shop's checkout in services/versions.toml with a date that is no date: the
    // finding names the service, not the project
    const snapshot = findingsSnapshot({
      scenario: 'clean',
      extraFiles: [
        {
          path: 'services/versions.toml',
          text: '[[service.checkout.release]]\nversion = "3.0.0"\ndate = "yesterday"\n',
        },
      ],
    });
    const release = findingOf(snapshot, 'schema/invalid-date', 'checkout');
    expect(release.project).toBeUndefined();
    const ofShop = snapshot.findings.filter(f =>
      isFindingOfProject(snapshot.registry, f, 'shop'),
    );
    expect(ofShop).toContain(release);

    await renderPage(apiOf(snapshot), { path: '/?project=shop' });
    expect(
      await screen.findByText(
        `${ofShop.length} of ${snapshot.findings.length} findings`,
      ),
    ).toBeInTheDocument();
    const row = tableRows().find(r => r[5] === whereOf(release));
    expect(row).toBeDefined();
    // service, project
    expect(row!.slice(1, 3)).toEqual(['checkout', 'shop']);
    expect(counts()).toEqual(['2 errors', '2 warnings', '0 info']);
  });

  it("keeps the table and its counts while a project's findings load, the table saying it loads", async () => {
    const answer = getFindingsFrom(
      findingsSnapshot({ scenario: 'degraded', rootLocation: GITHUB_ROOT }),
    );
    let release: () => void = () => {};
    const projectAnswered = new Promise<void>(resolve => {
      release = resolve;
    });
    const api = mockServiceRegistryApi({
      getFindings: jest.fn(async (request?: FindingsRequestOptions) => {
        if (request?.project) await projectAnswered;
        return answer(request);
      }),
    });
    await renderPage(api);
    await screen.findByText('5 of 5 findings');
    const table = screen.getByRole('table');

    await choose('Project', 'shop');
    // the same table, with its title and the counts it had, and a loading row for a body
    expect(screen.getByRole('table')).toBe(table);
    expect(screen.getByText('5 of 5 findings')).toBeInTheDocument();
    expect(counts()).toEqual(['2 errors', '3 warnings', '0 info']);
    expect(within(table).getByRole('progressbar')).toBeInTheDocument();
    expect(tableRows()).toEqual([]);

    release();
    expect(await screen.findByText('3 of 5 findings')).toBeInTheDocument();
    expect(screen.getByRole('table')).toBe(table);
    expect(tableRows().every(r => r[2] === 'shop')).toBe(true);
    expect(counts()).toEqual(['1 error', '2 warnings', '0 info']);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it("counts nothing before a project's findings are known when the page opens on a project", async () => {
    const answer = getFindingsFrom(
      findingsSnapshot({ scenario: 'degraded', rootLocation: GITHUB_ROOT }),
    );
    const api = mockServiceRegistryApi({
      getFindings: jest.fn((request?: FindingsRequestOptions) =>
        request?.project ? new Promise<never>(() => {}) : answer(request),
      ),
    });
    await renderPage(api, { path: '/?project=shop' });
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('progressbar')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Findings' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/ of 5 findings$/)).not.toBeInTheDocument();
    expect(counts()).toEqual(['0 errors', '0 warnings', '0 info']);
  });

  it('says when the snapshot was updated, in UTC as the days are counted', async () => {
    await renderPage(
      apiOf({ ...findingsSnapshot(), updatedAt: '2026-12-01T03:18:45.000Z' }),
    );
    expect(
      await screen.findByText(/ · updated 2026-12-01 03:18 UTC$/),
    ).toBeInTheDocument();
  });
});

describe('ServiceRegistryFindingsPage on a phone', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = pretendScreenWidth(390);
  });
  afterEach(() => restore());

  /** The entries of the list, each as its parts. */
  const entries = () =>
    within(screen.getByRole('list', { name: /findings$/ }))
      .getAllByRole('listitem')
      .map(item => ({
        item,
        code: item.querySelector('code')?.textContent,
        text: item.textContent ?? '',
      }));

  it('lists each finding in a few lines (severity, code, message, service, project, owner, location) instead of a table', async () => {
    await renderPage(degraded());
    expect(
      await screen.findByRole('heading', { name: '5 of 5 findings' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const listed = entries();
    // errors first, as the table opens
    expect(listed.map(e => e.code)).toEqual([
      'toml/syntax',
      'dependency/missing-required',
      'lifecycle/depends-on-deprecated',
      'dependency/missing-optional',
      'lifecycle/deprecated-without-replacement',
    ]);
    const checkout = listed[1];
    expect(checkout.text).toMatch(/^error/);
    expect(checkout.text).toContain(
      'Service "checkout" requires "inventory", which no registry file declares',
    );
    const facts = within(checkout.item);
    expect(facts.getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout',
    );
    expect(checkout.text).toContain('ProjectshopOwnershop-team');
    expect(
      facts.getByRole('link', {
        name: `${whereOf(missingRequired)}, Opens in a new window`,
      }),
    ).toHaveAttribute('href', githubLineOf(missingRequired));
    // a global service's project as the project filter names it; the file that does not parse
    // names no service and no owner
    expect(listed[4].text).toContain('ProjectGlobal services');
    expect(listed[0].text).not.toMatch(/Service|Owner/);
    expect(listed[0].text).toContain('Projectbilling');
  });

  it('writes the names of the facts (Service, Project, Owner) in a colour that reads on the page (WCAG AA)', async () => {
    await renderPage(degraded());
    await screen.findByRole('heading', { name: '5 of 5 findings' });
    const names = within(screen.getByRole('list', { name: /findings$/ }))
      .getAllByRole('term')
      .filter(term =>
        ['Service', 'Project', 'Owner'].includes(term.textContent!),
      );
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      expect(
        lowestTextContrast(name, themeSurfaces(lightTheme)),
      ).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it('applies the counts, the filters and the search to the list', async () => {
    await renderPage(degraded());
    await screen.findByRole('heading', { name: '5 of 5 findings' });
    await userEvent.click(screen.getByRole('button', { name: '3 warnings' }));
    expect(
      await screen.findByRole('heading', { name: '3 of 5 findings' }),
    ).toBeInTheDocument();
    expect(entries().map(e => e.code)).toEqual([
      'lifecycle/depends-on-deprecated',
      'dependency/missing-optional',
      'lifecycle/deprecated-without-replacement',
    ]);
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search' }),
      'nothing-like-this',
    );
    expect(
      await screen.findByRole('heading', { name: '0 of 5 findings' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No findings match the filters'),
    ).toBeInTheDocument();
  });

  it("sorts the list by its Sort by menu, as the table's headers sort the table", async () => {
    await renderPage(degraded());
    await screen.findByRole('heading', { name: '5 of 5 findings' });
    const menu = () => screen.getByRole('button', { name: /^Sort by/ });
    expect(menu()).toHaveTextContent('Severity, errors first');
    await choose('Sort by', 'Severity, info first');
    // the warnings before the errors, each severity in its given (file) order
    expect(entries().map(e => e.code)).toEqual([
      'lifecycle/depends-on-deprecated',
      'dependency/missing-optional',
      'lifecycle/deprecated-without-replacement',
      'toml/syntax',
      'dependency/missing-required',
    ]);
    await choose('Sort by', 'Service, A to Z');
    const services = entries().map(
      e => definitionsOf(e.item).Service ?? undefined,
    );
    const named = services.filter((s): s is string => s !== undefined);
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b)));
    // the finding that names no service (a file that does not parse) last
    expect(services[services.length - 1]).toBeUndefined();
    await choose('Sort by', 'Errors first, then by location');
    expect(entries()[0].code).toBe('toml/syntax');
    expect(menu()).toHaveTextContent('Errors first, then by location');
  });

  it("keeps the sort menu's choice in the URL, as the table's headers do, and opens a shared link in its order", async () => {
    const opened = await renderPage(degraded());
    await screen.findByRole('heading', { name: '5 of 5 findings' });
    await choose('Sort by', 'Location, by file and line, last first');
    expect(screen.getByRole('status', { name: 'query' })).toHaveTextContent(
      '?sort=file&order=desc',
    );
    const lastFirst = entries().map(e => e.code);
    expect(lastFirst[lastFirst.length - 1]).toBe('toml/syntax');
    opened.unmount();
    await renderPage(degraded(), { path: '/?sort=file&order=desc' });
    await screen.findByRole('heading', { name: '5 of 5 findings' });
    expect(entries().map(e => e.code)).toEqual(lastFirst);
    expect(screen.getByRole('button', { name: /^Sort by/ })).toHaveTextContent(
      'Location, by file and line, last first',
    );
  });

  it('lists 20 findings at first, and 20 more on each request', async () => {
    const many = findingsSnapshot({ scenario: 'degraded' });
    const findings = Array.from({ length: 45 }, (_, i) => ({
      ...missingOptional,
      line: i + 1,
    }));
    await renderPage(apiOf({ ...many, findings }));
    await screen.findByRole('heading', { name: '45 of 45 findings' });
    expect(entries()).toHaveLength(20);
    await userEvent.click(
      screen.getByRole('button', { name: 'Show 20 more of 25' }),
    );
    expect(entries()).toHaveLength(40);
    await userEvent.click(
      screen.getByRole('button', { name: 'Show 5 more of 5' }),
    );
    expect(entries()).toHaveLength(45);
    expect(
      screen.queryByRole('button', { name: /^Show/ }),
    ).not.toBeInTheDocument();
    // in file order: the last line last
    expect(entries()[44].text).toContain(`${missingOptional.file}:45:`);
  });

  it('keeps the table on a screen 600 pixels wide or more', async () => {
    restore();
    restore = pretendScreenWidth(600);
    await renderPage(degraded());
    expect(await screen.findByText('5 of 5 findings')).toBeInTheDocument();
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: /findings$/ }),
    ).not.toBeInTheDocument();
  });
});
