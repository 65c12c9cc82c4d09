import { Entity } from '@backstage/catalog-model';
import { serviceIdOfEntity } from './serviceIdOfEntity';

function component(
  name: string,
  annotations: Record<string, string> = {},
  namespace?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace, annotations },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

describe('serviceIdOfEntity', () => {
  it("is the provider's service-id annotation of a Component a transformer renamed or moved", () => {
    expect(
      serviceIdOfEntity(
        component('acme-shop-api', {
          'service-registry.io/service-id': 'shop-api',
        }),
      ),
    ).toBe('shop-api');
    expect(
      serviceIdOfEntity(
        component(
          'shop-api-v2',
          { 'service-registry.io/service-id': 'shop-api' },
          'shop',
        ),
      ),
    ).toBe('shop-api');
  });

  it('is the name of a Component ingested before the annotation existed, or with an empty one', () => {
    expect(serviceIdOfEntity(component('shop-api'))).toBe('shop-api');
    expect(
      serviceIdOfEntity(
        component('shop-api', { 'service-registry.io/service-id': '  ' }),
      ),
    ).toBe('shop-api');
  });

  it('reads the annotation without the blanks around it', () => {
    expect(
      serviceIdOfEntity(
        component('acme-shop-api', {
          'service-registry.io/service-id': ' shop-api\n',
        }),
      ),
    ).toBe('shop-api');
  });
});
