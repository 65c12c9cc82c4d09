import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { relationTargetRef } from './relationTargetRef';

/** An entity's `spec`, as JSON. */
type Spec = NonNullable<Entity['spec']>;

/** An entity as the transformers returned it, and its ref as the mapping made it. */
export interface RenamedEntity {
  entity: Entity;
  /** The ref the mapping gave the entity, before any transformer ran. */
  originalRef: string;
}

/**
 * The relation fields of the catalog's built-in kinds, as its own processor reads them, each with
 * the kind a ref without one is of (undefined: the ref must name its kind).
 */
const RELATION_FIELDS: Record<string, Record<string, string | undefined>> = {
  component: {
    owner: 'group',
    system: 'system',
    subcomponentOf: 'component',
    providesApis: 'api',
    consumesApis: 'api',
    dependsOn: undefined,
    dependencyOf: undefined,
  },
  api: { owner: 'group', system: 'system' },
  resource: {
    owner: 'group',
    system: 'system',
    dependsOn: undefined,
    dependencyOf: undefined,
  },
  system: { owner: 'group', domain: 'domain' },
  domain: { owner: 'group', subdomainOf: 'domain', domain: 'domain' },
  group: { parent: 'group', children: 'group', members: 'user' },
  user: { memberOf: 'group' },
};

/** The namespace of a ref, or undefined when it is none (an entity the catalog refuses). */
function namespaceOf(ref: string): string | undefined {
  try {
    return parseEntityRef(ref).namespace;
  } catch {
    return undefined;
  }
}

/** The entity's ref, or undefined when it has none (an entity the catalog refuses). */
function refOf(entity: Entity): string | undefined {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return undefined;
  }
}

/** The catalog compares refs without case. */
const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Points the relations between the registry's own entities at the names the entity transformers
 * gave them. The mapping writes its refs for the names it gives (a consumer's
 * `component:default/<id>` in `spec.dependsOn`, a Component's `spec.system: <project>`, relative to
 * its own namespace); a transformer that renames an entity, or moves it to another namespace, would
 * leave those refs pointing at no entity, or a short ref pointing into the new namespace. So each
 * relation ref of a built-in kind's field is read as the mapping meant it (relative to the
 * entity's namespace before the transformers), and when it names an entity of the run, it is
 * written as that entity's ref after the transformers, in full, unless it already resolves there.
 * A ref the transformers wrote themselves, or that names no entity of the run (another source's,
 * or one a transformer dropped), is kept as it is.
 *
 * @param items - the run's entities after the transformers, with their refs before them
 * @returns the entities, the same objects where no ref changed, else a copy with a new `spec`
 */
export function followRenamedRefs(items: readonly RenamedEntity[]): Entity[] {
  const renamedTo = new Map<string, string>();
  let anyMoved = false;
  for (const { entity, originalRef } of items) {
    const ref = refOf(entity);
    if (ref === undefined) continue;
    renamedTo.set(refKey(originalRef), ref);
    if (refKey(ref) !== refKey(originalRef)) anyMoved = true;
  }
  if (!anyMoved) return items.map(({ entity }) => entity);

  return items.map(({ entity, originalRef }) => {
    const fields =
      RELATION_FIELDS[String(entity.kind).toLocaleLowerCase('en-US')];
    const spec = entity.spec;
    if (!fields || !spec) return entity;
    const originalNamespace = namespaceOf(originalRef);
    if (originalNamespace === undefined) return entity;
    const namespace = entity.metadata?.namespace ?? 'default';

    /** The ref to write for `value`, or undefined to keep it. */
    const follow = (value: unknown, defaultKind: string | undefined) => {
      const target = relationTargetRef(value, defaultKind, originalNamespace);
      const now = target === undefined ? undefined : renamedTo.get(target);
      return now !== undefined &&
        refKey(now) !== relationTargetRef(value, defaultKind, namespace)
        ? now
        : undefined;
    };

    let changed: Spec | undefined;
    for (const [field, defaultKind] of Object.entries(fields)) {
      const value = spec[field];
      if (Array.isArray(value)) {
        const next = value.map(ref => follow(ref, defaultKind) ?? ref);
        if (next.some((ref, index) => ref !== value[index])) {
          (changed ??= {})[field] = next;
        }
      } else {
        const followed = follow(value, defaultKind);
        if (followed !== undefined) (changed ??= {})[field] = followed;
      }
    }
    return changed ? { ...entity, spec: { ...spec, ...changed } } : entity;
  });
}
