import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { summarizePendingChange } from '@service-registry/plugin-service-registry-common';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import { PendingChangesResponse } from '../../api/types';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { backendError } from '../../testUtils/backendError';
import { ServiceRegistryPendingChangesPage } from './ServiceRegistryPendingChangesPage';

const registry = (files: Record<string, string>) =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

const auth = (port: number) => `
[service.shared-auth]
owner = "platform-team"
version = "1.0.0"
port = ${port}
`;

const project = (extra = '') => `
[project]
owner = "team-a"

[service.pa-api]
version = "1.0.0"
[service.pa-api.dependencies]
requires = ["shared-auth"]
${extra}`;

const BASE = registry({
  'services/catalog.toml': auth(8000),
  'projects/project-a/services.toml': project(),
});

/** The answer of a backend with two pending branches, compared as the backend compares them. */
function answer(): PendingChangesResponse {
  const today = { today: '2026-12-06' };
  return {
    registry: 'default',
    repository: 'https://github.com/acme/registry',
    defaultBranch: 'main',
    branchPrefix: 'service-registry/',
    readAt: '2026-12-06T10:15:00.000Z',
    unread: [
      {
        branch: 'service-registry/huge',
        message:
          'services/huge.toml is 5000000 bytes, more than the 4194304 bytes a registry file may have',
      },
    ],
    changes: [
      {
        branch: 'service-registry/move-auth',
        commit: 'b'.repeat(40),
        base: 'a'.repeat(40),
        subject: 'Move shared-auth to 9000',
        author: 'Ana Platform',
        date: '2026-12-05T09:30:00+00:00',
        url: 'https://github.com/acme/registry/tree/service-registry/move-auth',
        ...summarizePendingChange(
          BASE,
          registry({
            'services/catalog.toml': auth(9000),
            'projects/project-a/services.toml': project(),
          }),
          today,
        ),
      },
      {
        branch: 'service-registry/add-pa-web',
        commit: 'c'.repeat(40),
        base: 'a'.repeat(40),
        subject: 'Add pa-web',
        author: 'Bo Builder',
        date: '2026-12-04T08:00:00+00:00',
        ...summarizePendingChange(
          BASE,
          registry({
            'services/catalog.toml': auth(8000),
            'projects/project-a/services.toml': project(`
[service.pa-web]
version = "0.1.0"
[service.pa-web.dependencies]
requires = ["billing"]
`),
          }),
          today,
        ),
      },
      {
        branch: 'service-registry/break-auth',
        commit: 'd'.repeat(40),
        base: 'a'.repeat(40),
        subject: 'Break shared-auth',
        author: 'Cy Careless',
        date: '2026-12-03T08:00:00+00:00',
        ...summarizePendingChange(
          BASE,
          registry({
            'services/catalog.toml': `${auth(9000)}port = \n`,
            'projects/project-a/services.toml': project(),
          }),
          today,
        ),
      },
    ],
  };
}

async function renderPage(
  api: ServiceRegistryApi,
  options: { registry?: string; path?: string } = {},
) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <ServiceRegistryPendingChangesPage registry={options.registry} />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      routeEntries: [options.path ?? '/'],
    },
  );
}

describe('ServiceRegistryPendingChangesPage', () => {
  it('shows each pending branch with what it changes, what it breaks and whom, and its findings', async () => {
    await renderPage(
      mockServiceRegistryApi({ getPendingChanges: async () => answer() }),
    );
    const move = await screen.findByRole('region', {
      name: 'Pending change service-registry/move-auth',
    });
    expect(
      within(move).getByRole('heading', { name: 'Move shared-auth to 9000' }),
    ).toBeInTheDocument();
    expect(
      within(move).getByRole('link', { name: /^service-registry\/move-auth/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/registry/tree/service-registry/move-auth',
    );
    expect(move).toHaveTextContent('Ana Platform · 2026-12-05 09:30 UTC');
    expect(move).toHaveTextContent('1 changed');
    expect(move).toHaveTextContent('1 breaking change');
    expect(move).toHaveTextContent('0 errors');
    expect(move).toHaveTextContent('0 new errors, 0 new warnings');
    expect(
      within(move).queryByRole('list', { name: 'New findings' }),
    ).toBeNull();
    const breaking = within(move).getByRole('listitem');
    expect(breaking).toHaveTextContent(/^port-changed shared-auth: .*9000/);
    expect(breaking).toHaveTextContent('Affects 1 service in project-a.');
    // the changed service links to its catalog page
    expect(
      within(breaking).getByRole('link', { name: 'shared-auth' }),
    ).toHaveAttribute('href', '/catalog/default/component/shared-auth');

    const add = screen.getByRole('region', {
      name: 'Pending change service-registry/add-pa-web',
    });
    // no host page for this branch, and a new service has no catalog page yet
    expect(within(add).queryByRole('link', { name: /add-pa-web/ })).toBeNull();
    expect(add).toHaveTextContent('Adds: pa-web');
    expect(within(add).queryByRole('link', { name: 'pa-web' })).toBeNull();
    // pa-web requires billing, which no one declares: an error main does not have
    expect(add).toHaveTextContent('1 error');
    expect(add).toHaveTextContent('1 new error, 0 new warnings');
    const added = within(add).getByRole('list', { name: 'New findings' });
    expect(within(added).getAllByRole('listitem')).toHaveLength(1);
    expect(within(added).getByRole('listitem')).toHaveTextContent(
      /^error\s*dependency\/missing-required\s*Service "pa-web" requires "billing".*projects\/project-a\/services\.toml:13:\d+$/,
    );
    expect(add).toHaveTextContent('0 breaking changes');

    // no card lists files it could not read but the one whose branch breaks a file
    expect(within(move).queryByText('Files not read')).toBeNull();
    const broken = screen.getByRole('region', {
      name: 'Pending change service-registry/break-auth',
    });
    // compared as main has the file: the port change in the broken file is not seen
    expect(broken).toHaveTextContent('0 breaking changes');
    // the syntax error alone: pa-api's dependency on shared-auth, which the unread file
    // declares, is not reported as missing
    const brokenFindings = within(
      within(broken).getByRole('list', { name: 'New findings' }),
    ).getAllByRole('listitem');
    expect(brokenFindings.map(item => item.textContent)).toEqual([
      expect.stringMatching(
        /^error\s*toml\/syntax.*services\/catalog\.toml:6:\d+$/,
      ),
    ]);
    // the messages' head and base, said in the card's words
    expect(broken).toHaveTextContent(
      `Head is the branch service-registry/break-auth; base is main where the branch leaves it (${'a'.repeat(
        12,
      )}).`,
    );
    const unread = within(broken).getByRole('list', { name: 'Files not read' });
    expect(within(unread).getByRole('listitem')).toHaveTextContent(
      /^In head, services\/catalog\.toml does not parse \(line 6, column \d+\): its service shared-auth is compared as in base/,
    );

    // newest first, as the backend lists them
    expect(
      screen
        .getAllByRole('region', { name: /^Pending change / })
        .map(a => a.getAttribute('aria-label')),
    ).toEqual([
      'Pending change service-registry/move-auth',
      'Pending change service-registry/add-pa-web',
      'Pending change service-registry/break-auth',
    ]);
    expect(
      screen
        .getByText('A branch could not be compared')
        .closest('[role="alert"]'),
    ).toHaveTextContent(
      'service-registry/huge: services/huge.toml is 5000000 bytes',
    );
    expect(
      screen.getByText(
        '3 pending changes in https://github.com/acme/registry, compared with main · registry "default" · read 2026-12-06 10:15 UTC',
      ),
    ).toBeInTheDocument();
  });

  it('asks for the registry of the link it was opened with (?registry=), else of its prop', async () => {
    const getPendingChanges = jest.fn(
      async (options?: { registry?: string }) => ({
        ...answer(),
        registry: options?.registry ?? 'default',
      }),
    );
    const api = mockServiceRegistryApi({ getPendingChanges });
    const linked = await renderPage(api, {
      registry: 'platform',
      path: '/?registry=data',
    });
    expect(await screen.findByText(/· registry "data" ·/)).toBeInTheDocument();
    expect(getPendingChanges).toHaveBeenLastCalledWith(
      { registry: 'data' },
      expect.anything(),
    );
    linked.unmount();
    await renderPage(api, { registry: 'platform' });
    expect(
      await screen.findByText(/· registry "platform" ·/),
    ).toBeInTheDocument();
    expect(getPendingChanges).toHaveBeenLastCalledWith(
      { registry: 'platform' },
      expect.anything(),
    );
  });

  it('shows the changes of a backend older than unreadFiles and newFindings, which sends neither', async () => {
    const older = answer();
    older.changes = older.changes.map(
      ({ unreadFiles: _, newFindings: __, ...change }) => ({
        ...change,
      }),
    ) as typeof older.changes;
    await renderPage(
      mockServiceRegistryApi({ getPendingChanges: async () => older }),
    );
    const move = await screen.findByRole('region', {
      name: 'Pending change service-registry/move-auth',
    });
    expect(move).toHaveTextContent('1 breaking change');
    expect(screen.queryByText('Files not read')).toBeNull();
    // all of the registry's findings, without telling which are new
    const add = screen.getByRole('region', {
      name: 'Pending change service-registry/add-pa-web',
    });
    expect(add).toHaveTextContent('1 error, 0 warnings');
    expect(add).not.toHaveTextContent(/new error|in all/);
    expect(screen.queryByText('New findings')).toBeNull();
  });

  it('lists the first of many new findings and counts the others', async () => {
    const many = answer();
    const [first] = many.changes;
    const finding = (i: number) => ({
      severity: 'warning' as const,
      code: 'schema/unknown-field',
      message: `Unknown key "x${i}".`,
      file: 'services/catalog.toml',
      line: i + 1,
      column: 1,
    });
    many.changes = [
      {
        ...first,
        newFindings: {
          errors: 0,
          warnings: 23,
          listed: Array.from({ length: 20 }, (_, i) => finding(i)),
        },
      },
    ];
    await renderPage(
      mockServiceRegistryApi({ getPendingChanges: async () => many }),
    );
    const list = await screen.findByRole('list', { name: 'New findings' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(screen.getByText('… and 3 more new findings.')).toBeInTheDocument();
  });

  it('says so when nothing is pending', async () => {
    await renderPage(
      mockServiceRegistryApi({
        getPendingChanges: async () => ({
          ...answer(),
          changes: [],
          unread: [],
        }),
      }),
    );
    expect(await screen.findByText('No pending changes')).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: /^Pending change / }),
    ).toBeNull();
  });

  it("shows the backend's reason when no repository is configured", async () => {
    await renderPage(
      mockServiceRegistryApi({
        getPendingChanges: async () => {
          throw await backendError({
            status: 404,
            statusText: 'Not Found',
            name: 'NotFoundError',
            message:
              'No pending changes are configured: set serviceRegistry.pendingChanges.repository to the registry repository',
            url: '/api/service-registry/pending-changes',
          });
        },
      }),
    );
    expect(
      await screen.findByText(
        /Could not load the pending changes: No pending changes are configured: set serviceRegistry.pendingChanges.repository/,
      ),
    ).toBeInTheDocument();
  });
});
