import {
  act,
  fireEvent,
  screen,
  within,
  waitFor,
} from '@testing-library/react';
import { useState } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import {
  ServiceRegistryApi,
  serviceRegistryApiRef,
  ServiceRegistryClient,
} from '../../api';
import {
  createFromTemplateRouteRef,
  pendingChangesRouteRef,
} from '../../routes';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import {
  serviceSummaryResponse,
  SUMMARY_REGISTRY_FILES,
} from '../../testUtils/summaryFixture';
import { namesakeServiceSummaryResponse } from '../../testUtils/namesakeRegistry';
import {
  EntityServiceRegistryCard,
  EntityServiceRegistryCardProps,
} from './EntityServiceRegistryCard';
import {
  backendError,
  HELD_BACK_MESSAGE,
  heldBackError,
  notFound,
  unknownRegistry,
} from '../../testUtils/backendError';
import { fillContrast, lowestTextContrast } from '../../testUtils/textContrast';
import { TEXT_CONTRAST } from '../contrast';
import { withSignal } from '../../testUtils/withSignal';
import { templateParameters } from '../../__testUtils__/templateParameters';
import { renamedComponent } from '../../testUtils/renamedComponent';
import { withCatalogApi } from '../../__testUtils__/withCatalogApi';
import { pretendScreenWidth } from '../../testUtils/screenWidth';

type CatalogApi = typeof catalogApiRef.T;

function component(name: string, registry = 'default'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'service-registry.io/registry-id': registry },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

/**
 * An API answering from the summary fixture registry, or from other files (built with the real
 * buildServiceSummary).
 */
function fixtureApi(rootLocation?: string, files?: Record<string, string>) {
  return mockServiceRegistryApi({
    getServiceSummary: jest.fn(async (id: string) =>
      serviceSummaryResponse(id, rootLocation, files),
    ),
  });
}

const ENTITY_ROUTE = { '/catalog/:namespace/:kind/:name': entityRouteRef };
const TEMPLATE_ROUTE = {
  '/create/templates/:namespace/:templateName': createFromTemplateRouteRef,
};

async function renderCard(
  entity: Entity,
  api: ServiceRegistryApi = fixtureApi(),
  options: {
    props?: EntityServiceRegistryCardProps;
    bindTemplates?: boolean;
    catalogApi?: CatalogApi;
  } = {},
) {
  const { props = {}, bindTemplates = true, catalogApi } = options;
  const card = (
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityServiceRegistryCard {...props} />
      </EntityProvider>
    </TestApiProvider>
  );
  return renderInTestApp(withCatalogApi(card, catalogApi), {
    mountedRoutes: bindTemplates
      ? { ...ENTITY_ROUTE, ...TEMPLATE_ROUTE }
      : ENTITY_ROUTE,
  });
}

/** The value shown for a fact ("Version", "Tier", …). */
function fact(label: string): HTMLElement {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling as HTMLElement;
}

const findFacts = () => screen.findByText('Version', { selector: 'dt' });

/** The row of the dependencies table whose header cell names the service. */
function dependencyRow(service: string): HTMLElement {
  const table = screen.getByRole('table', { name: /^Dependencies of / });
  const row = within(table)
    .getAllByRole('row')
    .find(
      r =>
        within(r).queryByRole('rowheader')?.textContent?.startsWith(service) ??
        false,
    );
  if (!row) throw new Error(`no dependency row for ${service}`);
  return row;
}

/** The link target a scaffolder form opens with, prefilled with the service. */
function templateHref(template: string, service: string): string {
  return `/create/templates/default/${template}?formData=${encodeURIComponent(
    JSON.stringify({ service: `component:default/${service}` }),
  )}`;
}

function notFoundError() {
  return notFound(
    'no service "ghost" in registry "default"',
    '/api/service-registry/services/ghost/summary',
  );
}

/** The dependencies of shop-checkout: required first, then optional, each in declaration order. */
const CHECKOUT_DEPENDENCIES = [
  'shared-auth',
  'payments-v2',
  'search',
  'ghost-svc',
  'legacy-queue',
  'notifier',
];

describe('EntityServiceRegistryCard', () => {
  it('shows progress while the summary loads', async () => {
    await renderCard(
      component('shop-checkout'),
      mockServiceRegistryApi({
        getServiceSummary: () => new Promise(() => {}),
      }),
    );
    expect(
      screen.getByRole('heading', { name: 'Service registry' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the facts of a project service, with the tier it inherits from its project, and links its line', async () => {
    const api = fixtureApi('url:https://github.com/acme/registry/tree/main/');
    await renderCard(component('shop-checkout', 'staging'), api);
    await findFacts();
    expect(api.getServiceSummary).toHaveBeenCalledWith(
      'shop-checkout',
      { registry: 'staging' },
      withSignal,
    );
    expect(fact('Version')).toHaveTextContent('1.9.0');
    expect(fact('Status')).toHaveTextContent('ga');
    expect(fact('Tier')).toHaveTextContent('high (from project Web Shop)');
    expect(fact('Port')).toHaveTextContent('8081');
    expect(fact('Project')).toHaveTextContent('Web Shop (shop)');
    expect(fact('Type')).toHaveTextContent('microservice');
    expect(fact('Owner')).toHaveTextContent('shop-team');
    // nothing to say about compatibility or a sunset
    expect(
      screen.queryByText('Compatible from', { selector: 'dt' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByText('Sunset', { selector: 'dt' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/Overridden by/)).not.toBeInTheDocument();
    const line = screen.getByRole('link', {
      name: /^projects\/shop\/services\.toml, line 7/,
    });
    expect(line).toHaveAttribute(
      'href',
      'https://github.com/acme/registry/tree/main/projects/shop/services.toml#L7',
    );
    expect(line.closest('p')).toHaveTextContent(
      /^Declared in projects\/shop\/services\.toml, line 7/,
    );
  });

  it("gives a service's owner as the catalog shows it: its own, its project's, or none declared and the catalog's", async () => {
    const files = {
      ...SUMMARY_REGISTRY_FILES,
      'services/catalog.toml': SUMMARY_REGISTRY_FILES[
        'services/catalog.toml'
      ].replace('owner = "platform-team"\n', ''),
      'projects/shop/services.toml': SUMMARY_REGISTRY_FILES[
        'projects/shop/services.toml'
      ].replace(
        '[service.shop-checkout]\nname = "Checkout"\ntype = "microservice"\nowner = "shop-team"\n',
        '[service.shop-checkout]\nname = "Checkout"\ntype = "microservice"\n',
      ),
    };
    const api = fixtureApi(undefined, files);
    const { unmount } = await renderCard(component('shop-checkout'), api);
    await findFacts();
    expect(fact('Owner')).toHaveTextContent(
      /^shop-team \(from project Web Shop\)$/,
    );
    unmount();
    // a global service declaring none: the provider's default owner in the catalog
    const auth = component('shared-auth');
    await renderCard(
      { ...auth, spec: { ...auth.spec, owner: 'platform-team' } },
      api,
    );
    await findFacts();
    expect(fact('Owner')).toHaveTextContent(
      /^none declared; the catalog shows platform-team$/,
    );
    expect(
      within(fact('Owner')).getByRole('link', { name: 'platform-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-team');
  });

  it('sets a status and a type the registry leaves out beside what the catalog shows, and says only "not declared" off a page', async () => {
    const files = {
      ...SUMMARY_REGISTRY_FILES,
      'services/catalog.toml': SUMMARY_REGISTRY_FILES['services/catalog.toml']
        .replace('type = "api"\n', '')
        .replace('status = "ga"\n', ''),
    };
    const summary = serviceSummaryResponse('shared-auth', undefined, files);
    expect(summary.service.status).toBeUndefined();
    expect(summary.service.type).toBeUndefined();
    const api = mockServiceRegistryApi({
      getServiceSummary: jest.fn(async () => summary),
    });
    await renderCard(component('shared-auth'), api);
    await findFacts();
    // the provider's defaults, as the page's header shows them
    expect(fact('Status')).toHaveTextContent(
      /^not declared; the catalog shows production$/,
    );
    expect(fact('Type')).toHaveTextContent(
      /^not declared; the catalog shows service$/,
    );
  });

  it('tells a global service apart from a service of the project named global', async () => {
    const api = mockServiceRegistryApi({
      getServiceSummary: jest.fn(async (id: string) =>
        namesakeServiceSummaryResponse(id),
      ),
    });
    const first = await renderCard(component('auth'), api);
    await findFacts();
    expect(fact('Project')).toHaveTextContent(/^Global services$/);
    first.unmount();
    await renderCard(component('portal'), api);
    await findFacts();
    expect(fact('Project')).toHaveTextContent(/^global$/);
  });

  it('shows a global service: its own tier, compatibility, the projects that override it, and its line as text', async () => {
    await renderCard(component('shared-auth'));
    await findFacts();
    expect(fact('Tier')).toHaveTextContent(/^critical$/);
    expect(fact('Project')).toHaveTextContent(/^Global services$/);
    expect(fact('Port')).toHaveTextContent('8443');
    expect(fact('Compatible from')).toHaveTextContent('1.2.0');
    expect(screen.getByText('Overridden by projects: crm')).toBeInTheDocument();
    // a registry read from a directory has no page to link to
    expect(
      screen.getByText('Declared in services/catalog.toml, line 2'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: /services\/catalog\.toml/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText("1 error in the registry's validation"),
    ).toBeInTheDocument();
  });

  it("says the notice consumers get before a breaking change: a beta service's, or the one a service sets", async () => {
    const files = {
      'services/catalog.toml': [
        '[service.tracker]',
        'status = "beta"',
        'version = "1.0.0-beta.1"',
        '[service.mailer]',
        'status = "ga"',
        'version = "1.0.0"',
        'governance.break_changes_notice = 1',
        '[service.auth]',
        'status = "ga"',
        'version = "1.0.0"',
      ].join('\n'),
    };
    const { unmount } = await renderCard(
      component('tracker'),
      fixtureApi(undefined, files),
    );
    await findFacts();
    expect(fact('Notice of breaking changes')).toHaveTextContent(
      /^30 days \(beta\)$/,
    );
    unmount();

    const own = await renderCard(
      component('mailer'),
      fixtureApi(undefined, files),
    );
    await findFacts();
    expect(fact('Notice of breaking changes')).toHaveTextContent(/^1 day$/);
    own.unmount();

    await renderCard(component('auth'), fixtureApi(undefined, files));
    await findFacts();
    expect(
      screen.queryByText('Notice of breaking changes', { selector: 'dt' }),
    ).not.toBeInTheDocument();
  });

  it("names the registry's policies as what sets a beta service's notice when they do", async () => {
    await renderCard(
      component('tracker'),
      fixtureApi(undefined, {
        'services/catalog.toml': '[service.tracker]\nstatus = "beta"\n',
        'policies/governance.toml':
          '[change_control]\nbeta_change_notice_days = 14\n',
      }),
    );
    await findFacts();
    expect(fact('Notice of breaking changes')).toHaveTextContent(
      "14 days (beta, by the registry's policies)",
    );
  });

  it('checks each dependency against its provider: satisfied, outside the range, undeclared, deprecated, retired, unversioned', async () => {
    await renderCard(component('shop-checkout'));
    await findFacts();
    expect(
      screen.getByRole('heading', { name: 'Dependencies (6)' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Dependencies of shop-checkout',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(['Service', 'Kind', 'Range', 'Provider version']);

    const auth = dependencyRow('shared-auth');
    expect(auth).toHaveTextContent('required');
    expect(auth).toHaveTextContent('^1.2');
    expect(auth).toHaveTextContent('✓1.4.0 — within ^1.2');
    expect(
      within(auth).getByRole('link', { name: 'shared-auth' }),
    ).toHaveAttribute('href', '/catalog/default/component/shared-auth');

    const payments = dependencyRow('payments-v2');
    expect(payments).toHaveTextContent('✓2.7.3 — within ^2.5');
    expect(within(payments).getByText('deprecated')).toBeInTheDocument();
    expect(within(payments).getByText('sunset 2026-12-10')).toBeInTheDocument();

    const search = dependencyRow('search');
    expect(search).toHaveTextContent('✗2.0.0 — outside ^1.0');
    expect(within(search).queryByText(/deprecated|retired/)).toBeNull();

    const ghost = dependencyRow('ghost-svc');
    expect(ghost).toHaveTextContent('not declared in the registry');
    expect(ghost).toHaveTextContent('✗no such service');
    expect(within(ghost).queryByRole('link')).not.toBeInTheDocument();

    const queue = dependencyRow('legacy-queue');
    expect(queue).toHaveTextContent('optional');
    expect(queue).toHaveTextContent('any version');
    expect(queue).toHaveTextContent('✓0.9.0 — any version accepted');
    expect(within(queue).getByText('retired')).toBeInTheDocument();
    expect(within(queue).getByText('sunset 2026-06-01')).toBeInTheDocument();

    const notifier = dependencyRow('notifier');
    expect(notifier).toHaveTextContent('optional');
    expect(notifier).toHaveTextContent('?no version declared');

    // required first, then optional, each in declaration order
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map(h => within(h).getAllByText(/./)[0].textContent),
    ).toEqual(CHECKOUT_DEPENDENCIES);
  });

  it('says a range that only compat_with satisfies is satisfied through compat_with, not within the range', async () => {
    // search moves to 2.1.0 and stays compatible with 1.x and 1.5.x: shop-checkout's ^1.0 is
    // served through those entries (as validation reads it), though 2.1.0 is outside ^1.0
    const files = {
      ...SUMMARY_REGISTRY_FILES,
      'services/catalog.toml': SUMMARY_REGISTRY_FILES[
        'services/catalog.toml'
      ].replace(
        'version = "2.0.0"',
        'version = "2.1.0"\ncompat_with = ["1.x", "0.9.x", "1.5.x"]',
      ),
    };
    const api = fixtureApi(undefined, files);
    await renderCard(component('shop-checkout'), api);
    await findFacts();
    const search = dependencyRow('search');
    expect(search).toHaveTextContent('✓2.1.0 — through compat_with 1.x, 1.5.x');
    expect(search).not.toHaveTextContent('within');
    expect(search.querySelector('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'satisfied',
    );
    // a range the version itself satisfies still reads "within"
    expect(dependencyRow('shared-auth')).toHaveTextContent(
      '✓1.4.0 — within ^1.2',
    );
  });

  it('names a retired dependency as text with its status, not as a link: the catalog has no page for it', async () => {
    await renderCard(component('shop-checkout'));
    await findFacts();
    const queue = dependencyRow('legacy-queue');
    expect(within(queue).getByText('legacy-queue')).toBeInTheDocument();
    expect(within(queue).getByText('retired')).toBeInTheDocument();
    expect(within(queue).queryByRole('link')).not.toBeInTheDocument();
    // a ga (and a deprecated) provider is still linked to its page
    expect(
      within(dependencyRow('shared-auth')).getByRole('link', {
        name: 'shared-auth',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/shared-auth');
    expect(
      within(dependencyRow('payments-v2')).getByRole('link', {
        name: 'payments-v2',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-v2');
  });

  it('colours the checks and the status marks of the dependencies so that their words read (WCAG AA)', async () => {
    await renderCard(component('shop-checkout'));
    await findFacts();
    const table = screen.getByRole('table', { name: /^Dependencies of / });
    const verdicts = table.querySelectorAll('[data-verdict]');
    expect(
      new Set([...verdicts].map(v => v.getAttribute('data-verdict'))),
    ).toEqual(new Set(['satisfied', 'unsatisfied', 'unknown']));
    for (const verdict of verdicts) {
      expect(lowestTextContrast(verdict)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
    expect(
      lowestTextContrast(
        within(dependencyRow('ghost-svc')).getByText(
          'not declared in the registry',
        ),
      ),
    ).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    for (const [service, status] of [
      ['payments-v2', 'deprecated'],
      ['legacy-queue', 'retired'],
    ]) {
      const chip = dependencyRow(service).querySelector(
        `[data-status="${status}"]`,
      )!;
      expect(fillContrast(chip)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it('counts the consumers, with the projects they are in, and links each', async () => {
    await renderCard(component('shop-checkout'));
    await findFacts();
    expect(
      screen.getByText('Required by 1 service (in project shop)'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Required by' })).getByRole(
        'link',
        { name: 'shop-web' },
      ),
    ).toHaveAttribute('href', '/catalog/default/component/shop-web');
    expect(screen.getByText('Optional for 1 service')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Optional for' })).getByRole(
        'link',
        { name: 'shop-admin' },
      ),
    ).toHaveAttribute('href', '/catalog/default/component/shop-admin');
    expect(
      screen.getByText("3 errors, 1 warning in the registry's validation"),
    ).toBeInTheDocument();
  });

  it('collapses a long list of consumers, and shows them all on demand', async () => {
    await renderCard(component('shared-auth'), fixtureApi(), {
      props: { consumersLimit: 3 },
    });
    expect(
      await screen.findByText('Required by 5 services (in projects crm, shop)'),
    ).toBeInTheDocument();
    const list = () => screen.getByRole('list', { name: 'Required by' });
    expect(
      within(list())
        .getAllByRole('link')
        .map(l => l.textContent),
    ).toEqual(['crm-api', 'crm-sync', 'notifier']);
    const more = within(list()).getByRole('button', {
      name: 'Show all 5 (2 more)',
    });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(more);
    expect(
      within(list())
        .getAllByRole('link')
        .map(l => l.textContent),
    ).toEqual(['crm-api', 'crm-sync', 'notifier', 'shop-checkout', 'shop-web']);
    expect(
      within(list()).getByRole('button', { name: 'Show fewer' }),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(screen.queryByText(/^Optional for/)).not.toBeInTheDocument();
  });

  it('says when a service has no dependencies, no consumers and no findings', async () => {
    await renderCard(component('payments-v3'));
    await findFacts();
    expect(
      screen.getByRole('heading', { name: 'Dependencies (0)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('No dependencies')).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: /^Dependencies of / }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText('No service of the registry depends on it.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No findings')).toBeInTheDocument();
    expect(fact('Tier')).toHaveTextContent('none');
    expect(fact('Port')).toHaveTextContent('none');
  });

  it("shows where the projects' monitoring sends the service's alerts", async () => {
    const api = fixtureApi(undefined, {
      ...SUMMARY_REGISTRY_FILES,
      'projects/shop/monitoring.toml': `[service.shop-checkout.alerts]
critical = ["slack#shop-critical"]
warning = ["slack#shop", "email@shop"]
[service.shop-checkout.alerts.escalation]
escalate_to = ["@shop-on-call"]
time_to_escalate = "5m"
page_if = "critical"

[service.shared-auth.alerts]
critical = ["slack#shop-auth"]
`,
      'projects/crm/monitoring.toml': `[service.shared-auth.alerts]
warning = ["slack#crm"]
`,
    });
    const { unmount } = await renderCard(component('shop-checkout'), api);
    await findFacts();
    const alerts = screen
      .getByRole('heading', { name: 'Alerts' })
      .closest('section')!;
    const value = (label: string) =>
      within(alerts).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(value('Critical')).toHaveTextContent('slack#shop-critical');
    expect(value('Warning')).toHaveTextContent('slack#shop, email@shop');
    expect(value('Escalates to')).toHaveTextContent('@shop-on-call after 5m');
    expect(value('Pages on')).toHaveTextContent('critical');
    expect(within(alerts).queryByText('Info')).not.toBeInTheDocument();
    // the service's own project's routes need no heading
    expect(
      within(alerts).queryByText(/monitoring\.toml/),
    ).not.toBeInTheDocument();
    unmount();

    // a global service routed by two projects: each project's routes under its name
    await renderCard(component('shared-auth'), api);
    await findFacts();
    const global = screen
      .getByRole('heading', { name: 'Alerts' })
      .closest('section')!;
    expect(
      within(global).getByText("From shop's monitoring.toml"),
    ).toBeInTheDocument();
    expect(
      within(global).getByText("From crm's monitoring.toml"),
    ).toBeInTheDocument();
    expect(within(global).getByText('slack#shop-auth')).toBeInTheDocument();
    expect(within(global).getByText('slack#crm')).toBeInTheDocument();
  });

  it('shows the release history, newest first, the current and breaking releases said in words, five before "Show more"', async () => {
    const versions = [
      '0.9.0',
      '1.0.0',
      '1.1.0',
      '1.2.0',
      '1.2.3',
      '1.3.0',
      '1.4.0',
    ];
    const api = fixtureApi(undefined, {
      ...SUMMARY_REGISTRY_FILES,
      'services/versions.toml': versions
        .map(
          (version, i) => `[[service.shared-auth.release]]
version = "${version}"
date = 2026-0${i + 1}-15
${version === '1.0.0' ? 'notes = "Sessions are JWTs: read the guide."' : ''}
`,
        )
        .join('\n'),
    });
    await renderCard(component('shared-auth'), api);
    await findFacts();
    const section = screen
      .getByRole('heading', { name: 'Releases (7)' })
      .closest('section')!;
    const table = within(section).getByRole('table', {
      name: 'Releases of shared-auth',
    });
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(row =>
          [...row.querySelectorAll('th, td')].map(cell => cell.textContent),
        );
    expect(rows()).toEqual([
      ['1.4.0current', '2026-07-15', '—'],
      ['1.3.0', '2026-06-15', '—'],
      ['1.2.3', '2026-05-15', '—'],
      ['1.2.0', '2026-04-15', '—'],
      ['1.1.0', '2026-03-15', '—'],
    ]);
    fireEvent.click(
      within(section).getByRole('button', { name: 'Show 2 more of 2' }),
    );
    expect(rows().slice(5)).toEqual([
      ['1.0.0breaking', '2026-02-15', 'Sessions are JWTs: read the guide.'],
      ['0.9.0', '2026-01-15', '—'],
    ]);
  });

  it('shows no Releases section for a service without releases', async () => {
    await renderCard(component('shop-checkout'));
    await findFacts();
    expect(
      screen.queryByRole('heading', { name: /^Releases/ }),
    ).not.toBeInTheDocument();
  });

  it('shows no Alerts section for a service no monitoring routes', async () => {
    await renderCard(component('shop-checkout'));
    await findFacts();
    expect(
      screen.queryByRole('heading', { name: 'Alerts' }),
    ).not.toBeInTheDocument();
  });

  it('opens the change and deprecation templates with the service already selected', async () => {
    await renderCard(component('shop-checkout'));
    await findFacts();
    expect(
      screen.getByRole('button', { name: 'Change this service' }),
    ).toHaveAttribute(
      'href',
      templateHref('service-registry-update-service', 'shop-checkout'),
    );
    expect(screen.getByRole('button', { name: 'Deprecate' })).toHaveAttribute(
      'href',
      templateHref('service-registry-deprecate-service', 'shop-checkout'),
    );
    // the form data the scaffolder reads back
    const href = screen
      .getByRole('button', { name: 'Deprecate' })
      .getAttribute('href')!;
    expect(
      JSON.parse(new URL(href, 'http://portal').searchParams.get('formData')!),
    ).toEqual({ service: 'component:default/shop-checkout' });
  });

  it('prefills only fields the real templates declare', async () => {
    // the parameters of templates/*/template.yaml, by template name
    const declared = templateParameters();
    // the fields of every page, not the pages' own keys (title, required, …)
    expect([...declared.get('service-registry-deprecate-service')!]).toEqual(
      expect.arrayContaining(['service', 'replacement', 'registryUrl']),
    );
    expect(declared.get('service-registry-update-service')).not.toContain(
      'title',
    );
    await renderCard(component('shop-checkout'));
    await findFacts();
    for (const [button, template] of [
      ['Change this service', 'service-registry-update-service'],
      ['Deprecate', 'service-registry-deprecate-service'],
    ]) {
      const href = screen
        .getByRole('button', { name: button })
        .getAttribute('href')!;
      const url = new URL(href, 'http://portal');
      expect(url.pathname).toBe(`/create/templates/default/${template}`);
      const formData = JSON.parse(url.searchParams.get('formData')!);
      expect(formData.service).toBe('component:default/shop-checkout');
      for (const field of Object.keys(formData)) {
        expect(declared.get(template)).toContain(field);
      }
    }
  });

  it('opens the templates the props name', async () => {
    await renderCard(component('shop-checkout'), fixtureApi(), {
      props: {
        changeTemplate: 'our-change-template',
        deprecateTemplate: 'our-deprecation-template',
      },
    });
    await findFacts();
    expect(
      screen.getByRole('button', { name: 'Change this service' }),
    ).toHaveAttribute(
      'href',
      templateHref('our-change-template', 'shop-checkout'),
    );
    expect(screen.getByRole('button', { name: 'Deprecate' })).toHaveAttribute(
      'href',
      templateHref('our-deprecation-template', 'shop-checkout'),
    );
  });

  it('shows the sunset and the replacement of a deprecated service, and offers no second deprecation', async () => {
    await renderCard(component('payments-v2'));
    await findFacts();
    expect(fact('Status')).toHaveTextContent('deprecated');
    expect(fact('Deprecated on')).toHaveTextContent('2026-09-01');
    expect(fact('Sunset')).toHaveTextContent('2026-12-10');
    expect(
      within(fact('Replacement')).getByRole('link', { name: 'payments-v3' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-v3');
    expect(
      screen.getByRole('button', { name: 'Change this service' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Deprecate' }),
    ).not.toBeInTheDocument();
  });

  it('offers no second deprecation of a retired service either, and links no undeclared replacement', async () => {
    await renderCard(component('legacy-queue'));
    await findFacts();
    expect(fact('Status')).toHaveTextContent('retired');
    expect(fact('Replacement')).toHaveTextContent(
      'queue-next (not declared in the registry)',
    );
    expect(
      within(fact('Replacement')).queryByRole('link'),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Change this service' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Deprecate' }),
    ).not.toBeInTheDocument();
  });

  it('writes a retired replacement as text with "(retired)", not as a link: the catalog has no page for it', async () => {
    // mq-v1 is replaced by the retired mq-v2; mq-v2 by the running mq-v3
    const files = {
      'services/catalog.toml': `
[service.mq-v1]
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-09-01"
sunset_date = "2027-03-01"
replacement_service = "mq-v2"

[service.mq-v2]
owner = "platform-team"
version = "2.0.0"
status = "retired"
deprecation_date = "2026-01-01"
sunset_date = "2026-07-01"
replacement_service = "mq-v3"

[service.mq-v3]
owner = "platform-team"
version = "3.0.0"
status = "ga"
`,
    };
    const api = fixtureApi(undefined, files);

    const retired = await renderCard(component('mq-v1'), api);
    await findFacts();
    expect(fact('Replacement')).toHaveTextContent(/^mq-v2 \(retired\)$/);
    expect(
      within(fact('Replacement')).queryByRole('link'),
    ).not.toBeInTheDocument();
    retired.unmount();

    await renderCard(component('mq-v2'), api);
    await findFacts();
    expect(fact('Replacement')).toHaveTextContent(/^mq-v3$/);
    expect(
      within(fact('Replacement')).getByRole('link', { name: 'mq-v3' }),
    ).toHaveAttribute('href', '/catalog/default/component/mq-v3');
  });

  it('shows no template buttons when the app does not bind the template route', async () => {
    await renderCard(component('shop-checkout'), fixtureApi(), {
      bindTemplates: false,
    });
    await findFacts();
    expect(fact('Version')).toHaveTextContent('1.9.0');
    expect(
      screen.queryByRole('button', { name: 'Change this service' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Deprecate' }),
    ).not.toBeInTheDocument();
  });

  it('says when the registry does not declare the service (404)', async () => {
    const error = await notFoundError();
    await renderCard(
      component('ghost'),
      mockServiceRegistryApi({
        getServiceSummary: async () => {
          throw error;
        },
      }),
    );
    expect(
      await screen.findByText('Not in the service registry'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Registry "default" does not declare "ghost".'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Change this service' }),
    ).not.toBeInTheDocument();
  });

  it('warns that a service the catalog holds back is held back, and why, not that the registry lacks it', async () => {
    const error = await heldBackError(
      '/api/service-registry/services/cart/summary',
    );
    await renderCard(
      component('cart'),
      mockServiceRegistryApi({
        getServiceSummary: async () => {
          throw error;
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Held back by the catalog');
    expect(alert).toHaveTextContent(HELD_BACK_MESSAGE);
    expect(alert).toHaveClass('MuiAlert-standardWarning');
    expect(
      screen.queryByText('Not in the service registry'),
    ).not.toBeInTheDocument();
  });

  it('shows the 404 of an unknown registry as an error, not as a service it lacks', async () => {
    const error = await unknownRegistry(
      'old-id',
      '/api/service-registry/services/shop-checkout/summary?registry=old-id',
    );
    await renderCard(
      component('shop-checkout', 'old-id'),
      mockServiceRegistryApi({
        getServiceSummary: async () => {
          throw error;
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the registry entry of shop-checkout',
    );
    expect(alert).toHaveTextContent('no registry "old-id"');
    expect(
      screen.queryByText('Not in the service registry'),
    ).not.toBeInTheDocument();
  });

  it("shows the backend's own reason when it fails", async () => {
    await renderCard(
      component('shop-checkout'),
      mockServiceRegistryApi({
        getServiceSummary: async () => {
          throw await backendError({
            status: 503,
            statusText: 'Service Unavailable',
            name: 'ServiceUnavailableError',
            message: 'registry "default" has not been ingested yet',
            url: '/api/service-registry/services/shop-checkout/summary',
          });
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Could not load the registry entry of shop-checkout',
    );
    expect(alert).toHaveTextContent(
      'registry "default" has not been ingested yet',
    );
    expect(alert).not.toHaveTextContent('Request failed');
  });

  describe('while the backend has no snapshot yet (503)', () => {
    const SUMMARY_URL = /\/services\/([^/]+)\/summary/;
    /** The real client on a backend that answers 503 for `waiting`, the fixture for the others. */
    function clientOfBackend(waiting: string) {
      const fetch = jest.fn(async (input: RequestInfo | URL) => {
        const service = decodeURIComponent(SUMMARY_URL.exec(String(input))![1]);
        if (service === waiting) {
          return new Response(
            JSON.stringify({
              error: {
                name: 'ServiceUnavailableError',
                message: 'registry "default" has not been ingested yet',
              },
              response: { statusCode: 503 },
            }),
            { status: 503, headers: { 'content-type': 'application/json' } },
          );
        }
        return new Response(JSON.stringify(serviceSummaryResponse(service)));
      });
      // the default waits between retries: 1, 2, 4 and 8 s
      const client = new ServiceRegistryClient({
        discoveryApi: { getBaseUrl: async () => 'http://backend/api/x' },
        fetchApi: { fetch },
      });
      const asked = (service: string) =>
        fetch.mock.calls.filter(([url]) => String(url).includes(`/${service}/`))
          .length;
      return { client, asked };
    }

    /** The card of the service picked with the buttons, none after "Leave". */
    function PickedService() {
      const [picked, setPicked] = useState<string | undefined>('shop-checkout');
      return (
        <>
          <button onClick={() => setPicked('shop-web')}>Show shop-web</button>
          <button onClick={() => setPicked(undefined)}>Leave</button>
          {picked && (
            <EntityProvider entity={component(picked)}>
              <EntityServiceRegistryCard />
            </EntityProvider>
          )}
        </>
      );
    }

    async function renderPicked(api: ServiceRegistryApi) {
      await renderInTestApp(
        <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
          <PickedService />
        </TestApiProvider>,
        { mountedRoutes: { ...ENTITY_ROUTE, ...TEMPLATE_ROUTE } },
      );
    }

    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('asks nothing more once the card unmounts during the wait between retries', async () => {
      const { client, asked } = clientOfBackend('shop-checkout');
      await renderPicked(client);
      // the first answer (503) came: the client waits 1 s before asking again
      await act(() => jest.advanceTimersByTimeAsync(1500));
      expect(asked('shop-checkout')).toBe(2);
      fireEvent.click(screen.getByRole('button', { name: 'Leave' }));
      // the remaining waits (2, 4 and 8 s) pass without a request
      await act(() => jest.advanceTimersByTimeAsync(20_000));
      expect(asked('shop-checkout')).toBe(2);
    });

    it('stops asking for the previous service when the card shows another, and shows no error of it', async () => {
      const { client, asked } = clientOfBackend('shop-checkout');
      await renderPicked(client);
      await act(() => jest.advanceTimersByTimeAsync(500));
      expect(asked('shop-checkout')).toBe(1);
      expect(screen.getByRole('progressbar')).toBeInTheDocument();
      fireEvent.click(screen.getByRole('button', { name: 'Show shop-web' }));
      await act(() => jest.advanceTimersByTimeAsync(20_000));
      expect(asked('shop-checkout')).toBe(1);
      expect(asked('shop-web')).toBe(1);
      // the card of shop-web, with no error of the call it aborted
      expect(fact('Project')).toHaveTextContent('Web Shop (shop)');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    it('still shows the answer of a call that is not aborted', async () => {
      const { client, asked } = clientOfBackend('none');
      await renderPicked(client);
      await act(() => jest.advanceTimersByTimeAsync(100));
      expect(asked('shop-checkout')).toBe(1);
      expect(fact('Version')).toHaveTextContent('1.9.0');
    });
  });
});

describe('EntityServiceRegistryCard: Components an entity transformer renamed', () => {
  /** The Component of a registry service under another name (and namespace). */
  function renamed(serviceId: string, name: string, namespace = 'default') {
    const entity = renamedComponent({
      'service-registry.io/service-id': serviceId,
    });
    entity.metadata.name = name;
    entity.metadata.namespace = namespace;
    return entity;
  }

  it('asks the backend for the registry id of its service-id annotation, and opens the templates on the renamed Component', async () => {
    const api = fixtureApi();
    await renderCard(renamed('shop-checkout', 'acme-shop-checkout'), api);
    await findFacts();
    expect(api.getServiceSummary).toHaveBeenCalledWith(
      'shop-checkout',
      { registry: 'default' },
      withSignal,
    );
    expect(
      screen.getByText('What registry "default" declares for shop-checkout'),
    ).toBeInTheDocument();
    // the scaffolder's entity picker selects the Component that exists
    const href = screen
      .getByRole('button', { name: 'Change this service' })
      .getAttribute('href')!;
    expect(
      JSON.parse(new URL(href, 'http://portal').searchParams.get('formData')!),
    ).toEqual({ service: 'component:default/acme-shop-checkout' });
  });

  it('asks for shop-api, not for the name acme-shop-api', async () => {
    const getServiceSummary = jest.fn(() => new Promise<never>(() => {}));
    await renderCard(
      renamedComponent(),
      mockServiceRegistryApi({ getServiceSummary }),
    );
    expect(getServiceSummary).toHaveBeenCalledWith(
      'shop-api',
      { registry: 'default' },
      withSignal,
    );
    expect(getServiceSummary).toHaveBeenCalledTimes(1);
  });

  it('links a renamed dependency and consumer to their Components, found through the catalog in one request', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        renamed('shared-auth', 'acme-shared-auth', 'platform'),
        renamed('shop-web', 'acme-shop-web'),
        // the same service id in another registry is another service
        {
          ...renamed('payments-v2', 'other-payments'),
          metadata: {
            name: 'other-payments',
            annotations: {
              'service-registry.io/registry-id': 'other',
              'service-registry.io/service-id': 'payments-v2',
            },
          },
        },
      ],
    });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await renderCard(component('shop-checkout'), fixtureApi(), { catalogApi });
    await findFacts();
    await waitFor(() =>
      expect(
        within(dependencyRow('shared-auth')).getByRole('link', {
          name: 'shared-auth',
        }),
      ).toHaveAttribute('href', '/catalog/platform/component/acme-shared-auth'),
    );
    expect(
      within(screen.getByRole('list', { name: 'Required by' })).getByRole(
        'link',
        { name: 'shop-web' },
      ),
    ).toHaveAttribute('href', '/catalog/default/component/acme-shop-web');
    // not found in this registry: the provider's own name
    expect(
      within(dependencyRow('payments-v2')).getByRole('link', {
        name: 'payments-v2',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-v2');
    expect(getEntities).toHaveBeenCalledTimes(1);
  });

  it("links to the provider's names while the catalog does not answer", async () => {
    const catalogApi = catalogApiMock.mock({
      getEntities: jest.fn(() => new Promise<never>(() => {})),
    });
    await renderCard(component('shop-checkout'), fixtureApi(), { catalogApi });
    await findFacts();
    expect(
      within(dependencyRow('shared-auth')).getByRole('link', {
        name: 'shared-auth',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/shared-auth');
  });

  describe('pending changes', () => {
    const breaking = (service: string, kind: string, consumers: string[]) => ({
      kind,
      service,
      message: `${service}: ${kind}`,
      affectedProjects: ['shop'],
      affectedServices: consumers.length,
      consumers,
    });
    /** The backend's answer: a branch that bumps shared-auth, one that adds a job. */
    const pending = async () => ({
      registry: 'default',
      repository: 'https://github.com/acme/registry',
      defaultBranch: 'main',
      branchPrefix: 'service-registry/',
      readAt: '2026-12-06T10:00:00.000Z',
      unread: [],
      changes: [
        {
          branch: 'service-registry/bump-auth',
          commit: 'b'.repeat(40),
          base: 'a'.repeat(40),
          subject: 'Bump shared-auth to 2.0.0',
          author: 'Ana Platform',
          date: '2026-12-06T09:00:00+00:00',
          added: [],
          removed: [],
          changed: ['shared-auth'],
          breakingChanges: [
            breaking('shared-auth', 'major-version-bump', [
              'shop-checkout',
              'shop-web',
            ]),
          ],
          findings: { errors: 0, warnings: 0 },
          newFindings: { errors: 0, warnings: 0, listed: [] },
          unreadFiles: [],
        },
        {
          branch: 'service-registry/add-shop-job',
          commit: 'c'.repeat(40),
          base: 'a'.repeat(40),
          subject: 'Add shop-job',
          author: 'Bo Builder',
          date: '2026-12-05T09:00:00+00:00',
          added: ['shop-job'],
          removed: [],
          changed: [],
          breakingChanges: [],
          findings: { errors: 0, warnings: 0 },
          newFindings: { errors: 0, warnings: 0, listed: [] },
          unreadFiles: [],
        },
      ],
    });

    /** The card of `entity` in an app that mounts the pending changes page: its section. */
    async function pendingSectionWithPage(
      entity: Entity,
      api: ServiceRegistryApi,
    ) {
      await renderInTestApp(
        <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
          <EntityProvider entity={entity}>
            <EntityServiceRegistryCard />
          </EntityProvider>
        </TestApiProvider>,
        {
          mountedRoutes: {
            ...ENTITY_ROUTE,
            '/service-registry/pending-changes': pendingChangesRouteRef,
          },
        },
      );
      return (
        await screen.findByRole('heading', { name: 'Pending changes (1)' })
      ).closest('section')!;
    }

    it('tells a consumer of the pending changes that break what it depends on, linked to the page', async () => {
      const api = mockServiceRegistryApi({
        getServiceSummary: async (id: string) => serviceSummaryResponse(id),
        getPendingChanges: jest.fn(pending),
      });
      const section = await pendingSectionWithPage(
        component('shop-checkout'),
        api,
      );
      expect(within(section).getByRole('listitem')).toHaveTextContent(
        'Bump shared-auth to 2.0.0 (service-registry/bump-auth): breaks its dependency shared-auth',
      );
      expect(
        within(section).getByRole('link', { name: 'All pending changes' }),
      ).toHaveAttribute('href', '/service-registry/pending-changes');
    });

    it("asks for the pending changes of the entity's registry, and links to that registry's page", async () => {
      const getPendingChanges = jest.fn(pending);
      const api = mockServiceRegistryApi({
        getServiceSummary: async (
          id: string,
          options?: { registry?: string },
        ) => ({
          ...serviceSummaryResponse(id),
          registry: options?.registry ?? 'default',
        }),
        getPendingChanges,
      });
      const section = await pendingSectionWithPage(
        component('shop-checkout', 'platform'),
        api,
      );
      expect(getPendingChanges).toHaveBeenCalledWith(
        { registry: 'platform' },
        expect.anything(),
      );
      expect(
        within(section).getByRole('link', { name: 'All pending changes' }),
      ).toHaveAttribute(
        'href',
        '/service-registry/pending-changes?registry=platform',
      );
    });

    it('tells the changed service itself, with the kinds of its breaking changes', async () => {
      await renderCard(
        component('shared-auth'),
        mockServiceRegistryApi({
          getServiceSummary: async (id: string) => serviceSummaryResponse(id),
          getPendingChanges: pending,
        }),
      );
      const section = (
        await screen.findByRole('heading', { name: 'Pending changes (1)' })
      ).closest('section')!;
      expect(within(section).getByRole('listitem')).toHaveTextContent(
        'changes this service; breaking it: major-version-bump',
      );
      // the page is not mounted here: no link to it
      expect(
        within(section).queryByRole('link', { name: 'All pending changes' }),
      ).toBeNull();
    });

    it('shows no section when no pending change concerns the service, or none is configured', async () => {
      await renderCard(
        component('search'),
        mockServiceRegistryApi({
          getServiceSummary: async (id: string) => serviceSummaryResponse(id),
          getPendingChanges: pending,
        }),
      );
      await findFacts();
      expect(
        screen.queryByRole('heading', { name: /^Pending changes/ }),
      ).toBeNull();
    });
  });
});

describe('EntityServiceRegistryCard on a phone', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = pretendScreenWidth(390);
  });
  afterEach(() => restore());

  it('lists each dependency in three lines (the provider, its kind and range, the check) instead of a table four columns wide', async () => {
    await renderCard(component('shop-checkout'));
    await findFacts();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const list = screen.getByRole('list', {
      name: 'Dependencies of shop-checkout',
    });
    const items = Array.from(list.children) as HTMLElement[];
    // required first, then optional, each in declaration order, as the table lists them
    expect(
      items.map(item => within(item).getAllByText(/./)[0].textContent),
    ).toEqual(CHECKOUT_DEPENDENCIES);
    const [auth, payments, search, ghost, queue] = items;
    expect(
      within(auth).getByRole('link', { name: 'shared-auth' }),
    ).toHaveAttribute('href', '/catalog/default/component/shared-auth');
    expect(auth).toHaveTextContent(
      /^shared-authrequired · \^1\.2✓1\.4\.0 — within \^1\.2$/,
    );
    expect(within(payments).getByText('deprecated')).toBeInTheDocument();
    expect(search).toHaveTextContent('✗2.0.0 — outside ^1.0');
    expect(ghost).toHaveTextContent('not declared in the registry');
    expect(queue).toHaveTextContent(
      /optional · any version✓0\.9\.0 — any version accepted$/,
    );
  });

  it('lists each release in a few lines instead of a table', async () => {
    const api = fixtureApi(undefined, {
      ...SUMMARY_REGISTRY_FILES,
      'services/versions.toml': `[[service.shared-auth.release]]
version = "1.4.0"
date = 2026-03-01
notes = "Token refresh."

[[service.shared-auth.release]]
version = "0.9.0"
`,
    });
    await renderCard(component('shared-auth'), api);
    await findFacts();
    const list = screen.getByRole('list', { name: 'Releases of shared-auth' });
    expect(Array.from(list.children).map(item => item.textContent)).toEqual([
      '1.4.0currentbreaking2026-03-01Token refresh.',
      '0.9.0',
    ]);
  });
});
