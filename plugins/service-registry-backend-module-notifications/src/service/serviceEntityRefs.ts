import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SERVICE_ID,
  SERVICE_ENTITY_FIELDS,
  serviceEntityBatches,
  serviceEntityFilter,
  serviceEntityRefOf,
  serviceIdClaimedBy,
} from '@service-registry/plugin-service-registry-common';

/** Refs per `getEntitiesByRefs` request (its refs travel in the body). */
export const ENTITY_REFS_PER_REQUEST = 500;

/**
 * What {@link serviceEntityRefs} asks the catalog with.
 */
export interface ServiceEntityLookup {
  /** The catalog. */
  catalog: CatalogService;
  /** For the module's own credentials: the services are the registry's, whoever asks. */
  auth: AuthService;
}

/**
 * The catalog entities of a registry's services: for each id, the Components annotated with it
 * (`service-registry.io/service-id`) and with the registry (`service-registry.io/registry-id`),
 * which an entity transformer may have renamed or moved to another namespace (sorted; several when
 * several Components claim the service); for an id no Component of that registry claims (an entity
 * ingested before the provider wrote the annotations, or none at all),
 * `component:default/<id>`, the provider's own name for it, unless the catalog's entity of that
 * name is annotated as another registry's service or another service of the registry (the
 * service's Component was left out, say, because another registry holds the name, or a transformer
 * gave its name to another service): that is none of this service's, and the id has no ref. A
 * Component of another registry claiming the same id never counts.
 *
 * The ids are asked in batches, one `getEntities` with an annotation filter per batch (about 60
 * ids, so that the request's URL stays short), and the provider's names of the ids no Component
 * claims in `getEntitiesByRefs` requests of 500, with the module's own credentials.
 *
 * @param lookup - the catalog and the module's credentials
 * @param registryId - the registry (the catalog provider's id) whose Components count
 * @param serviceIds - the services' registry ids
 * @returns for each distinct id, its entity refs (empty when its own name is another's)
 */
export async function serviceEntityRefs(
  lookup: ServiceEntityLookup,
  registryId: string,
  serviceIds: readonly string[],
): Promise<Map<string, string[]>> {
  const asked = [...new Set(serviceIds)];
  const claims = new Map<string, Set<string>>();
  if (asked.length > 0) {
    const credentials = await lookup.auth.getOwnServiceCredentials();
    const wanted = new Set(asked);
    for (const batch of serviceEntityBatches(asked)) {
      const { items } = await lookup.catalog.getEntities(
        {
          filter: serviceEntityFilter(batch, registryId),
          fields: [...SERVICE_ENTITY_FIELDS],
        },
        { credentials },
      );
      for (const entity of items) {
        // the catalog's filter compares without case: the ids and registry as written count
        const id = serviceIdClaimedBy(entity, wanted, registryId);
        if (id === undefined) continue;
        const refs = claims.get(id) ?? new Set<string>();
        refs.add(stringifyEntityRef(entity));
        claims.set(id, refs);
      }
    }
  }
  const unclaimed = asked.filter(id => !claims.has(id));
  const othersNames = await namesOfOthers(lookup, registryId, unclaimed);
  return new Map(
    asked.map(id => {
      const refs = claims.get(id);
      if (refs) return [id, [...refs].sort()];
      return [id, othersNames.has(id) ? [] : [serviceEntityRefOf(id)]];
    }),
  );
}

/**
 * The ids whose `component:default/<id>` the catalog has annotated as another registry's service
 * or as another service's.
 */
async function namesOfOthers(
  lookup: ServiceEntityLookup,
  registryId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const others = new Set<string>();
  if (ids.length === 0) return others;
  const credentials = await lookup.auth.getOwnServiceCredentials();
  for (let i = 0; i < ids.length; i += ENTITY_REFS_PER_REQUEST) {
    const chunk = ids.slice(i, i + ENTITY_REFS_PER_REQUEST);
    const { items } = await lookup.catalog.getEntitiesByRefs(
      {
        entityRefs: chunk.map(serviceEntityRefOf),
        fields: ['metadata.annotations'],
      },
      { credentials },
    );
    items.forEach((entity, index) => {
      // fields leave out a metadata with no annotation
      const annotations = entity?.metadata?.annotations;
      const registry = annotations?.[ANNOTATION_REGISTRY_ID];
      const service = annotations?.[ANNOTATION_SERVICE_ID];
      if (
        (registry !== undefined && registry !== registryId) ||
        (service !== undefined && service !== chunk[index])
      ) {
        others.add(chunk[index]);
      }
    });
  }
  return others;
}
