import { CompoundEntityRef, DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  SERVICE_ENTITY_FIELDS,
  serviceEntityBatches,
  serviceEntityFilter,
  serviceIdClaimedBy,
} from '@service-registry/plugin-service-registry-common';

/** The catalog client, as `catalogApiRef` gives it; only `getEntities` is used. */
export type CatalogLookupApi = Pick<typeof catalogApiRef.T, 'getEntities'>;

/** Requests in flight at once, for a page with many services. */
const CONCURRENT_REQUESTS = 4;

function abortError(): Error {
  const error = new Error('The catalog lookup of the services was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * The catalog Components of registry services, found by their `service-registry.io/service-id`
 * annotation: an entity transformer of the catalog provider may have renamed a Component
 * (`acme-shop-api` for the service `shop-api`) or moved it to another namespace, so the link to a
 * service cannot be `component:default/<id>`. Ids are asked in a few batched `getEntities` requests
 * (a page of 200 services makes about four), each with a filter short enough for any proxy.
 *
 * A service is left out of the answer when the catalog has no Component that claims it (a
 * Component ingested before the annotation existed, one the reader may not see, a retired service)
 * or, with no registry named, when Components of several registries claim it: its link is then
 * the provider's own name, `component:default/<id>`.
 *
 * @param catalog - the catalog client
 * @param serviceIds - the registry ids to look up (distinct)
 * @param registry - the registry (provider id) whose Components count; undefined for any
 * @param signal - aborts the lookup: no request starts after it, and the answer is dropped
 * @returns the ref of each service found, by service id
 */
export async function lookupServiceEntityRefs(
  catalog: CatalogLookupApi,
  serviceIds: readonly string[],
  registry: string | undefined,
  signal: AbortSignal,
): Promise<Map<string, CompoundEntityRef>> {
  const asked = new Set(serviceIds);
  const claims = new Map<string, CompoundEntityRef[]>();
  const groups = serviceEntityBatches(asked);
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      if (signal.aborted) throw abortError();
      const group = groups[next++];
      const { items } = await catalog.getEntities({
        filter: serviceEntityFilter(group, registry || undefined),
        fields: [...SERVICE_ENTITY_FIELDS],
      });
      if (signal.aborted) throw abortError();
      for (const entity of items) {
        const id = serviceIdClaimedBy(entity, asked, registry || undefined);
        if (id === undefined) continue;
        const ref: CompoundEntityRef = {
          kind: entity.kind.toLocaleLowerCase('en-US'),
          namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
          name: entity.metadata.name,
        };
        const list = claims.get(id);
        if (list) list.push(ref);
        else claims.set(id, [ref]);
      }
    }
  };
  if (signal.aborted) throw abortError();
  await Promise.all(
    Array.from(
      { length: Math.min(CONCURRENT_REQUESTS, groups.length) },
      worker,
    ),
  );
  const refs = new Map<string, CompoundEntityRef>();
  for (const [id, list] of claims) {
    if (list.length === 1) refs.set(id, list[0]);
  }
  return refs;
}
