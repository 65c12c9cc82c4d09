import { Entity } from '@backstage/catalog-model';
import { TestApiRegistry } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ServiceRegistryApi, serviceRegistryApiRef } from '../api';

/**
 * The APIs a form field's check finds in the app: the registry's and a catalog holding `catalog`,
 * each only when given (an app without it).
 *
 * @param options - the registry API, and the entities of the catalog
 */
export function formApis(options: {
  registry?: ServiceRegistryApi;
  catalog?: Entity[];
}): TestApiRegistry {
  const pairs: Array<[any, any]> = [];
  if (options.registry) pairs.push([serviceRegistryApiRef, options.registry]);
  if (options.catalog) {
    pairs.push([catalogApiRef, catalogApiMock({ entities: options.catalog })]);
  }
  return TestApiRegistry.from(...pairs);
}
