import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  SERVICE_ENTITY_FIELDS,
  serviceEntityBatches,
  serviceEntityFilter,
  serviceEntityRefOf,
  serviceIdClaimedBy,
} from '@service-registry/plugin-service-registry-common';

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
 * `component:default/<id>`, the provider's own name for it. A Component of another registry
 * claiming the same id never counts.
 *
 * The ids are asked in batches, one `getEntities` with an annotation filter per batch (about 60
 * ids, so that the request's URL stays short), with the module's own credentials.
 *
 * @param lookup - the catalog and the module's credentials
 * @param registryId - the registry (the catalog provider's id) whose Components count
 * @param serviceIds - the services' registry ids
 * @returns for each distinct id, its entity refs (never empty)
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
  return new Map(
    asked.map(id => {
      const refs = claims.get(id);
      return [id, refs ? [...refs].sort() : [serviceEntityRefOf(id)]];
    }),
  );
}
