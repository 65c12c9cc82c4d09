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
import { deprecatedDependenciesResponse } from '../../testUtils/deprecationFixture';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { EntityDeprecatedDependenciesWarning } from './EntityDeprecatedDependenciesWarning';

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
      expect(api.getDeprecatedDependencies).toHaveBeenCalledWith('auth', {
        registry: 'default',
      }),
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
    expect(alerts[1]).toHaveTextContent(
      'No sunset date announced yet. Migrate to ghost (not declared in the registry).',
    );
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

  it('names a retired dependency, and a retired replacement, as text with its status: the catalog has no page for them', async () => {
    // reporting requires gone (retired) and old-api (deprecated), both to be replaced by new-api,
    // here retired too
    const api = mockServiceRegistryApi({
      getDeprecatedDependencies: jest.fn(async (service: string) => {
        const response = deprecatedDependenciesResponse(service);
        return {
          ...response,
          items: response.items.map(item => ({
            ...item,
            replacement: item.replacement && {
              ...item.replacement,
              status: 'retired' as const,
              retired: true,
            },
          })),
        };
      }),
    });
    await renderBanner(component('reporting'), api);
    const alerts = await screen.findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('Depends on retired service gone');
    expect(within(alerts[0]).queryByRole('link', { name: 'gone' })).toBeNull();
    expect(alerts[0]).toHaveTextContent('Migrate to new-api (retired).');
    expect(
      within(alerts[0]).queryByRole('link', { name: /new-api/ }),
    ).toBeNull();
    // the deprecated dependency is still in the catalog
    expect(
      within(alerts[1]).getByRole('link', { name: 'old-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/old-api');
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
