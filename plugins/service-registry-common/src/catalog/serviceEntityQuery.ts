import {
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SERVICE_ID,
} from '../model/annotations';

/*
 * How the Components of registry services are found in the catalog. The catalog provider writes
 * the service's id and its registry as annotations on every Component, and an adopter's entity
 * transformer may rename a Component or move it to another namespace, so a service's entity is
 * not always `component:default/<id>`: the UI (links to services) and the backend modules
 * (whom to notify, what to authorize) ask the catalog for the Components annotated with the ids
 * they need, in batches, with the same filter and the same rule for which answers count.
 */

/** The catalog filter key of the service-id annotation. */
const SERVICE_ID_KEY = `metadata.annotations.${ANNOTATION_SERVICE_ID}`;
/** The catalog filter key of the registry-id annotation. */
const REGISTRY_ID_KEY = `metadata.annotations.${ANNOTATION_REGISTRY_ID}`;

/**
 * The length of the service-id part of a request's filter that one request stays under: the
 * catalog client writes each id as `<key>=<id>` in the URL's `filter` parameter, joined by `,`,
 * all percent-encoded (about 63 characters an id with its key, so about 60 ids a request). Far
 * below the 8 KB request line common proxies accept.
 */
const MAX_FILTER_LENGTH = 4000;

/** The start of the ref the catalog provider gives a service's Component. */
const SERVICE_ENTITY_REF_PREFIX = 'component:default/';

/**
 * The ref the catalog provider gives the Component of a registry service:
 * `component:default/<id>`. An adopter's entity transformer may rename the Component or move it to
 * another namespace, so this is where a service's Component is only until the catalog says
 * otherwise (see {@link serviceEntityFilter}); and the provider's own name for it, which its
 * `dependsOn` refs and its held-back services use.
 *
 * @param serviceId - the registry id of the service
 * @returns the entity ref
 * @public
 */
export function serviceEntityRefOf(serviceId: string): string {
  return `${SERVICE_ENTITY_REF_PREFIX}${serviceId}`;
}

/**
 * The registry id in a ref of the form {@link serviceEntityRefOf} gives (`component:default/<id>`,
 * as the catalog provider writes it), or undefined for any other ref.
 *
 * @param ref - an entity ref, as a string
 * @returns the service id, or undefined
 * @public
 */
export function serviceIdOfEntityRef(ref: string): string | undefined {
  return ref.startsWith(SERVICE_ENTITY_REF_PREFIX)
    ? ref.slice(SERVICE_ENTITY_REF_PREFIX.length)
    : undefined;
}

/**
 * The fields a lookup of service Components asks for: what an entity ref needs, and the
 * annotations its answers are matched by.
 *
 * @public
 */
export const SERVICE_ENTITY_FIELDS: readonly string[] = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
];

/**
 * Splits the service ids to look up into batches, each short enough for one catalog request's URL
 * (the filter of a batch stays under 4,000 characters, percent-encoded). Duplicates are asked once.
 *
 * @param serviceIds - the registry ids of the services
 * @returns the batches, in the order of the ids
 * @public
 */
export function serviceEntityBatches(serviceIds: Iterable<string>): string[][] {
  // `<key>=<id>,` as the URL carries it: `=` and `,` are percent-encoded too
  const keyLength = encodeURIComponent(`${SERVICE_ID_KEY}=,`).length;
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const id of new Set(serviceIds)) {
    const cost = keyLength + encodeURIComponent(id).length;
    if (current.length > 0 && length + cost > MAX_FILTER_LENGTH) {
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
 * The catalog filter (`getEntities({ filter })`) of the Components that claim one of a batch of
 * services: kind Component, annotated with one of the ids, and with the registry when one is given.
 * The catalog compares filter values without case: match its answers with
 * {@link serviceIdClaimedBy}.
 *
 * @param batch - service ids, as {@link serviceEntityBatches} groups them
 * @param registryId - the registry (the catalog provider's id) whose Components count; undefined
 *   for any registry's
 * @returns the filter
 * @public
 */
export function serviceEntityFilter(
  batch: readonly string[],
  registryId?: string,
): Record<string, string | string[]> {
  // the list last: the catalog's in-memory test client checks no key after a list's
  return registryId === undefined
    ? { kind: 'Component', [SERVICE_ID_KEY]: [...batch] }
    : {
        kind: 'Component',
        [REGISTRY_ID_KEY]: registryId,
        [SERVICE_ID_KEY]: [...batch],
      };
}

/**
 * The service an entity of a {@link serviceEntityFilter} answer stands for, when it is one of
 * those asked for: its `service-registry.io/service-id` annotation exactly as written (the
 * catalog's filter ignores case), with the registry's annotation equal to `registryId` when one is
 * given. Undefined for an entity that claims none of them.
 *
 * @param entity - an entity of the answer
 * @param asked - the ids asked for
 * @param registryId - the registry whose Components count; undefined for any registry's
 * @returns the service id, or undefined
 * @public
 */
export function serviceIdClaimedBy(
  entity: { metadata: { annotations?: Record<string, string> } },
  asked: ReadonlySet<string>,
  registryId?: string,
): string | undefined {
  const annotations = entity.metadata.annotations;
  if (!annotations) return undefined;
  if (
    registryId !== undefined &&
    annotations[ANNOTATION_REGISTRY_ID] !== registryId
  ) {
    return undefined;
  }
  const id = annotations[ANNOTATION_SERVICE_ID];
  return id !== undefined && asked.has(id) ? id : undefined;
}
