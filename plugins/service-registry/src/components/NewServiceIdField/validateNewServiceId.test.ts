import { Entity } from '@backstage/catalog-model';
import { registryNotFoundMessages } from '@service-registry/plugin-service-registry-common';
import { ServiceRegistryApi } from '../../api';
import { formApis } from '../../__testUtils__/formApis';
import { backendError, registryNotReadYet } from '../../testUtils/backendError';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { serviceSummaryResponse } from '../../testUtils/summaryFixture';
import { validateNewServiceId } from './validateNewServiceId';

/** The registry's backend answers from the summary fixture: shared-auth, shop-checkout, … */
const registryApi = (): ServiceRegistryApi =>
  mockServiceRegistryApi({
    getServiceSummary: jest.fn(async (id: string) =>
      serviceSummaryResponse(id),
    ),
  });

function component(name: string, annotations?: Record<string, string>) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'website', owner: 'web-team', lifecycle: 'production' },
  } satisfies Entity;
}

describe('validateNewServiceId', () => {
  it('accepts an id that neither the registry nor the catalog has', async () => {
    expect(
      await validateNewServiceId('orders-api', {
        apiHolder: formApis({ registry: registryApi(), catalog: [] }),
      }),
    ).toBeUndefined();
  });

  it.each([
    ['Orders', 'Use lowercase letters, digits and "-" only, e.g. orders-api.'],
    [
      'orders_api',
      'Use lowercase letters, digits and "-" only, e.g. orders-api.',
    ],
    ['a'.repeat(64), 'An id is at most 63 characters; this one has 64.'],
    ['-orders', 'Start and end the id with a letter or digit'],
    ['orders-', 'Start and end the id with a letter or digit'],
  ])('refuses %s before asking anyone', async (id, message) => {
    const registry = registryApi();
    expect(
      await validateNewServiceId(id, { apiHolder: formApis({ registry }) }),
    ).toContain(message);
    expect(registry.getServiceSummary).not.toHaveBeenCalled();
  });

  it('names where the registry declares an id already, in the registry the form names', async () => {
    const registry = registryApi();
    expect(
      await validateNewServiceId('shared-auth', {
        apiHolder: formApis({ registry, catalog: [] }),
        registry: 'platform',
      }),
    ).toBe(
      'The registry already declares "shared-auth" (services/catalog.toml:2): choose another id, or change that service with the update-service template.',
    );
    expect(registry.getServiceSummary).toHaveBeenCalledWith('shared-auth', {
      registry: 'platform',
    });
  });

  it('refuses an id the registry declares in a file the catalog holds back, saying why', async () => {
    const message = registryNotFoundMessages.heldBack(
      'cart',
      'default',
      { file: 'projects/shop/services.toml', line: 9, column: 1 },
      'it does not parse at projects/shop/services.toml:12:3',
    );
    const registry = mockServiceRegistryApi({
      getServiceSummary: async () => {
        throw await backendError({
          status: 404,
          statusText: 'Not Found',
          name: 'NotFoundError',
          message,
          url: 'http://localhost/api/service-registry/services/cart/summary',
        });
      },
    });
    const problem = await validateNewServiceId('cart', {
      apiHolder: formApis({ registry, catalog: [] }),
    });
    expect(problem).toContain('The registry already declares "cart": ');
    expect(problem).toContain(
      'declared at projects/shop/services.toml:9:1, in a file the catalog cannot take as written (it does not parse at projects/shop/services.toml:12:3)',
    );
  });

  it.each([
    ['of that name', component('example-website')],
    [
      'of that service id, named otherwise by a transformer',
      component('web-example-website', {
        'service-registry.io/service-id': 'example-website',
      }),
    ],
  ])(
    'refuses an id whose Component the catalog has from another source (%s)',
    async (_, entity) => {
      expect(
        await validateNewServiceId('example-website', {
          apiHolder: formApis({
            registry: registryApi(),
            catalog: [component('unrelated'), entity],
          }),
        }),
      ).toBe(
        `The catalog already has component:default/${entity.metadata.name}, which the registry does not declare here: the new service's Component would clash with it. Choose another id.`,
      );
    },
  );

  it('lets the form go on when the registry cannot be asked: the action checks the registry it changes', async () => {
    const registry = mockServiceRegistryApi({
      getServiceSummary: async () => {
        throw await registryNotReadYet();
      },
    });
    expect(
      await validateNewServiceId('shared-auth', {
        apiHolder: formApis({ registry, catalog: [component('shared-auth')] }),
      }),
    ).toBeUndefined();
  });

  it('asks only the catalog in an app without the registry API, and nobody in an app without either', async () => {
    expect(
      await validateNewServiceId('example-website', {
        apiHolder: formApis({ catalog: [component('example-website')] }),
      }),
    ).toContain('The catalog already has component:default/example-website');
    expect(
      await validateNewServiceId('example-website', {
        apiHolder: formApis({}),
      }),
    ).toBeUndefined();
  });
});
