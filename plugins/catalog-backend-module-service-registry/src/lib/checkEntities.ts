import {
  Entity,
  FieldFormatEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  escapeControlCharacters,
  RegistryFinding,
  projectEntityRefOf,
} from '@service-registry/plugin-service-registry-common';
import { MappedEntity } from './mapRegistryToEntities';
import { relationTargetRef } from './relationTargetRef';

const fieldFormat = new FieldFormatEntityPolicy();

/** What {@link checkEntities} lets through, and why it left the rest out. */
export interface CheckedEntities<T extends MappedEntity> {
  /** The entities to emit, in the order given. */
  entities: T[];
  /** One error per entity left out, at the declaration it comes from. */
  findings: RegistryFinding[];
}

function where(item: MappedEntity) {
  const source = item.service?.source ?? item.project?.source;
  return {
    file: source?.file ?? item.file ?? '',
    line: source?.line ?? 1,
    column: source?.column ?? 1,
    ...(item.service ? { service: item.service.id } : {}),
    ...(item.project ? { project: item.project.id } : {}),
  };
}

function what(item: MappedEntity) {
  if (item.service) return `service "${item.service.id}"`;
  if (item.project) return `project "${item.project.id}"`;
  return `${item.entity.kind} "${item.entity.metadata.name}"`;
}

/**
 * Whether a Component's `spec.system` names its project's System, `system:default/<id>`: as the
 * mapping writes it (the project's id, read in the Component's namespace), or in full, as the
 * provider writes it for a Component a transformer moved to another namespace.
 */
function namesProjectSystem(entity: Entity, project: string): boolean {
  return (
    entity.spec?.system === project ||
    relationTargetRef(
      entity.spec?.system,
      'system',
      entity.metadata.namespace ?? 'default',
    ) === projectEntityRefOf(project).toLocaleLowerCase('en-US')
  );
}

/**
 * The entity of a service of a project whose System is left out, without `spec.system`: a
 * relation to a System the catalog does not have would show a broken link on the service's page.
 */
function withoutMissingSystem<T extends MappedEntity>(
  item: T,
  projectsLeftOut: ReadonlySet<string>,
): T {
  const project = item.service?.project;
  const spec = item.entity.spec;
  if (
    project === undefined ||
    spec === undefined ||
    !projectsLeftOut.has(project) ||
    !namesProjectSystem(item.entity, project)
  ) {
    return item;
  }
  const { system: _, ...rest } = spec;
  return { ...item, entity: { ...item.entity, spec: rest } };
}

/**
 * Checks the entities of one registry before they are emitted: an entity the catalog would
 * refuse (its own field checks: name, tags, annotations, labels) is left out, and two entities
 * with the same ref (a project named like the System of global services, `sharedSystem`) keep the
 * one a registry file declares. Each entity left out gives an error at its declaration, so the
 * catalog never receives an entity it rejects or one that silently replaces another.
 */
export async function checkEntities<T extends MappedEntity>(
  items: T[],
  options: { sharedSystem: string },
): Promise<CheckedEntities<T>> {
  const findings: RegistryFinding[] = [];
  const byRef = new Map<string, number>();
  const entities: Array<T | undefined> = [];
  // the projects whose System is left out: their services are emitted without a System
  const projectsLeftOut = new Set<string>();
  for (const item of items) {
    try {
      await fieldFormat.enforce(item.entity);
    } catch (error) {
      const reason = String((error as Error).message).replace(
        / To learn more.*$/,
        '',
      );
      const project =
        item.project && item.entity.kind === 'System'
          ? item.project.id
          : undefined;
      if (project !== undefined) projectsLeftOut.add(project);
      findings.push({
        severity: 'error',
        code: 'catalog/invalid-entity',
        // an id the registry reports as invalid (`[service."a\u202eb"]`) is still mapped, and
        // left out here: this message names it, and the catalog's reason quotes it as written
        message: escapeControlCharacters(
          `${what(item)} cannot become a catalog ${
            item.entity.kind
          }, and is left out: ${reason} ${
            reason.includes('metadata.name')
              ? 'Rename it to letters and digits joined by "-" (at most 63 characters).'
              : 'Fix that value in the registry, or in the transformer that sets it.'
          }${
            project === undefined
              ? ''
              : ' Until then its services are in the catalog without a System.'
          }`,
        ),
        ...where(item),
      });
      continue;
    }
    const ref = stringifyEntityRef(item.entity);
    const seen = byRef.get(ref);
    if (seen === undefined) {
      byRef.set(ref, entities.length);
      entities.push(item);
      continue;
    }
    // The System of global services has no declaration of its own: a declared entity wins.
    const first = entities[seen]!;
    const declared = first.service || first.project ? first : item;
    const other = declared === first ? item : first;
    entities[seen] = declared;
    const shared =
      !other.service &&
      !other.project &&
      ref === `system:default/${options.sharedSystem.toLocaleLowerCase()}`;
    findings.push({
      severity: 'error',
      code: 'catalog/duplicate-entity',
      message: shared
        ? `${what(declared)} has the name of the System of global services ("${
            options.sharedSystem
          }"): the catalog gets the project's System, and the global services land in it. Rename the project folder, or set catalog.providers.serviceRegistry.sharedSystem to another name.`
        : `${what(declared)} and ${what(
            other,
          )} both become ${ref}: only the first is emitted. Rename one of them.`,
      ...where(declared),
    });
  }
  const kept = entities.filter((e): e is T => e !== undefined);
  return {
    entities: projectsLeftOut.size
      ? kept.map(item => withoutMissingSystem(item, projectsLeftOut))
      : kept,
    findings,
  };
}
