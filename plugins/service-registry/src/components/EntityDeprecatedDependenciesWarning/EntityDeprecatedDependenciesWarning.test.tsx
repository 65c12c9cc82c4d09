import { registryNotFoundMessages } from '@service-registry/plugin-service-registry-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import {
  NotFoundError,
  ResponseError,
  serializeError,
} from '@backstage/errors';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../../api';
import {
  deprecatedDependenciesResponse,
  REPLACEMENT_CHAINS,
} from '../../testUtils/deprecationFixture';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { EntityDeprecatedDependenciesWarning } from './EntityDeprecatedDependenciesWarning';
import { withSignal } from '../../testUtils/withSignal';
import { renamedComponent } from '../../testUtils/renamedComponent';

function component(name: string, kind = 'Component', registry = true): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      annotations: registry
        ? { 'service-registry.io/registry-id': 'default' }
        : {},
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

function fixtureApi() {
  return mockServiceRegistryApi({
    getDeprecatedDependencies: jest.fn(async (service: string) =>
      deprecatedDependenciesResponse(service),
    ),
  });
}

/** The error the real client throws for a backend error answer. */
async function responseError(status: number, cause: Error) {
  return ResponseError.fromResponse({
    status,
    statusText: status === 404 ? 'Not Found' : 'Internal Server Error',
    ok: false,
    url: 'http://localhost/api/service-registry',
    type: 'basic',
    redirected: false,
    headers: {
      get: (h: string) => (h === 'content-type' ? 'application/json' : null),
    },
    text: async () =>
      JSON.stringify({
        error: serializeError(cause),
        response: { statusCode: status },
      }),
  } as unknown as Response);
}

/** Lets the answer (or the rejection) of the api reach the component. */
async function settle() {
  await act(() => new Promise(resolve => setTimeout(resolve, 50)));
}

async function renderBanner(entity: Entity, api: ServiceRegistryApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceRegistryApiRef, api]]}>
      <EntityProvider entity={entity}>
        <div data-testid="host">
          <EntityDeprecatedDependenciesWarning />
        </div>
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityDeprecatedDependenciesWarning', () => {
  it('renders nothing for a service without deprecated dependencies', async () => {
    const api = fixtureApi();
    await renderBanner(component('auth'), api);
    await waitFor(() =>
      expect(api.getDeprecatedDependencies).toHaveBeenCalledWith(
        'auth',
        { registry: 'default' },
        withSignal,
      ),
    );
    await settle();
    expect(screen.getByTestId('host')).toBeEmptyDOMElement();
  });

  it('warns about deprecated dependencies whose sunset is ahead, with replacement and guide', async () => {
    // shipping requires vague (no sunset) and optionally uses legacy-search (99 days left).
    await renderBanner(component('shipping'), fixtureApi());
    const region = await screen.findByRole('region', {
      name: 'Deprecated dependencies',
    });
    const alerts = within(region).getAllByRole('alert');
    expect(alerts).toHaveLength(2);
    expect(alerts.map(a => a.getAttribute('aria-label'))).toEqual([
      'deprecated optional dependency legacy-search',
      'deprecated dependency vague',
    ]);
    for (const alert of alerts) {
      expect(alert).toHaveClass('MuiAlert-standardWarning');
    }
    expect(alerts[0]).toHaveTextContent(
      'Depends on deprecated service legacy-search (optional)',
    );
    expect(alerts[0]).toHaveTextContent(
      'Sunset on 2027-03-01 (99 days left). Migrate to search.',
    );
    expect(
      within(alerts[0]).getByRole('link', { name: 'search' }),
    ).toHaveAttribute('href', '/catalog/default/component/search');
    expect(
      within(alerts[0]).getByRole('link', { name: 'legacy-search' }),
    ).toHaveAttribute('href', '/catalog/default/component/legacy-search');
    expect(
      within(alerts[0]).getByRole('link', { name: /Migration guide/ }),
    ).toHaveAttribute(
      'href',
      'https://wiki.example.com/legacy-search-migration',
    );
    // vague's replacement, ghost, is declared nowhere: nothing live to migrate to
    expect(alerts[1]).toHaveTextContent(
      'No sunset date announced yet. Its replacement ghost (not declared in the registry) leads to no live service: ask the owners of vague where to migrate.',
    );
    expect(alerts[1]).not.toHaveTextContent('Migrate to');
  });

  it('underlines its links: inside the sentences of an alert, their colour alone does not set them apart', async () => {
    await renderBanner(component('shipping'), fixtureApi());
    const region = await screen.findByRole('region', {
      name: 'Deprecated dependencies',
    });
    const links = within(region).getAllByRole('link');
    expect(links.map(link => link.textContent)).toEqual(
      expect.arrayContaining(['legacy-search', 'search', 'vague']),
    );
    for (const link of links) {
      expect(getComputedStyle(link).textDecoration).toContain('underline');
    }
  });

  it('shows errors for retired dependencies and passed sunsets', async () => {
    // reporting requires gone (retired) and old-api (sunset passed 12 days ago).
    await renderBanner(component('reporting'), fixtureApi());
    const region = await screen.findByRole('region', {
      name: 'Deprecated dependencies',
    });
    const alerts = within(region).getAllByRole('alert');
    expect(alerts).toHaveLength(2);
    for (const alert of alerts) {
      expect(alert).toHaveClass('MuiAlert-standardError');
    }
    expect(alerts[0]).toHaveTextContent('Depends on retired service gone');
    expect(alerts[0]).toHaveTextContent('gone is retired. Migrate to new-api.');
    expect(alerts[1]).toHaveTextContent(
      'Depends on deprecated service old-api',
    );
    expect(alerts[1]).toHaveTextContent(
      'Sunset on 2026-11-10 (12 days overdue). Migrate to new-api.',
    );
    expect(
      within(alerts[1]).getByRole('link', { name: 'new-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/new-api');
  });

  it('names a retired dependency, and a retired replacement, as text with its status, and sends the consumer to the live end of the chain', async () => {
    // old-q is retired, its replacement mid-q retired too, whose replacement new-q is ga
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: jest.fn(async (service: string) =>
        deprecatedDependenciesResponse(service, undefined, REPLACEMENT_CHAINS),
      ),
    });
    await renderBanner(component('q-user'), api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Depends on retired service old-q');
    expect(within(alert).queryByRole('link', { name: 'old-q' })).toBeNull();
    expect(alert).toHaveTextContent(
      'old-q is retired. Migrate to new-q, the live end of its replacements: its replacement mid-q is itself retired.',
    );
    expect(within(alert).queryByRole('link', { name: /mid-q/ })).toBeNull();
    expect(within(alert).getByRole('link', { name: 'new-q' })).toHaveAttribute(
      'href',
      '/catalog/default/component/new-q',
    );
  });

  it('sends the consumer past a deprecated replacement to the live end of its replacements', async () => {
    // mq-v1 is deprecated for mq-v2, itself deprecated for mq-v3 (ga)
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: jest.fn(async (service: string) =>
        deprecatedDependenciesResponse(service, undefined, REPLACEMENT_CHAINS),
      ),
    });
    await renderBanner(component('mq-user'), api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Migrate to mq-v3, the live end of its replacements: its replacement mq-v2 is itself deprecated.',
    );
    expect(alert).not.toHaveTextContent('Migrate to mq-v2');
    expect(within(alert).getByRole('link', { name: 'mq-v3' })).toHaveAttribute(
      'href',
      '/catalog/default/component/mq-v3',
    );
    // the deprecated replacement is still in the catalog
    expect(within(alert).getByRole('link', { name: 'mq-v2' })).toHaveAttribute(
      'href',
      '/catalog/default/component/mq-v2',
    );
  });

  it('tells the live successor that still uses what it replaces to take that use over, not to migrate to itself', async () => {
    // mq-v3, the live end of mq-v1's replacements, still requires mq-v1
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: jest.fn(async (service: string) =>
        deprecatedDependenciesResponse(service, undefined, REPLACEMENT_CHAINS),
      ),
    });
    await renderBanner(component('mq-v3'), api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'mq-v3 is its live successor: take over what it still uses mq-v1 for.',
    );
    expect(alert).not.toHaveTextContent(/Migrate to/);
  });

  it('says when the replacements reach no live service, and to ask the owners', async () => {
    // loop-a is deprecated for loop-b, deprecated for loop-a: a loop with no live service
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: jest.fn(async (service: string) =>
        deprecatedDependenciesResponse(service, undefined, REPLACEMENT_CHAINS),
      ),
    });
    await renderBanner(component('loop-user'), api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Its replacement loop-b (deprecated) leads to no live service: ask the owners of loop-a where to migrate.',
    );
    expect(alert).not.toHaveTextContent(/Migrate to/);
  });

  it('gives each dependency its own severity, errors first', async () => {
    // checkout requires old-api (overdue) and pay-v2 (18 days left).
    await renderBanner(component('checkout'), fixtureApi());
    const alerts = await screen.findAllByRole('alert');
    expect(
      alerts.map(a => a.className.match(/MuiAlert-standard(\w+)/)![1]),
    ).toEqual(['Error', 'Warning']);
    expect(alerts[1]).toHaveTextContent('Sunset on 2026-12-10 (18 days left)');
  });

  it('renders nothing when the registry does not know the service (404)', async () => {
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: jest.fn(async () => {
        throw await responseError(
          404,
          new NotFoundError('no service "unknown" in registry "default"'),
        );
      }),
    });
    await renderBanner(component('unknown'), api);
    await waitFor(() =>
      expect(api.getDeprecatedDependencies).toHaveBeenCalled(),
    );
    await settle();
    expect(screen.getByTestId('host')).toBeEmptyDOMElement();
  });

  it('renders nothing for a service the catalog holds back (404): the cards say why, no error repeats it', async () => {
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: jest.fn(async () => {
        throw await responseError(
          404,
          new NotFoundError(
            registryNotFoundMessages.heldBack(
              'cart',
              'default',
              { file: 'projects/shop/services.toml', line: 9, column: 1 },
              'it does not parse at projects/shop/services.toml:12:3',
            ),
          ),
        );
      }),
    });
    await renderBanner(component('cart'), api);
    await waitFor(() =>
      expect(api.getDeprecatedDependencies).toHaveBeenCalled(),
    );
    await settle();
    expect(screen.getByTestId('host')).toBeEmptyDOMElement();
  });

  it('shows the 404 of an unknown registry as an error alert, not as a service it lacks', async () => {
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: async () => {
        throw await responseError(
          404,
          new NotFoundError(
            'no registry "old-id": give registry= one of default (catalog.providers.serviceRegistry)',
          ),
        );
      },
    });
    await renderBanner(component('checkout'), api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveClass('MuiAlert-standardError');
    expect(alert).toHaveTextContent(
      'Could not check checkout\'s dependencies for deprecations: no registry "old-id"',
    );
  });

  it('renders nothing, without asking, for an entity that is not a registry service', async () => {
    const api = fixtureApi();
    await renderBanner(component('reporting', 'Component', false), api);
    await renderBanner(component('reporting', 'API'), api);
    await settle();
    expect(api.getDeprecatedDependencies).not.toHaveBeenCalled();
    for (const host of screen.getAllByTestId('host')) {
      expect(host).toBeEmptyDOMElement();
    }
  });

  it("shows a small error alert with the backend's reason on other errors", async () => {
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: async () => {
        throw await responseError(500, new Error('database is down'));
      },
    });
    await renderBanner(component('checkout'), api);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveClass('MuiAlert-standardError');
    expect(alert).toHaveTextContent(
      "Could not check checkout's dependencies for deprecations: database is down",
    );
  });
});

describe('EntityDeprecatedDependenciesWarning: a Component an entity transformer renamed', () => {
  it('asks the backend for the deprecated dependencies of the registry id of its service-id annotation, not of its name', async () => {
    const getDeprecatedDependencies = jest.fn(
      () => new Promise<never>(() => {}),
    );
    await renderBanner(
      renamedComponent(),
      mockServiceRegistryApi({ getDeprecatedDependencies }),
    );
    await waitFor(() =>
      expect(getDeprecatedDependencies).toHaveBeenCalledWith(
        'shop-api',
        { registry: 'default' },
        withSignal,
      ),
    );
    expect(getDeprecatedDependencies).toHaveBeenCalledTimes(1);
  });
});
