import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { serviceComponent } from '../__testUtils__/serviceComponent';
import { reachableInCatalog } from './reachableInCatalog';

function reachable(entities: Entity[]) {
  return reachableInCatalog(
    catalogServiceMock({ entities }),
    mockServices.auth(),
  );
}

describe('reachableInCatalog', () => {
  it('reaches a consumer whose Component a transformer renamed, at that Component', async () => {
    const check = reachable([
      serviceComponent({
        namespace: 'shop',
        name: 'acme-cart',
        service: { id: 'cart', registry: 'default' },
      }),
      // ingested before the provider wrote the annotations: the provider's name
      serviceComponent({ name: 'shop-api' }),
    ]);

    expect(await check(['cart', 'shop-api', 'gone'], 'default')).toEqual(
      new Map([
        ['cart', ['component:shop/acme-cart']],
        ['shop-api', ['component:default/shop-api']],
      ]),
    );
  });

  it('does not reach a consumer whose Component has no owner yet', async () => {
    const check = reachable([
      serviceComponent({
        namespace: 'shop',
        name: 'acme-cart',
        service: { id: 'cart', registry: 'default' },
        ownedBy: false,
      }),
      serviceComponent({ name: 'shop-api', ownedBy: false }),
    ]);

    expect(await check(['cart', 'shop-api'], 'default')).toEqual(new Map());
  });

  it('counts only the Component of the consumer’s own registry when its id is in two registries', async () => {
    const check = reachable([
      // staging's cart kept the provider's name; default's cart was renamed
      serviceComponent({
        name: 'cart',
        service: { id: 'cart', registry: 'staging' },
        owner: 'staging-team',
      }),
      serviceComponent({
        namespace: 'shop',
        name: 'acme-cart',
        service: { id: 'cart', registry: 'default' },
      }),
      // staging's search, under the name the default registry's search would have
      serviceComponent({
        name: 'search',
        service: { id: 'search', registry: 'staging' },
        owner: 'staging-team',
      }),
    ]);

    expect(await check(['cart', 'search'], 'default')).toEqual(
      new Map([['cart', ['component:shop/acme-cart']]]),
    );
    expect(await check(['cart', 'search'], 'staging')).toEqual(
      new Map([
        ['cart', ['component:default/cart']],
        ['search', ['component:default/search']],
      ]),
    );
  });
});
