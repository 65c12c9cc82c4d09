import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { catalogWith, component, system } from '../__testUtils__/catalog';
import { lookUpCatalogRefs } from './catalogRefs';

const registry = loadRegistry([
  {
    path: 'services/catalog.toml',
    text: '[service.shop-api]\nversion = "2.0.0"\n\n[service.auth]\nversion = "1.0.0"\n',
  },
  { path: 'projects/shop/services.toml', text: '[project]\nname = "Shop"\n' },
]);

function lookUp(
  catalog: CatalogService | undefined,
  values: { services?: string[]; projects?: string[] },
) {
  return lookUpCatalogRefs({
    catalog,
    credentials: async () => mockCredentials.user(),
    registry,
    logger: mockServices.logger.mock(),
    ...values,
  });
}

describe('lookUpCatalogRefs', () => {
  it('reads a System ref as the project of its annotation, and one the catalog does not know by its name', async () => {
    const { catalog } = catalogWith([system({ name: 'acme-shop' }, 'shop')]);
    const refs = await lookUp(catalog, {
      projects: ['system:default/acme-shop', 'system:payments', 'shop'],
    });
    expect(refs.project('system:default/acme-shop')).toBe('shop');
    expect(refs.project('system:payments')).toBe('payments');
    expect(refs.project('shop')).toBe('shop');
  });

  it('reads refs as their names without a catalog, as before the annotation', async () => {
    const refs = await lookUp(undefined, {
      services: ['component:default/acme-shop-api@^2', 'component:auth'],
    });
    expect(refs.entry('component:default/acme-shop-api@^2', 'x')).toBe(
      'acme-shop-api@^2',
    );
    expect(refs.service('component:auth', 'id')).toBe('auth');
  });

  it('refuses an annotation that is no registry id, naming the entity and the value escaped', async () => {
    const { catalog } = catalogWith([
      component({ name: 'acme-shop-api' }, 'Shop API\nforged'),
    ]);
    const refs = await lookUp(catalog, {
      services: ['component:default/acme-shop-api'],
    });
    expect(() => refs.service('component:default/acme-shop-api', 'id')).toThrow(
      new InputError(
        'id: component:default/acme-shop-api has the annotation service-registry.io/service-id "Shop API\\nforged", which is no registry id (1 to 63 lowercase letters, digits or "-"): give the registry id instead, and have the entity fixed where it is made (the catalog provider\'s transformers). Nothing was written.',
      ),
    );
  });

  it('refuses a range where a service is expected', async () => {
    const { catalog } = catalogWith([
      component({ name: 'acme-shop-api' }, 'shop-api'),
    ]);
    const refs = await lookUp(catalog, {
      services: ['component:default/acme-shop-api@^2'],
    });
    expect(() =>
      refs.service('component:default/acme-shop-api@^2', 'replacementService'),
    ).toThrow(
      /replacementService: .* names a version range; give the service alone \(shop-api\)/,
    );
    expect(refs.entry('component:default/acme-shop-api@^2', 'x')).toBe(
      'shop-api@^2',
    );
  });

  it('fails when the catalog cannot be read, saying to try again or give registry ids', async () => {
    const { catalog } = catalogWith([]);
    catalog.getEntitiesByRefs = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    await expect(
      lookUp(catalog, { services: ['component:default/acme-shop-api'] }),
    ).rejects.toThrow(
      'The catalog could not be read to look up component:default/acme-shop-api (Error: connect ECONNREFUSED), so the registry ids the entities stand for are unknown: try again, or give registry ids instead of entity refs (the annotation service-registry.io/service-id of each Component). Nothing was written.',
    );
  });

  it('asks the catalog nothing for plain ids, entries and projects', async () => {
    const { catalog, lookups } = catalogWith([]);
    const refs = await lookUp(catalog, {
      services: ['shop-api', 'auth@^1', undefined as unknown as string],
      projects: ['shop', ''],
    });
    expect(lookups).toEqual([]);
    expect(refs.entry('auth@^1', 'x')).toBe('auth@^1');
  });
});
