import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/**
 * Whether the catalog has a page for a registry service in this lifecycle status: the catalog
 * provider emits no Component for a `retired` service, so a link to one leads to "entity not
 * found". Any other status, or none known, has one.
 *
 * @param status - the service's lifecycle status, as the data at hand says it
 */
export function hasCatalogPage(status: string | undefined): boolean {
  return status !== 'retired';
}

/** The catalog link of a registry service (see {@link useServiceLink}). */
export interface ServiceLinkBuilder {
  /** The catalog page of a service (`component:default/<id>`). */
  (serviceId: string): string;
  /**
   * The catalog page of a service in this lifecycle status; undefined for a `retired` one, which
   * the catalog does not have.
   */
  (serviceId: string, status: string | undefined): string | undefined;
}

/**
 * Builds the catalog link of a registry service (`component:default/<id>`). Given the service's
 * status, it gives no link for a retired service (see {@link hasCatalogPage}): pass the status
 * whenever the data at hand has it.
 */
export function useServiceLink(): ServiceLinkBuilder {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (serviceId: string, status?: string) =>
      hasCatalogPage(status)
        ? entityRoute({
            kind: 'component',
            namespace: 'default',
            name: serviceId,
          })
        : undefined,
    [entityRoute],
  ) as ServiceLinkBuilder;
}
