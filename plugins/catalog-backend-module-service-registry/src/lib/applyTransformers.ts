import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import { followRenamedRefs } from './followRenamedRefs';
import { MappedEntity } from './mapRegistryToEntities';
import { formatDuration, TimeoutError, withTimeout } from './withTimeout';

/**
 * Why the transformers could not be applied: a transformer threw, did not answer in time, or
 * returned an entity the catalog would refuse or that takes another entity's name. The message
 * names the transformer and the entity; the provider applies nothing and keeps the last good
 * state.
 */
export class TransformerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransformerError';
  }
}

/** A transformer as {@link applyTransformers} runs it. */
export type EntityTransform<T extends MappedEntity> = (
  entity: Entity,
  item: T,
) => Entity | undefined | null | Promise<Entity | undefined | null>;

/** Options of {@link applyTransformers}. */
export interface ApplyTransformersOptions {
  /**
   * The run's time limit (ms, the schedule's timeout): a transformer whose promise has not
   * settled by `deadline` fails the run (the scheduler would otherwise wait for it for ever).
   */
  timeoutMs: number;
  /**
   * When the run's time limit is over (ms since the epoch, on the `now` clock): the run's start
   * plus `timeoutMs`, so that reading and loading the registry count too. Defaults to `timeoutMs`
   * from the call.
   */
  deadline?: number;
  /** Refs no transformed entity may take (the provider's status Resource). */
  reservedRefs?: ReadonlySet<string>;
  /** Clock, for tests (ms). */
  now?: () => number;
}

// what the catalog checks of every entity before any processor sees it
const envelope = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

// the catalog's built-in kinds (an entity of another kind is left to the processors an adopter
// installs for it)
const KIND_VALIDATORS: KindValidator[] = [
  componentEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  apiEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
];

/** Why the catalog would refuse an entity, or undefined when it would take it. */
async function refusal(entity: Entity): Promise<string | undefined> {
  try {
    await envelope.enforce(entity);
    for (const validator of KIND_VALIDATORS) {
      if (await validator.check(entity)) break;
    }
    return undefined;
  } catch (error) {
    return String((error as Error).message)
      .replace(/ To learn more.*$/, '')
      .trim();
  }
}

function isPromise<V>(value: unknown): value is PromiseLike<V> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PromiseLike<V>).then === 'function'
  );
}

function safeRef(entity: Entity): string {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return `${entity?.kind ?? '?'} "${entity?.metadata?.name ?? '?'}"`;
  }
}

/**
 * How a transformer is named in messages: by its function name (`function addCostCentre`, or
 * `const addCostCentre = …`), else by its place among the transformers (`#2`).
 */
export function transformerLabel(
  transform: (...args: never[]) => unknown,
  index: number,
): string {
  return transform.name ? `"${transform.name}"` : `#${index + 1}`;
}

/**
 * Runs the transformers over the mapped entities, in the order given, and checks what they
 * return: every entity that comes out must be one the catalog takes (its envelope, field formats
 * and, for the built-in kinds, the kind's schema), unless the mapping made it so already (the
 * registry's error, which `checkEntities` reports), and may not take the ref of another entity of
 * the run or a reserved one. Entities are checked, not only new objects: a transformer may change
 * its input in place. A transformer's `undefined` (or `null`) drops the entity. The relations
 * between the registry's entities then follow the entities the transformers renamed or moved
 * (see `followRenamedRefs`).
 *
 * @throws TransformerError - naming the transformer and the entity, when a transformer throws,
 *   is still running when the run's time limit is over (a promise that has not settled, or a synchronous
 *   call that returned after it), or returns an entity that fails those checks; nothing of the
 *   run can then be emitted safely.
 */
export async function applyTransformers<T extends MappedEntity>(
  items: readonly T[],
  transformers: ReadonlyArray<EntityTransform<T>>,
  options: ApplyTransformersOptions,
): Promise<T[]> {
  if (transformers.length === 0) return [...items];
  const now = options.now ?? Date.now;
  const deadline = options.deadline ?? now() + options.timeoutMs;
  const overTime = (label: string, entity: Entity) =>
    new TransformerError(
      `the entity transformer ${label} was still running on ${safeRef(
        entity,
      )} when the run's time limit was over (${formatDuration(
        options.timeoutMs,
      )}, the schedule's timeout)`,
    );
  /** Who is answerable for an entity: the last transformer that returned a new one. */
  const blame = (by: number | undefined) =>
    by !== undefined
      ? `the entity transformer ${transformerLabel(transformers[by], by)}`
      : `${
          transformers.length === 1
            ? `the entity transformer ${transformerLabel(transformers[0], 0)}`
            : `one of the entity transformers (${transformers
                .map(transformerLabel)
                .join(', ')})`
        }, changing the entity in place,`;

  const out: Array<{
    item: T;
    by: number | undefined;
    originalRef: string;
    originalRefusal: string | undefined;
  }> = [];
  for (const item of items) {
    // what the mapping made, before a transformer can change it (in place too): an entity the
    // catalog refuses as mapped is the registry's error (checkEntities reports it), not theirs
    const originalRef = safeRef(item.entity);
    const originalRefusal = await refusal(item.entity);
    let entity: Entity | undefined = item.entity;
    let by: number | undefined;
    for (let k = 0; k < transformers.length && entity; k++) {
      const before: Entity = entity;
      const label = transformerLabel(transformers[k], k);
      let result: Entity | undefined | null;
      try {
        const returned = transformers[k](before, item);
        if (isPromise<Entity | undefined | null>(returned)) {
          const left = deadline - now();
          if (left <= 0) throw new TimeoutError(options.timeoutMs);
          result = await withTimeout(Promise.resolve(returned), left);
        } else {
          result = returned;
          // a synchronous transformer cannot be stopped, only named once it returns
          if (now() > deadline) throw new TimeoutError(options.timeoutMs);
        }
      } catch (error) {
        if (error instanceof TimeoutError) throw overTime(label, before);
        throw new TransformerError(
          `the entity transformer ${label} failed on ${safeRef(
            before,
          )}: ${stringifyError(error)}`,
        );
      }
      entity = result ?? undefined;
      if (entity && entity !== before) by = k;
    }
    if (!entity) continue;
    out.push({ item: { ...item, entity }, by, originalRef, originalRefusal });
  }

  for (const { item, by, originalRef, originalRefusal } of out) {
    if (originalRefusal !== undefined) continue;
    const reason = await refusal(item.entity);
    if (reason !== undefined) {
      throw new TransformerError(
        `${blame(
          by,
        )} returned for ${originalRef} an entity the catalog would refuse (${reason})`,
      );
    }
  }

  // an entity may not take another one's place
  const refs = new Map<string, number>();
  for (const { item } of out) {
    const ref = safeRef(item.entity);
    refs.set(ref, (refs.get(ref) ?? 0) + 1);
  }
  for (const { item, by, originalRef } of out) {
    const ref = safeRef(item.entity);
    if (ref === originalRef) continue;
    if ((refs.get(ref) ?? 0) > 1 || options.reservedRefs?.has(ref)) {
      throw new TransformerError(
        `${blame(by)} renamed ${originalRef} to ${ref}, which ${
          options.reservedRefs?.has(ref)
            ? "is the provider's status entity"
            : 'another entity of the registry already is'
        }`,
      );
    }
  }
  // the relations between the registry's entities follow them to their new names
  const followed = followRenamedRefs(
    out.map(({ item, originalRef }) => ({ entity: item.entity, originalRef })),
  );
  return out.map(({ item }, index) =>
    followed[index] === item.entity
      ? item
      : { ...item, entity: followed[index] },
  );
}
