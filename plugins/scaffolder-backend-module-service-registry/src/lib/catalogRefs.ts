import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_PROJECT,
  ANNOTATION_SERVICE_ID,
  escapeControlCharacters,
  LoadedRegistry,
  SERVICE_ID_PATTERN,
} from '@service-registry/plugin-service-registry-common';
import { errorText } from './errorText';
import { unreadFilesNote } from './unreadFiles';

/*
 * Entity refs given where the actions expect a registry id. The catalog provider names a
 * Component after its service and a System after its project, but an adopter's transformer may
 * rename them (or move them to another namespace): the entity pickers of the templates then give
 * `component:shop/acme-shop-api` for the service `shop-api`. The ids are the entities'
 * annotations (`service-registry.io/service-id`, `service-registry.io/project`), read from the
 * catalog with the credentials of the task's initiator.
 */

/** The kinds of entity that stand for something of the registry. */
type RefKind = 'component' | 'system';

/** What the actions take as a catalog ref: `component:[<namespace>/]<name>[@<range>]`. */
const COMPONENT_REF = /^component:[^@\s]+(?:@(.*))?$/is;
/** `system:[<namespace>/]<name>`. */
const SYSTEM_REF = /^system:\S+$/i;

/** A value read as an entity ref: the ref as the catalog is asked for it, and its parts. */
interface ParsedRef {
  /** `component:default/shop-api`, namespace and all. */
  ref: string;
  /** The entity's name: today's rule when the catalog does not say more. */
  name: string;
  /** A dependency entry's range (`component:default/shop-api@^2`), as written. */
  range?: string;
}

/** The value as an entity ref of that kind; undefined for a plain id (or anything else). */
function parseRef(value: string, kind: RefKind): ParsedRef | undefined {
  const trimmed = value.trim();
  let written = trimmed;
  let range: string | undefined;
  if (kind === 'component') {
    const match = COMPONENT_REF.exec(trimmed);
    if (!match) return undefined;
    if (match[1] !== undefined) {
      range = match[1];
      written = trimmed.slice(0, trimmed.length - range.length - 1);
    }
  } else if (!SYSTEM_REF.test(trimmed)) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(written);
    return { ref: stringifyEntityRef(ref), name: ref.name, range };
  } catch {
    // not a ref the catalog takes (`component:`): the registry's checks refuse the value as an id
    return undefined;
  }
}

/** Whether the catalog refused the credentials rather than failed. */
function isRefusal(error: unknown): boolean {
  const name = (error as { name?: unknown })?.name;
  return name === 'NotAllowedError' || name === 'AuthenticationError';
}

/** A text as a message shows it: what loading would remove, escaped. */
function shown(text: string): string {
  return escapeControlCharacters(text, { lineBreaks: true });
}

/** What the registry ids of the refs given to an action are. */
export interface CatalogRefs {
  /**
   * The registry id of a service given as an id or as a Component ref (`id`, `replacementService`).
   *
   * @param value - the input's value
   * @param field - the input's name, for the messages
   */
  service(value: string, field: string): string;
  /**
   * A dependency entry as the registry writes it (`shop-api`, `shop-api@^2`), given as one or as a
   * Component ref with an optional range (`component:shop/acme-shop-api@^2`).
   *
   * @param value - the entry
   * @param field - the input's name, for the messages
   * @param known - whether the registry knows an id, for a ref the catalog does not know (default:
   *   whether it declares the service)
   */
  entry(value: string, field: string, known?: (id: string) => boolean): string;
  /**
   * The project id of a System ref (`system:default/acme-shop`); other values as they are. A ref
   * the catalog does not know is its name (a project to create, or one not ingested yet).
   *
   * @param value - the input's value
   */
  project(value: string): string;
}

/** Options of {@link lookUpCatalogRefs}. */
export interface LookUpCatalogRefsOptions {
  /**
   * The catalog; without it a ref is its entity's name, as before the annotations (an action
   * created without a catalog).
   */
  catalog: CatalogService | undefined;
  /** The credentials of the task's initiator (`ctx.getInitiatorCredentials`). */
  credentials: () => Promise<BackstageCredentials>;
  /** The workspace registry: a ref the catalog does not know may name one of its services. */
  registry: LoadedRegistry;
  /** The task's log. */
  logger: LoggerService;
  /** The values given where a service is expected (ids, refs, dependency entries). */
  services?: readonly (string | undefined)[];
  /** The values given where a project is expected. */
  projects?: readonly (string | undefined)[];
}

/**
 * Looks up, in one `getEntitiesByRefs` with the initiator's credentials, the entities of the refs
 * among the values an action was given, and returns how each value reads as a registry id: a
 * Component's `service-registry.io/service-id` annotation, a System's `service-registry.io/project`,
 * else the entity's name (an entity the provider wrote before it wrote the annotations, or one
 * written by hand). Plain ids are not looked up; without refs the catalog is not asked.
 *
 * A Component ref the catalog does not know (or that the initiator may not see) is its name when
 * the registry declares that service, as before: a service added to the registry that the catalog
 * has not ingested yet. Otherwise it is refused with an error saying so. A System ref the catalog
 * does not know is its name: a project to create, which the action checks.
 *
 * A catalog that refuses or fails the lookup fails the action: reading the refs as names could
 * change another service than the one picked.
 */
export async function lookUpCatalogRefs(
  options: LookUpCatalogRefsOptions,
): Promise<CatalogRefs> {
  const { catalog, registry, logger } = options;
  const wanted = new Set<string>();
  for (const [values, kind] of [
    [options.services ?? [], 'component'],
    [options.projects ?? [], 'system'],
  ] as const) {
    for (const value of values) {
      const parsed = value === undefined ? undefined : parseRef(value, kind);
      if (parsed) wanted.add(parsed.ref);
    }
  }

  // the entity of each ref: null when the catalog has none the initiator may see
  const found = new Map<string, Entity | null>();
  if (catalog && wanted.size > 0) {
    const entityRefs = [...wanted];
    try {
      const { items } = await catalog.getEntitiesByRefs(
        {
          entityRefs,
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.annotations',
          ],
        },
        { credentials: await options.credentials() },
      );
      entityRefs.forEach((ref, i) => found.set(ref, items[i] ?? null));
    } catch (error) {
      const refs = shown(entityRefs.join(', '));
      const why = shown(errorText(error));
      const fix =
        'give registry ids instead of entity refs (the annotation service-registry.io/service-id of each Component)';
      if (isRefusal(error)) {
        throw new NotAllowedError(
          `The catalog refused to look up ${refs} with your credentials (${why}), so the registry ids the entities stand for are unknown: ${fix}, or ask for read access to these entities. Nothing was written.`,
        );
      }
      throw new ServiceUnavailableError(
        `The catalog could not be read to look up ${refs} (${why}), so the registry ids the entities stand for are unknown: try again, or ${fix}. Nothing was written.`,
      );
    }
  }

  /** The id an entity carries in an annotation, checked as a registry id. */
  function annotated(
    entity: Entity,
    annotation: string,
    parsed: ParsedRef,
    field: string,
  ): string | undefined {
    const value = entity.metadata.annotations?.[annotation];
    if (value === undefined || value.trim() === '') return undefined;
    const id = value.trim();
    if (!SERVICE_ID_PATTERN.test(id)) {
      throw new InputError(
        `${field}: ${shown(
          parsed.ref,
        )} has the annotation ${annotation} ${shown(
          JSON.stringify(value),
        )}, which is no registry id (1 to 63 lowercase letters, digits or "-"): give the registry id instead, and have the entity fixed where it is made (the catalog provider's transformers). Nothing was written.`,
      );
    }
    if (id !== parsed.name) {
      logger.info(
        shown(`${parsed.ref} stands for ${id} of the registry (${annotation})`),
      );
    }
    return id;
  }

  function serviceEntry(
    value: string,
    field: string,
    known: (id: string) => boolean,
  ): { id: string; range?: string } | undefined {
    const parsed = parseRef(value, 'component');
    if (!parsed) return undefined;
    const entity = found.get(parsed.ref);
    if (entity) {
      const id =
        annotated(entity, ANNOTATION_SERVICE_ID, parsed, field) ?? parsed.name;
      return { id, range: parsed.range };
    }
    if (entity === null) {
      if (!known(parsed.name)) {
        const unread = unreadFilesNote(registry, parsed.name);
        throw new InputError(
          `${field}: the catalog has no entity ${shown(
            parsed.ref,
          )} (or none you may see), and the registry declares no service ${shown(
            JSON.stringify(parsed.name),
          )}. Pick the service again in the form, or give its registry id (the annotation service-registry.io/service-id of its Component).${
            unread ? ` Note: ${unread}` : ''
          } Nothing was written.`,
        );
      }
      logger.info(
        shown(
          `${parsed.ref} is not in the catalog (or not visible to you): taken as the registry id ${parsed.name}, a service the registry declares`,
        ),
      );
    }
    return { id: parsed.name, range: parsed.range };
  }

  const declared = (id: string) => registry.services.has(id);
  return {
    service(value, field) {
      const resolved = serviceEntry(value, field, declared);
      if (!resolved) return value;
      if (resolved.range !== undefined) {
        throw new InputError(
          `${field}: ${shown(
            JSON.stringify(value),
          )} names a version range; give the service alone (${
            resolved.id
          }). Nothing was written.`,
        );
      }
      return resolved.id;
    },
    entry(value, field, known = declared) {
      const resolved = serviceEntry(value, field, known);
      if (!resolved) return value;
      return resolved.range === undefined
        ? resolved.id
        : `${resolved.id}@${resolved.range}`;
    },
    project(value) {
      const parsed = parseRef(value, 'system');
      if (!parsed) return value;
      const entity = found.get(parsed.ref);
      if (entity) {
        return (
          annotated(entity, ANNOTATION_PROJECT, parsed, 'project') ??
          parsed.name
        );
      }
      if (entity === null) {
        logger.info(
          shown(
            `${parsed.ref} is not in the catalog (or not visible to you): taken as the project id ${parsed.name}`,
          ),
        );
      }
      return parsed.name;
    },
  };
}
