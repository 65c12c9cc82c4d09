import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SERVICE_ID,
} from '@service-registry/plugin-service-registry-common';
import { reachableInCatalog } from './reachableInCatalog';

/** A consumer's Component; owned unless `owner` is undefined (not processed yet). */
function component(
  ref: { namespace: string; name: string },
  options: {
    owner?: string;
    annotations?: { service: string; registry: string };
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      ...ref,
      ...(options.annotations && {
        annotations: {
          [ANNOTATION_SERVICE_ID]: options.annotations.service,
          [ANNOTATION_REGISTRY_ID]: options.annotations.registry,
        },
      }),
    },
    spec: { type: 'service', owner: 'x', lifecycle: 'production' },
    relations: options.owner
      ? [{ type: 'ownedBy', targetRef: options.owner }]
      : [],
  };
}

function reachable(entities: Entity[]) {
  return reachableInCatalog(
    catalogServiceMock({ entities }),
    mockServices.auth(),
  );
}

describe('reachableInCatalog', () => {
  it('reaches a consumer whose Component a transformer renamed, at that Component', async () => {
    const check = reachable([
      component(
        { namespace: 'shop', name: 'acme-cart' },
        {
          owner: 'group:default/shop-team',
          annotations: { service: 'cart', registry: 'default' },
        },
      ),
      // ingested before the provider wrote the annotations: the provider's name
      component(
        { namespace: 'default', name: 'shop-api' },
        { owner: 'group:default/shop-team' },
      ),
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
      component(
        { namespace: 'shop', name: 'acme-cart' },
        { annotations: { service: 'cart', registry: 'default' } },
      ),
      component({ namespace: 'default', name: 'shop-api' }, {}),
    ]);

    expect(await check(['cart', 'shop-api'], 'default')).toEqual(new Map());
  });

  it('counts only the Component of the consumer’s own registry when its id is in two registries', async () => {
    const check = reachable([
      // staging's cart kept the provider's name; default's cart was renamed
      component(
        { namespace: 'default', name: 'cart' },
        {
          owner: 'group:default/staging-team',
          annotations: { service: 'cart', registry: 'staging' },
        },
      ),
      component(
        { namespace: 'shop', name: 'acme-cart' },
        {
          owner: 'group:default/shop-team',
          annotations: { service: 'cart', registry: 'default' },
        },
      ),
      // staging's search, under the name the default registry's search would have
      component(
        { namespace: 'default', name: 'search' },
        {
          owner: 'group:default/staging-team',
          annotations: { service: 'search', registry: 'staging' },
        },
      ),
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
