import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/** Builds the catalog link of a registry service (`component:default/<id>`). */
export function useServiceLink(): (serviceId: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (serviceId: string) =>
      entityRoute({ kind: 'component', namespace: 'default', name: serviceId }),
    [entityRoute],
  );
}
