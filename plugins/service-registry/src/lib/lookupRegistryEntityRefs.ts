import { CompoundEntityRef, DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  REGISTRY_ENTITY_FIELDS,
  RegistryEntityQuery,
  registryEntityBatches,
  registryEntityFilter,
  registryIdClaimedBy,
} from '@service-registry/plugin-service-registry-common';

/** The catalog client, as `catalogApiRef` gives it; only `getEntities` is used. */
export type CatalogLookupApi = Pick<typeof catalogApiRef.T, 'getEntities'>;

/** The registry ids to look up among one kind of entities. */
export interface RegistryEntityLookup {
  /** The entities (see `SERVICE_ENTITY_QUERY`, `PROJECT_ENTITY_QUERY`). */
  query: RegistryEntityQuery;
  /** The registry ids they stand for (distinct). */
  ids: readonly string[];
}

/** Requests in flight at once, for a page with many services. */
const CONCURRENT_REQUESTS = 4;

function abortError(): Error {
  const error = new Error('The catalog lookup of the registry was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * The catalog entities of registry services (Components, by their `service-registry.io/service-id`
 * annotation) and projects (Systems, by their `service-registry.io/project` annotation): an entity
 * transformer of the catalog provider may have renamed one (`acme-shop-api` for the service
 * `shop-api`) or moved it to another namespace, so the link to a service cannot be
 * `component:default/<id>`, nor the link to a project `system:default/<id>`. All the ids are asked
 * in a few batched `getEntities` requests (a page of 200 services makes about four; a kind's ids
 * never share a request with another's), each with a filter short enough for any proxy, at most
 * four at once.
 *
 * An id is left out of its answer when the catalog has no entity that claims it (one ingested
 * before the annotation existed, one the reader may not see, a retired service) or, with no
 * registry named, when entities of several registries claim it: its link is then the provider's
 * own name.
 *
 * @param catalog - the catalog client
 * @param lookups - the ids to look up, by kind of entity
 * @param registry - the registry (provider id) whose entities count; undefined for any
 * @param signal - aborts the lookup: no request starts after it, and the answer is dropped
 * @returns for each lookup, in their order, the ref of each id found, by id
 */
export async function lookupRegistryEntityRefs(
  catalog: CatalogLookupApi,
  lookups: readonly RegistryEntityLookup[],
  registry: string | undefined,
  signal: AbortSignal,
): Promise<Map<string, CompoundEntityRef>[]> {
  const registryId = registry || undefined;
  const answers = lookups.map(({ query, ids }) => ({
    query,
    asked: new Set(ids),
    claims: new Map<string, CompoundEntityRef[]>(),
  }));
  const groups = answers.flatMap(answer =>
    registryEntityBatches(answer.query, answer.asked).map(batch => ({
      answer,
      batch,
    })),
  );
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      if (signal.aborted) throw abortError();
      const { answer, batch } = groups[next++];
      const { items } = await catalog.getEntities({
        filter: registryEntityFilter(answer.query, batch, registryId),
        fields: [...REGISTRY_ENTITY_FIELDS],
      });
      if (signal.aborted) throw abortError();
      for (const entity of items) {
        const id = registryIdClaimedBy(
          answer.query,
          entity,
          answer.asked,
          registryId,
        );
        if (id === undefined) continue;
        const ref: CompoundEntityRef = {
          kind: entity.kind.toLocaleLowerCase('en-US'),
          namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
          name: entity.metadata.name,
        };
        const list = answer.claims.get(id);
        if (list) list.push(ref);
        else answer.claims.set(id, [ref]);
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
  return answers.map(({ claims }) => {
    const refs = new Map<string, CompoundEntityRef>();
    for (const [id, list] of claims) {
      if (list.length === 1) refs.set(id, list[0]);
    }
    return refs;
  });
}
