import { ReactNode } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { CatalogApi, catalogApiRef } from '@backstage/plugin-catalog-react';

/**
 * The element under test inside an app that has the given catalog API, or as it is when there is
 * none (an app without the catalog's API, where links keep the provider's default refs).
 *
 * @param element - what the test renders
 * @param catalogApi - the catalog API the app offers, if any
 */
export function withCatalogApi(
  element: ReactNode,
  catalogApi: CatalogApi | undefined,
): ReactNode {
  return catalogApi ? (
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      {element}
    </TestApiProvider>
  ) : (
    element
  );
}
