import {
  ANNOTATION_PROJECT,
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SERVICE_ID,
  ANNOTATION_SHARED_SYSTEM,
} from '../model/annotations';
import { batchesByCost } from '../util/batchesByCost';

/*
 * How the entities of a registry's services and projects are found in the catalog. The catalog
 * provider writes the service's id and its registry as annotations on every Component, and the
 * project's id and its registry on every project System; an adopter's entity transformer may
 * rename an entity or move it to another namespace, so a service's entity is not always
 * `component:default/<id>`, nor a project's `system:default/<id>`: the UI (links to services and
 * projects) and the backend modules (whom to notify, what to authorize) ask the catalog for the
 * entities annotated with the ids they need, in batches, with the same filter and the same rule
 * for which answers count.
 */

/**
 * Which catalog entities stand for which registry ids: the entities of a kind, each annotated with
 * the id it stands for (and with its registry, `service-registry.io/registry-id`).
 *
 * @public
 */
export interface RegistryEntityQuery {
  /** The kind of the entities, as the catalog provider writes it (`Component`, `System`). */
  readonly kind: string;
  /** The annotation holding the registry id an entity stands for. */
  readonly annotation: string;
}

/**
 * The Components of registry services, annotated `service-registry.io/service-id`.
 *
 * @public
 */
export const SERVICE_ENTITY_QUERY: RegistryEntityQuery = {
  kind: 'Component',
  annotation: ANNOTATION_SERVICE_ID,
};

/**
 * The Systems of registry projects, annotated `service-registry.io/project`. The provider writes
 * that annotation on the project's Components too; their kind tells them apart. The shared System
 * of the global services carries none (see {@link SHARED_SYSTEM_ENTITY_QUERY}).
 *
 * @public
 */
export const PROJECT_ENTITY_QUERY: RegistryEntityQuery = {
  kind: 'System',
  annotation: ANNOTATION_PROJECT,
};

/**
 * The shared System of the global services, annotated `service-registry.io/shared-system` with the
 * name the catalog provider gave it (its `sharedSystem` option): that name is the id to look up.
 *
 * @public
 */
export const SHARED_SYSTEM_ENTITY_QUERY: RegistryEntityQuery = {
  kind: 'System',
  annotation: ANNOTATION_SHARED_SYSTEM,
};

/** The catalog filter key of an annotation. */
const annotationKey = (annotation: string) =>
  `metadata.annotations.${annotation}`;
/** The catalog filter key of the registry-id annotation. */
const REGISTRY_ID_KEY = annotationKey(ANNOTATION_REGISTRY_ID);

/**
 * The length of the ids' part of a request's filter that one request stays under: the catalog
 * client writes each id as `<key>=<id>` in the URL's `filter` parameter, joined by `,`, all
 * percent-encoded (about 63 characters a service id with its key, so about 60 ids a request). Far
 * below the 8 KB request line common proxies accept.
 */
const MAX_FILTER_LENGTH = 4000;

/** The start of the ref the catalog provider gives a service's Component. */
const SERVICE_ENTITY_REF_PREFIX = 'component:default/';
/** The start of the ref the catalog provider gives a project's System. */
const PROJECT_ENTITY_REF_PREFIX = 'system:default/';

/**
 * The ref the catalog provider gives the Component of a registry service:
 * `component:default/<id>`. An adopter's entity transformer may rename the Component or move it to
 * another namespace, so this is where a service's Component is only until the catalog says
 * otherwise (see {@link serviceEntityFilter}); and the name the provider's mapping gives it, in
 * its `dependsOn` refs (which the provider points at the renamed Component after the transformers)
 * and its held-back services.
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
 * The ref the catalog provider gives the System of a registry project: `system:default/<id>`. An
 * adopter's entity transformer may rename the System or move it to another namespace, so this is
 * where a project's System is only until the catalog says otherwise (see
 * {@link PROJECT_ENTITY_QUERY}). Not the shared System of the global services, which is named by
 * the provider's `sharedSystem` option.
 *
 * @param projectId - the registry id of the project
 * @returns the entity ref
 * @public
 */
export function projectEntityRefOf(projectId: string): string {
  return `${PROJECT_ENTITY_REF_PREFIX}${projectId}`;
}

/**
 * The fields a lookup of registry entities (service Components, project Systems) asks for: what
 * an entity ref needs, and the annotations its answers are matched by.
 *
 * @public
 */
export const REGISTRY_ENTITY_FIELDS: readonly string[] = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
];

/**
 * The fields a lookup of service Components asks for: {@link REGISTRY_ENTITY_FIELDS}.
 *
 * @public
 */
export const SERVICE_ENTITY_FIELDS: readonly string[] = REGISTRY_ENTITY_FIELDS;

/**
 * Splits the ids to look up into batches, each short enough for one catalog request's URL (the
 * filter of a batch, with the query's annotation as its key, stays under 4,000 characters,
 * percent-encoded). Duplicates are asked once.
 *
 * @param query - the entities looked up (see {@link SERVICE_ENTITY_QUERY},
 *   {@link PROJECT_ENTITY_QUERY})
 * @param ids - the registry ids they stand for
 * @returns the batches, in the order of the ids
 * @public
 */
export function registryEntityBatches(
  query: RegistryEntityQuery,
  ids: Iterable<string>,
): string[][] {
  // `<key>=<id>,` as the URL carries it: `=` and `,` are percent-encoded too
  const keyLength = encodeURIComponent(
    `${annotationKey(query.annotation)}=,`,
  ).length;
  return batchesByCost(
    new Set(ids),
    id => keyLength + encodeURIComponent(id).length,
    { limit: MAX_FILTER_LENGTH },
  );
}

/**
 * Splits the service ids to look up into batches: {@link registryEntityBatches} of
 * {@link SERVICE_ENTITY_QUERY}.
 *
 * @param serviceIds - the registry ids of the services
 * @returns the batches, in the order of the ids
 * @public
 */
export function serviceEntityBatches(serviceIds: Iterable<string>): string[][] {
  return registryEntityBatches(SERVICE_ENTITY_QUERY, serviceIds);
}

/**
 * The catalog filter (`getEntities({ filter })`) of the entities that claim one of a batch of ids:
 * of the query's kind, annotated with one of the ids, and with the registry when one is given. The
 * catalog compares filter values without case: match its answers with {@link registryIdClaimedBy}.
 *
 * @param query - the entities looked up
 * @param batch - ids, as {@link registryEntityBatches} groups them
 * @param registryId - the registry (the catalog provider's id) whose entities count; undefined
 *   for any registry's
 * @returns the filter
 * @public
 */
export function registryEntityFilter(
  query: RegistryEntityQuery,
  batch: readonly string[],
  registryId?: string,
): Record<string, string | string[]> {
  const idKey = annotationKey(query.annotation);
  // the list last: the catalog's in-memory test client checks no key after a list's
  return registryId === undefined
    ? { kind: query.kind, [idKey]: [...batch] }
    : {
        kind: query.kind,
        [REGISTRY_ID_KEY]: registryId,
        [idKey]: [...batch],
      };
}

/**
 * The catalog filter of the Components that claim one of a batch of services:
 * {@link registryEntityFilter} of {@link SERVICE_ENTITY_QUERY}.
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
  return registryEntityFilter(SERVICE_ENTITY_QUERY, batch, registryId);
}

/**
 * The id an entity of a {@link registryEntityFilter} answer stands for, when it is one of those
 * asked for: its annotation of the query exactly as written (the catalog's filter ignores case),
 * with the registry's annotation equal to `registryId` when one is given. Undefined for an entity
 * that claims none of them, or of another kind than the query's (compared without case, as the
 * catalog does), when its kind is given.
 *
 * @param query - the entities looked up
 * @param entity - an entity of the answer
 * @param asked - the ids asked for
 * @param registryId - the registry whose entities count; undefined for any registry's
 * @returns the id, or undefined
 * @public
 */
export function registryIdClaimedBy(
  query: RegistryEntityQuery,
  entity: { kind?: string; metadata: { annotations?: Record<string, string> } },
  asked: ReadonlySet<string>,
  registryId?: string,
): string | undefined {
  if (
    entity.kind !== undefined &&
    entity.kind.toLocaleLowerCase('en-US') !==
      query.kind.toLocaleLowerCase('en-US')
  ) {
    return undefined;
  }
  const annotations = entity.metadata.annotations;
  if (!annotations) return undefined;
  if (
    registryId !== undefined &&
    annotations[ANNOTATION_REGISTRY_ID] !== registryId
  ) {
    return undefined;
  }
  const id = annotations[query.annotation];
  return id !== undefined && asked.has(id) ? id : undefined;
}

/**
 * The service an entity of a {@link serviceEntityFilter} answer stands for, when it is one of
 * those asked for: {@link registryIdClaimedBy} of {@link SERVICE_ENTITY_QUERY}.
 *
 * @param entity - an entity of the answer
 * @param asked - the ids asked for
 * @param registryId - the registry whose Components count; undefined for any registry's
 * @returns the service id, or undefined
 * @public
 */
export function serviceIdClaimedBy(
  entity: { kind?: string; metadata: { annotations?: Record<string, string> } },
  asked: ReadonlySet<string>,
  registryId?: string,
): string | undefined {
  return registryIdClaimedBy(SERVICE_ENTITY_QUERY, entity, asked, registryId);
}
