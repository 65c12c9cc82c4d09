import { screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import { findingsRouteRef, slaRouteRef } from '../../routes';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { projectSummaryResponse } from '../../testUtils/projectSummaryFixture';
import {
  EntitySystemServiceRegistryCard,
  EntitySystemServiceRegistryCardProps,
} from './EntitySystemServiceRegistryCard';
import { notFound, unknownRegistry } from '../../testUtils/backendError';
import { fillContrast, lowestTextContrast } from '../../testUtils/textContrast';
import { TEXT_CONTRAST } from '../contrast';
import { withSignal } from '../../testUtils/withSignal';
import { withCatalogApi } from '../../__testUtils__/withCatalogApi';
import { pretendScreenWidth } from '../../testUtils/screenWidth';
import { definitionsOf } from '../../testUtils/definitions';

/**
 * A System as the registry's provider writes it: a project, or the shared System (`project:
 * false`; with `shared`, marked with the name the provider gave it, which the provider did not
 * write before it marked the shared System).
 */
function system(
  name: string,
  options: {
    registry?: string;
    project?: boolean;
    shared?: string;
    namespace?: string;
  } = {},
): Entity {
  const { registry = 'default', project = true, shared, namespace } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      annotations: {
        'service-registry.io/registry-id': registry,
        ...(project ? { 'service-registry.io/project': name } : {}),
        ...(shared ? { 'service-registry.io/shared-system': shared } : {}),
      },
    },
    spec: { owner: 'team' },
  };
}

/**
 * An API answering from the project fixture registry, or from other files (built with the real
 * buildProjectSummary).
 */
function fixtureApi(rootLocation?: string, files?: Record<string, string>) {
  return mockServiceRegistryApi({
    getProjectSummary: jest.fn(async (project: string) =>
      projectSummaryResponse(project, rootLocation, files),
    ),
  });
}

const ENTITY_ROUTE = { '/catalog/:namespace/:kind/:name': entityRouteRef };
const FINDINGS_ROUTE = {
  '/service-registry/findings': findingsRouteRef,
  '/service-registry/sla': slaRouteRef,
};

async function renderCard(
  entity: Entity,
  api: ServiceRegistryApi = fixtureApi(),
  options: {
    props?: EntitySystemServiceRegistryCardProps;
    mountFindings?: boolean;
    /** The app's catalog API; none by default. */
    catalogApi?: typeof catalogApiRef.T;
  } = {},
) {
  const { props = {}, mountFindings = true, catalogApi } = options;
  const card = (
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntitySystemServiceRegistryCard {...props} />
      </EntityProvider>
    </TestApiProvider>
  );
  return renderInTestApp(withCatalogApi(card, catalogApi), {
    mountedRoutes: mountFindings
      ? { ...ENTITY_ROUTE, ...FINDINGS_ROUTE }
      : ENTITY_ROUTE,
  });
}

/** The value shown for a fact ("Owner", "Tier", …). */
function fact(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

const findServices = () =>
  screen.findByRole('table', { name: /^Services of / });

/** The row of the services table whose header cell starts with the service id. */
function serviceRow(id: string): HTMLElement {
  const table = screen.getByRole('table', { name: /^Services of / });
  const row = within(table)
    .getAllByRole('row')
    .find(
      r =>
        within(r).queryByRole('rowheader')?.textContent?.startsWith(id) ??
        false,
    );
  if (!row) throw new Error(`no service row for ${id}`);
  return row;
}

/** The texts of a row's cells after its header. */
function cells(row: HTMLElement): Array<string | null> {
  return within(row)
    .getAllByRole('cell')
    .map(c => c.textContent);
}

/** The item of a "Depends on" / "Used by" list that names a project. */
function linkItem(list: string, project: string): HTMLElement {
  const items = within(screen.getByRole('list', { name: list }))
    .getAllByRole('listitem')
    .filter(li => li.parentElement?.getAttribute('aria-label') === list);
  const item = items.find(li =>
    within(li).queryByRole('link', { name: project }),
  );
  if (!item) throw new Error(`no ${list} entry for ${project}`);
  return item;
}

function notFoundError() {
  return notFound(
    'no project "ghost" in registry "default"',
    '/api/service-registry/projects/ghost/summary',
  );
}

describe('EntitySystemServiceRegistryCard', () => {
  it('shows progress while the summary loads', async () => {
    await renderCard(
      system('shop'),
      mockServiceRegistryApi({
        getProjectSummary: () => new Promise(() => {}),
      }),
    );
    expect(
      screen.getByRole('heading', { name: 'Project in the service registry' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the project’s facts and links the line that declares it', async () => {
    const api = fixtureApi('url:https://github.com/acme/registry/tree/main/');
    await renderCard(system('shop', { registry: 'staging' }), api);
    await findServices();
    expect(api.getProjectSummary).toHaveBeenCalledWith(
      'shop',
      { registry: 'staging' },
      withSignal,
    );
    expect(fact('Project')).toHaveTextContent('Web Shop (shop)');
    expect(fact('Owner')).toHaveTextContent('shop-team');
    expect(fact('Tier')).toHaveTextContent('high');
    expect(fact('Environment')).toHaveTextContent('production');
    expect(fact('Services')).toHaveTextContent('3');
    expect(
      screen.getByRole('link', {
        name: /^projects\/shop\/services\.toml, line 2/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/registry/tree/main/projects/shop/services.toml#L2',
    );
  });

  it('lists its services with status, version, tier, findings and the deprecated services they depend on', async () => {
    await renderCard(system('shop'));
    const table = await findServices();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Service', 'Status', 'Version', 'Tier', 'Findings']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map(h => within(h).getAllByText(/./)[0].textContent),
    ).toEqual(['shop-checkout', 'shop-legacy', 'shop-web']);

    const checkout = serviceRow('shop-checkout');
    expect(
      within(checkout).getByRole('link', { name: 'shop-checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/shop-checkout');
    expect(within(checkout).getByText('Checkout')).toBeInTheDocument();
    // status, version, tier (its project's), findings
    expect(cells(checkout)).toEqual([
      'ga',
      '1.9.0',
      'high (inherited)',
      '1 warning',
    ]);
    expect(
      within(checkout).getByText(
        'Depends on a deprecated service: payments-v2',
      ),
    ).toBeInTheDocument();

    const web = serviceRow('shop-web');
    expect(cells(web)).toEqual(['ga', '4.0.0', 'low', 'none']);
    expect(within(web).queryByText(/^Depends on a deprecated/)).toBeNull();

    // a retired service is no longer in the catalog: no link
    const legacy = serviceRow('shop-legacy');
    expect(within(legacy).getByText('retired')).toBeInTheDocument();
    expect(within(legacy).queryByRole('link')).not.toBeInTheDocument();
  });

  it('writes the deprecated-dependency mark and the retired status so that they read on the card (WCAG AA)', async () => {
    await renderCard(system('shop'));
    await findServices();
    expect(
      lowestTextContrast(
        within(serviceRow('shop-checkout')).getByText(
          'Depends on a deprecated service: payments-v2',
        ),
      ),
    ).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    const retired = serviceRow('shop-legacy').querySelector(
      '[data-status="retired"]',
    )!;
    expect(fillContrast(retired)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it('lists the global services the project overrides and the fields each override writes', async () => {
    await renderCard(system('shop'));
    await findServices();
    const overrides = screen.getByRole('list', {
      name: 'Overrides of global services',
    });
    const items = within(overrides).getAllByRole('listitem');
    expect(items.map(li => li.textContent)).toEqual([
      'notifier — writes metadata, port',
    ]);
    expect(
      within(overrides).getByRole('link', { name: 'notifier' }),
    ).toHaveAttribute('href', '/catalog/default/component/notifier');
  });

  it('shows what it depends on in other projects and among the global services, linked to their Systems', async () => {
    await renderCard(system('shop'));
    await findServices();
    const crm = linkItem('Depends on', 'CRM');
    expect(within(crm).getByRole('link', { name: 'CRM' })).toHaveAttribute(
      'href',
      '/catalog/default/system/crm',
    );
    expect(crm).toHaveTextContent(
      'CRM — 1 dependency on 1 service (1 required)',
    );
    expect(crm).toHaveTextContent('crm-api: required by shop-checkout');

    const globals = linkItem('Depends on', 'Global services');
    expect(
      within(globals).getByRole('link', { name: 'Global services' }),
    ).toHaveAttribute('href', '/catalog/default/system/shared');
    expect(globals).toHaveTextContent(
      'Global services — 3 dependencies on 3 services (2 required, 1 optional)',
    );
    expect(globals).toHaveTextContent('notifier: optional for shop-checkout');
    expect(globals).toHaveTextContent('payments-v2: required by shop-checkout');
    expect(
      within(globals).getByRole('link', { name: 'shared-auth' }),
    ).toHaveAttribute('href', '/catalog/default/component/shared-auth');
  });

  it('shows the services of other projects that use its services', async () => {
    await renderCard(system('shop'));
    await findServices();
    const crm = linkItem('Used by', 'CRM');
    expect(crm).toHaveTextContent(
      'CRM — 1 dependency on 1 service (1 optional)',
    );
    expect(crm).toHaveTextContent('shop-checkout: optional for crm-sync');
  });

  it("says a project declares no owner, and whom the catalog shows as its System's owner instead", async () => {
    const files = {
      'projects/shop/services.toml': `
[project]
name = "Web Shop"

[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
`,
    };
    const api = fixtureApi(undefined, files);
    const shop = system('shop');
    const { unmount } = await renderCard(
      { ...shop, spec: { owner: 'group:default/platform-team' } },
      api,
    );
    await findServices();
    expect(fact('Owner')).toHaveTextContent(
      /^none declared; the catalog shows platform-team$/,
    );
    expect(
      within(fact('Owner')).getByRole('link', { name: 'platform-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-team');
    unmount();
    // a user, or a group of another namespace, by its ref
    await renderCard({ ...shop, spec: { owner: 'user:ops/jane' } }, api);
    await findServices();
    expect(fact('Owner')).toHaveTextContent(
      /^none declared; the catalog shows user:ops\/jane$/,
    );
    expect(within(fact('Owner')).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/ops/user/jane',
    );
  });

  it('writes the retired services it depends on, that use it and that it overrides as text with "(retired)", not as links', async () => {
    // shop-api requires the global auth and the retired old-auth; billing-api requires shop-api
    // and the retired shop-legacy; shop overrides the global mailer and the retired old-mailer
    const files = {
      'services/catalog.toml': `
[service.auth]
owner = "platform-team"
version = "2.0.0"
status = "ga"

[service.old-auth]
owner = "platform-team"
version = "1.0.0"
status = "retired"
deprecation_date = "2025-01-01"
sunset_date = "2025-06-01"
replacement_service = "auth"

[service.mailer]
owner = "platform-team"
version = "1.0.0"
status = "ga"
port = 8025

[service.old-mailer]
owner = "platform-team"
version = "1.0.0"
status = "retired"
port = 8026
deprecation_date = "2025-01-01"
sunset_date = "2025-06-01"
replacement_service = "mailer"
`,
      'projects/shop/services.toml': `
[project]
name = "Web Shop"

[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
dependencies.requires = ["auth", "old-auth"]

[service.shop-legacy]
owner = "shop-team"
version = "1.0.0"
status = "retired"
deprecation_date = "2025-01-01"
sunset_date = "2025-06-01"
replacement_service = "shop-api"

[service.mailer]
port = 9025

[service.old-mailer]
port = 9026
`,
      'projects/billing/services.toml': `
[project]
name = "Billing"

[service.billing-api]
owner = "billing-team"
version = "1.0.0"
status = "ga"
dependencies.requires = ["shop-api", "shop-legacy"]
`,
    };
    await renderCard(system('shop'), fixtureApi(undefined, files));
    await findServices();
    /** The item of a project's service list that names the service. */
    const serviceItem = (item: HTMLElement, service: string) =>
      within(item)
        .getAllByRole('listitem')
        .find(li => li.textContent?.startsWith(`${service}`))!;

    const globals = linkItem('Depends on', 'Global services');
    const oldAuth = serviceItem(globals, 'old-auth');
    expect(oldAuth).toHaveTextContent(
      /^old-auth \(retired\): required by shop-api$/,
    );
    expect(within(oldAuth).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(serviceItem(globals, 'auth:')).getByRole('link', {
        name: 'auth',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/auth');

    const billing = linkItem('Used by', 'Billing');
    const legacy = serviceItem(billing, 'shop-legacy');
    expect(legacy).toHaveTextContent(
      /^shop-legacy \(retired\): required by billing-api$/,
    );
    expect(within(legacy).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(serviceItem(billing, 'shop-api')).getByRole('link', {
        name: 'shop-api',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/shop-api');

    const overrides = screen.getByRole('list', {
      name: 'Overrides of global services',
    });
    const items = within(overrides).getAllByRole('listitem');
    expect(items.map(li => li.textContent)).toEqual([
      'mailer — writes port',
      'old-mailer (retired) — writes port',
    ]);
    expect(within(items[1]).queryByRole('link')).not.toBeInTheDocument();
    expect(
      within(items[0]).getByRole('link', { name: 'mailer' }),
    ).toHaveAttribute('href', '/catalog/default/component/mailer');
  });

  it('counts its findings and its SLA compliance, linked to the findings and SLA pages filtered by the project', async () => {
    await renderCard(system('shop'));
    await findServices();
    expect(
      screen.getByRole('link', {
        name: "2 warnings in the registry's validation",
      }),
    ).toHaveAttribute('href', '/service-registry/findings?project=shop');
    expect(
      screen.getByRole('link', {
        name: '2 services: 1 compliant, 1 without a policy',
      }),
    ).toHaveAttribute('href', '/service-registry/sla?project=shop');
  });

  it('links its findings and SLA lines to the pages of its own registry (?registry=)', async () => {
    const api = mockServiceRegistryApi({
      getProjectSummary: jest.fn(async (project: string) => ({
        ...projectSummaryResponse(project),
        registry: 'staging',
      })),
    });
    await renderCard(system('shop', { registry: 'staging' }), api);
    await findServices();
    expect(
      screen.getByRole('link', {
        name: "2 warnings in the registry's validation",
      }),
    ).toHaveAttribute(
      'href',
      '/service-registry/findings?project=shop&registry=staging',
    );
    expect(
      screen.getByRole('link', {
        name: '2 services: 1 compliant, 1 without a policy',
      }),
    ).toHaveAttribute(
      'href',
      '/service-registry/sla?project=shop&registry=staging',
    );
  });

  it('names its findings and SLA without a link when the app has no findings or SLA page', async () => {
    await renderCard(system('shop'), fixtureApi(), { mountFindings: false });
    await findServices();
    expect(
      screen.getByText("2 warnings in the registry's validation"),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /in the registry's validation/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('2 services: 1 compliant, 1 without a policy'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /^2 services:/ }),
    ).not.toBeInTheDocument();
  });

  it('shows the global services on the shared System: who overrides them and which projects use them', async () => {
    const api = fixtureApi();
    await renderCard(system('shared', { project: false }), api);
    await findServices();
    expect(api.getProjectSummary).toHaveBeenCalledWith(
      GLOBAL_PROJECT_ID,
      { registry: 'default' },
      withSignal,
    );
    expect(
      screen.getByText(
        'What registry "default" knows about the global services',
      ),
    ).toBeInTheDocument();
    expect(fact('Scope')).toHaveTextContent('Global: shared by every project');
    expect(
      within(screen.getByRole('table', { name: /^Services of / }))
        .getAllByRole('rowheader')
        .map(h => within(h).getAllByText(/./)[0].textContent),
    ).toEqual(['notifier', 'payments-v2', 'shared-auth']);
    expect(
      within(serviceRow('notifier')).getByText('Overridden by shop'),
    ).toBeInTheDocument();
    expect(
      within(serviceRow('payments-v2')).getByText('deprecated'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Overrides of global services' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('The global services depend on no project.'),
    ).toBeInTheDocument();
    expect(linkItem('Used by', 'Web Shop')).toHaveTextContent(
      'Web Shop — 3 dependencies on 3 services (2 required, 1 optional)',
    );
    expect(
      within(linkItem('Used by', 'CRM')).getByRole('link', { name: 'CRM' }),
    ).toHaveAttribute('href', '/catalog/default/system/crm');
    // the findings page shows the global services' findings for ?project=:global
    expect(
      screen.getByRole('link', {
        name: "1 error in the registry's validation",
      }),
    ).toHaveAttribute('href', '/service-registry/findings?project=%3Aglobal');
    expect(
      screen.getByRole('link', { name: /^\d+ services?:/ }),
    ).toHaveAttribute('href', '/service-registry/sla?project=%3Aglobal');
  });

  it('takes the shared System’s name from its prop, for a provider configured with another', async () => {
    const api = fixtureApi();
    await renderCard(system('platform', { project: false }), api, {
      props: { sharedSystem: 'platform' },
    });
    await findServices();
    expect(api.getProjectSummary).toHaveBeenCalledWith(
      GLOBAL_PROJECT_ID,
      { registry: 'default' },
      withSignal,
    );
    await renderCard(system('shop'), fixtureApi(), {
      props: { sharedSystem: 'platform' },
    });
    expect(
      (await screen.findAllByRole('link', { name: 'Global services' }))[0],
    ).toHaveAttribute('href', '/catalog/default/system/platform');
  });

  it('knows the shared System by its mark, whatever a transformer named it', async () => {
    const api = fixtureApi();
    await renderCard(
      system('acme-globals', {
        project: false,
        shared: 'shared',
        namespace: 'platform',
      }),
      api,
    );
    await findServices();
    expect(api.getProjectSummary).toHaveBeenCalledWith(
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

  it('links the global services to the shared System as the catalog has it, renamed or moved', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        // an entity transformer renamed the shared System and moved it to another namespace
        system('acme-globals', {
          project: false,
          shared: 'shared',
          namespace: 'platform',
        }),
        // another registry's shared System is not this registry's
        system('other-globals', {
          registry: 'other',
          project: false,
          shared: 'shared',
        }),
      ],
    });
    await renderCard(system('shop'), fixtureApi(), { catalogApi });
    await findServices();
    await waitFor(() =>
      expect(
        within(linkItem('Depends on', 'Global services')).getByRole('link', {
          name: 'Global services',
        }),
      ).toHaveAttribute('href', '/catalog/platform/system/acme-globals'),
    );
  });

  it('links the other projects to their Systems as the catalog has them, renamed or moved, asked in one request', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        // an entity transformer renamed shop's System and moved it to another namespace
        {
          ...system('shop-system'),
          metadata: {
            name: 'shop-system',
            namespace: 'platform',
            annotations: {
              'service-registry.io/registry-id': 'default',
              'service-registry.io/project': 'shop',
            },
          },
        },
        // crm's System in another registry is another project's
        {
          ...system('other-crm', { registry: 'other' }),
          metadata: {
            name: 'other-crm',
            annotations: {
              'service-registry.io/registry-id': 'other',
              'service-registry.io/project': 'crm',
            },
          },
        },
        // a Component of crm carries the project's annotation too: it is no System
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'crm-api',
            annotations: {
              'service-registry.io/registry-id': 'default',
              'service-registry.io/project': 'crm',
            },
          },
          spec: { type: 'service', owner: 'team', lifecycle: 'production' },
        },
      ],
    });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await renderCard(system('shared', { project: false }), fixtureApi(), {
      catalogApi,
    });
    await findServices();
    await waitFor(() =>
      expect(
        within(linkItem('Used by', 'Web Shop')).getByRole('link', {
          name: 'Web Shop',
        }),
      ).toHaveAttribute('href', '/catalog/platform/system/shop-system'),
    );
    // none in this registry: the provider's own name
    expect(
      within(linkItem('Used by', 'CRM')).getByRole('link', { name: 'CRM' }),
    ).toHaveAttribute('href', '/catalog/default/system/crm');
    const systemRequests = getEntities.mock.calls.filter(
      ([request]) =>
        (request!.filter as Record<string, unknown>).kind === 'System',
    );
    // both projects in one request, of the card's registry
    expect(systemRequests).toHaveLength(1);
    const filter = systemRequests[0][0]!.filter as Record<string, string[]>;
    expect(filter['metadata.annotations.service-registry.io/registry-id']).toBe(
      'default',
    );
    expect(
      [...filter['metadata.annotations.service-registry.io/project']].sort(),
    ).toEqual(['crm', 'shop']);
  });

  it("links the other projects and the global services to the provider's names while the catalog does not answer", async () => {
    const catalogApi = catalogApiMock.mock({
      getEntities: jest.fn(() => new Promise<never>(() => {})),
    });
    await renderCard(system('shop'), fixtureApi(), { catalogApi });
    await findServices();
    await waitFor(() => expect(catalogApi.getEntities).toHaveBeenCalled());
    expect(
      within(linkItem('Depends on', 'CRM')).getByRole('link', { name: 'CRM' }),
    ).toHaveAttribute('href', '/catalog/default/system/crm');
    expect(
      within(linkItem('Depends on', 'Global services')).getByRole('link', {
        name: 'Global services',
      }),
    ).toHaveAttribute('href', '/catalog/default/system/shared');
  });

  it('says when the registry has no such project (404)', async () => {
    const error = await notFoundError();
    await renderCard(
      system('ghost'),
      mockServiceRegistryApi({
        getProjectSummary: async () => {
          throw error;
        },
      }),
    );
    expect(
      await screen.findByText('Not in the service registry'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Registry "default" has no project "ghost".'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the 404 of an unknown registry as an error, not as a project it lacks', async () => {
    const error = await unknownRegistry(
      'old-id',
      '/api/service-registry/projects/shop/summary?registry=old-id',
    );
    await renderCard(
      system('shop', { registry: 'old-id' }),
      mockServiceRegistryApi({
        getProjectSummary: async () => {
          throw error;
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load what the registry knows of project shop',
    );
    expect(alert).toHaveTextContent('no registry "old-id"');
    expect(
      screen.queryByText('Not in the service registry'),
    ).not.toBeInTheDocument();
  });

  it('says when the registry declares no global services (404)', async () => {
    const error = await notFound(
      'registry "default" declares no global services (services/catalog.toml)',
      `/api/service-registry/projects/${GLOBAL_PROJECT_ID}/summary`,
    );
    await renderCard(
      system('shared', { project: false }),
      mockServiceRegistryApi({
        getProjectSummary: async () => {
          throw error;
        },
      }),
    );
    expect(
      await screen.findByText('Not in the service registry'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Registry "default" declares no global services.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    await renderCard(
      system('shop'),
      mockServiceRegistryApi({
        getProjectSummary: async () => {
          throw new Error('no snapshot of registry "default" yet');
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load what the registry knows of project shop',
    );
    expect(alert).toHaveTextContent('no snapshot of registry "default" yet');
  });
});

describe('EntitySystemServiceRegistryCard on a phone', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = pretendScreenWidth(390);
  });
  afterEach(() => restore());

  it('lists its services in a few lines each (the service with its status, then version, tier and findings) instead of a five-column table', async () => {
    await renderCard(system('shop'));
    const list = await screen.findByRole('list', {
      name: 'Services of Web Shop',
    });
    expect(
      screen.queryByRole('table', { name: 'Services of Web Shop' }),
    ).not.toBeInTheDocument();
    const entries = within(list).getAllByRole('listitem');
    expect(
      entries.map(e => within(e).getAllByText(/./)[0].textContent),
    ).toEqual(['shop-checkout', 'shop-legacy', 'shop-web']);
    const [checkout, legacy, web] = entries;
    expect(
      within(checkout).getByRole('link', { name: 'shop-checkout' }),
    ).toHaveAttribute('href', '/catalog/default/component/shop-checkout');
    expect(within(checkout).getByText('Checkout')).toBeInTheDocument();
    expect(within(checkout).getByText('ga')).toBeInTheDocument();
    expect(
      within(checkout).getByText(
        'Depends on a deprecated service: payments-v2',
      ),
    ).toBeInTheDocument();
    expect(definitionsOf(checkout)).toEqual({
      Version: '1.9.0',
      Tier: 'high (inherited)',
      Findings: '1 warning',
    });
    expect(definitionsOf(web)).toEqual({
      Version: '4.0.0',
      Tier: 'low',
      Findings: 'none',
    });
    expect(within(legacy).getByText('retired')).toBeInTheDocument();
    expect(within(legacy).queryByRole('link')).not.toBeInTheDocument();
  });
});
