import { AuthService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SERVICE_ID,
} from '@service-registry/plugin-service-registry-common';

const SERVICE_ID_KEY = `metadata.annotations.${ANNOTATION_SERVICE_ID}`;
const REGISTRY_ID_KEY = `metadata.annotations.${ANNOTATION_REGISTRY_ID}`;

/**
 * The length of the service-id part of a request's filter that a request stays under (the catalog
 * client writes each id as `<key>=<id>,` in the URL, percent-encoded): far below the 8 KB request
 * line common proxies accept and the 16 KB of headers Node accepts.
 */
const MAX_FILTER_LENGTH = 4000;
/** At most as many ids in one request. */
const MAX_IDS_PER_REQUEST = 100;

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
 * The ref the catalog provider gives a service's Component: `component:default/<id>`.
 *
 * @param service - the service's registry id
 * @returns the entity ref
 */
export function defaultServiceEntityRef(service: string): string {
  return stringifyEntityRef({
    kind: 'Component',
    namespace: DEFAULT_NAMESPACE,
    name: service,
  });
}

/** The ids in groups, each short enough for one request's URL. */
function chunks(ids: readonly string[]): string[][] {
  // `<key>=<id>,` as the URL carries it: `=` and `,` are percent-encoded too
  const keyLength = encodeURIComponent(`${SERVICE_ID_KEY}=,`).length;
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const id of ids) {
    const cost = keyLength + encodeURIComponent(id).length;
    if (
      current.length > 0 &&
      (length + cost > MAX_FILTER_LENGTH ||
        current.length >= MAX_IDS_PER_REQUEST)
    ) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(id);
    length += cost;
  }
  if (current.length > 0) out.push(current);
  return out;
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
 * The ids are asked in batches, one `getEntities` with an annotation filter per batch of at most
 * 100 ids (fewer when long, so the request's URL stays short), with the module's own credentials.
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
    for (const chunk of chunks(asked)) {
      const { items } = await lookup.catalog.getEntities(
        {
          filter: {
            kind: 'Component',
            [REGISTRY_ID_KEY]: registryId,
            [SERVICE_ID_KEY]: chunk,
          },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.annotations',
          ],
        },
        { credentials },
      );
      for (const entity of items) {
        const annotations = entity.metadata.annotations ?? {};
        const id = annotations[ANNOTATION_SERVICE_ID];
        // the catalog's filter compares without case: the ids and registry as written count
        if (annotations[ANNOTATION_REGISTRY_ID] !== registryId) continue;
        if (id === undefined || !wanted.has(id)) continue;
        const refs = claims.get(id) ?? new Set<string>();
        refs.add(stringifyEntityRef(entity));
        claims.set(id, refs);
      }
    }
  }
  return new Map(
    asked.map(id => {
      const refs = claims.get(id);
      return [id, refs ? [...refs].sort() : [defaultServiceEntityRef(id)]];
    }),
  );
}
