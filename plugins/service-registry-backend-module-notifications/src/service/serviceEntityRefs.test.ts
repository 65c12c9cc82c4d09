import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATION_SERVICE_ID } from '@service-registry/plugin-service-registry-common';
import { serviceComponent } from '../__testUtils__/serviceComponent';
import { serviceEntityRefs } from './serviceEntityRefs';

function lookup(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const getEntities = jest.spyOn(catalog, 'getEntities');
  const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const auth = mockServices.auth();
  return { catalog, auth, getEntities, getEntitiesByRefs };
}

describe('serviceEntityRefs', () => {
  it('finds a Component a transformer renamed or moved by its annotations, else names it component:default/<id>', async () => {
    const { catalog, auth, getEntities } = lookup([
      serviceComponent({
        namespace: 'shop',
        name: 'acme-cart',
        service: { id: 'cart', registry: 'default' },
      }),
      // an entity ingested before the provider wrote the annotations
      serviceComponent({ name: 'orders' }),
    ]);

    const refs = await serviceEntityRefs({ catalog, auth }, 'default', [
      'cart',
      'orders',
      'unknown',
    ]);

    expect(refs).toEqual(
      new Map([
        ['cart', ['component:shop/acme-cart']],
        ['orders', ['component:default/orders']],
        ['unknown', ['component:default/unknown']],
      ]),
    );
    // with the module's own credentials: the consumers are the registry's, whoever asks
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities.mock.calls[0][1]).toEqual({
      credentials: await auth.getOwnServiceCredentials(),
    });
  });

  it('counts only the Components of the registry asked about when an id is in two registries', async () => {
    const { catalog, auth } = lookup([
      serviceComponent({
        namespace: 'shop',
        name: 'acme-cart',
        service: { id: 'cart', registry: 'default' },
      }),
      serviceComponent({
        namespace: 'staging',
        name: 'cart',
        service: { id: 'cart', registry: 'staging' },
      }),
      serviceComponent({
        namespace: 'staging',
        name: 'search',
        service: { id: 'search', registry: 'staging' },
      }),
    ]);

    expect(
      await serviceEntityRefs({ catalog, auth }, 'default', ['cart', 'search']),
    ).toEqual(
      new Map([
        ['cart', ['component:shop/acme-cart']],
        ['search', ['component:default/search']],
      ]),
    );
    expect(
      await serviceEntityRefs({ catalog, auth }, 'staging', ['cart']),
    ).toEqual(new Map([['cart', ['component:staging/cart']]]));
  });

  it("gives no Component for a service whose own name is another registry's or another service's", async () => {
    const { catalog, auth, getEntities, getEntitiesByRefs } = lookup([
      // the staging registry's cart: this registry's cart is not in the catalog (left out, say)
      serviceComponent({
        name: 'cart',
        service: { id: 'cart', registry: 'staging' },
      }),
      // a transformer gave this registry's orders the name of its search
      serviceComponent({
        name: 'search',
        service: { id: 'orders', registry: 'default' },
      }),
      // an entity ingested before the provider wrote the annotations: the service's own
      serviceComponent({ name: 'ledger' }),
    ]);

    const refs = await serviceEntityRefs({ catalog, auth }, 'default', [
      'cart',
      'search',
      'ledger',
      'unknown',
    ]);

    expect(refs).toEqual(
      new Map([
        ['cart', []],
        ['search', []],
        ['ledger', ['component:default/ledger']],
        ['unknown', ['component:default/unknown']],
      ]),
    );
    // the names left over in one request, with the module's own credentials
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(getEntitiesByRefs.mock.calls[0][0].entityRefs).toEqual([
      'component:default/cart',
      'component:default/search',
      'component:default/ledger',
      'component:default/unknown',
    ]);
    expect(getEntitiesByRefs.mock.calls[0][1]).toEqual({
      credentials: await auth.getOwnServiceCredentials(),
    });
  });

  it('asks nothing more when every service has its Component', async () => {
    const { catalog, auth, getEntitiesByRefs } = lookup([
      serviceComponent({
        namespace: 'shop',
        name: 'acme-cart',
        service: { id: 'cart', registry: 'default' },
      }),
    ]);
    expect(
      await serviceEntityRefs({ catalog, auth }, 'default', ['cart']),
    ).toEqual(new Map([['cart', ['component:shop/acme-cart']]]));
    expect(getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('gives every Component that claims a service, sorted', async () => {
    const { catalog, auth } = lookup([
      serviceComponent({
        namespace: 'zz',
        name: 'cart',
        service: { id: 'cart', registry: 'default' },
      }),
      serviceComponent({
        namespace: 'aa',
        name: 'cart',
        service: { id: 'cart', registry: 'default' },
      }),
    ]);

    expect(
      await serviceEntityRefs({ catalog, auth }, 'default', ['cart']),
    ).toEqual(new Map([['cart', ['component:aa/cart', 'component:zz/cart']]]));
  });

  it('asks about many ids in several requests, each short enough for a request line', async () => {
    const ids = Array.from(
      { length: 300 },
      (_, i) => `consumer-service-${String(i).padStart(3, '0')}`,
    );
    const { catalog, auth, getEntities } = lookup([
      serviceComponent({
        namespace: 'shop',
        name: 'first',
        service: { id: ids[0], registry: 'default' },
      }),
      serviceComponent({
        namespace: 'shop',
        name: 'last',
        service: { id: ids[299], registry: 'default' },
      }),
    ]);

    const refs = await serviceEntityRefs({ catalog, auth }, 'default', ids);

    expect(refs.size).toBe(300);
    expect(refs.get(ids[0])).toEqual(['component:shop/first']);
    expect(refs.get(ids[150])).toEqual([`component:default/${ids[150]}`]);
    expect(refs.get(ids[299])).toEqual(['component:shop/last']);
    expect(getEntities.mock.calls.length).toBeGreaterThan(1);
    const asked = getEntities.mock.calls.flatMap(([request]) => {
      const filter = request?.filter as Record<string, string[]>;
      const values = filter[`metadata.annotations.${ANNOTATION_SERVICE_ID}`];
      expect(
        encodeURIComponent(
          values
            .map(v => `metadata.annotations.${ANNOTATION_SERVICE_ID}=${v}`)
            .join(','),
        ).length,
      ).toBeLessThanOrEqual(4000);
      return values;
    });
    expect(asked.sort()).toEqual(ids);
  });

  it('asks the catalog nothing for no ids', async () => {
    const { catalog, auth, getEntities } = lookup([]);
    expect(await serviceEntityRefs({ catalog, auth }, 'default', [])).toEqual(
      new Map(),
    );
    expect(getEntities).not.toHaveBeenCalled();
  });
});
