import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { useServiceEntityRef } from './ServiceEntityRefs';

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
  /**
   * The catalog page of a service: its Component's, found through the catalog inside a
   * `ServiceEntityRefsProvider`, else `component:default/<id>`.
   */
  (serviceId: string): string;
  /**
   * The catalog page of a service in this lifecycle status; undefined for a `retired` one, which
   * the catalog does not have.
   */
  (serviceId: string, status: string | undefined): string | undefined;
}

/**
 * Builds the catalog link of a registry service: the page of its Component, which an entity
 * transformer may have renamed or moved (found through the catalog inside a
 * `ServiceEntityRefsProvider`, see `useServiceEntityRef`), else `component:default/<id>`. Given
 * the service's status, it gives no link for a retired service (see {@link hasCatalogPage}): pass
 * the status whenever the data at hand has it.
 *
 * Build the links while rendering: the services named then are the ones looked up, and the
 * component renders again with their pages once the catalog answers.
 */
export function useServiceLink(): ServiceLinkBuilder {
  const entityRoute = useRouteRef(entityRouteRef);
  const refOf = useServiceEntityRef();
  return useCallback(
    (serviceId: string, status?: string) =>
      hasCatalogPage(status)
        ? entityRoute(entityRouteParams(refOf(serviceId)))
        : undefined,
    [entityRoute, refOf],
  ) as ServiceLinkBuilder;
}
