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
import { MappedEntity } from './mapRegistryToEntities';
import { TimeoutError, withTimeout } from './withTimeout';

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
   * How long all transformers together may take (ms): a transformer whose promise has not
   * settled by then fails the run (the scheduler would otherwise wait for it for ever).
   */
  timeoutMs: number;
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

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
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
 * return: each entity a transformer changed must be one the catalog takes (its envelope, field
 * formats and, for the built-in kinds, the kind's schema) and may not take the ref of another
 * entity of the run or a reserved one. A transformer's `undefined` (or `null`) drops the entity.
 *
 * @throws TransformerError - naming the transformer and the entity, when a transformer throws,
 *   has not answered within `timeoutMs`, or returns an entity that fails those checks; nothing of
 *   the run can then be emitted safely.
 */
export async function applyTransformers<T extends MappedEntity>(
  items: readonly T[],
  transformers: ReadonlyArray<EntityTransform<T>>,
  options: ApplyTransformersOptions,
): Promise<T[]> {
  if (transformers.length === 0) return [...items];
  const now = options.now ?? Date.now;
  const deadline = now() + options.timeoutMs;
  const out: T[] = [];
  // per changed entity: the transformer that last changed it, the entity that transformer was
  // given, and the mapped entity before any transformer
  const changed = new Map<T, { by: number; from: Entity; original: Entity }>();
  for (const item of items) {
    let entity: Entity | undefined = item.entity;
    let lastChange: { by: number; from: Entity } | undefined;
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
        }
      } catch (error) {
        if (error instanceof TimeoutError) {
          throw new TransformerError(
            `the entity transformer ${label} did not finish on ${safeRef(
              before,
            )} within the run's time limit (${formatDuration(
              options.timeoutMs,
            )}, the schedule's timeout)`,
          );
        }
        throw new TransformerError(
          `the entity transformer ${label} failed on ${safeRef(
            before,
          )}: ${stringifyError(error)}`,
        );
      }
      entity = result ?? undefined;
      if (entity && entity !== before) lastChange = { by: k, from: before };
    }
    if (!entity) continue;
    const next = { ...item, entity };
    if (lastChange) changed.set(next, { ...lastChange, original: item.entity });
    out.push(next);
  }

  for (const [item, { by, from }] of changed) {
    const reason = await refusal(item.entity);
    if (reason !== undefined) {
      throw new TransformerError(
        `the entity transformer ${transformerLabel(
          transformers[by],
          by,
        )} returned for ${safeRef(
          from,
        )} an entity the catalog would refuse (${reason})`,
      );
    }
  }

  // a changed entity may not take another one's place
  const refs = new Map<string, number>();
  for (const item of out) {
    const ref = stringifyEntityRef(item.entity);
    refs.set(ref, (refs.get(ref) ?? 0) + 1);
  }
  for (const [item, { by, original }] of changed) {
    const ref = stringifyEntityRef(item.entity);
    if (ref === safeRef(original)) continue;
    if ((refs.get(ref) ?? 0) > 1 || options.reservedRefs?.has(ref)) {
      throw new TransformerError(
        `the entity transformer ${transformerLabel(
          transformers[by],
          by,
        )} renamed ${safeRef(original)} to ${ref}, which ${
          options.reservedRefs?.has(ref)
            ? "is the provider's status entity"
            : 'another entity of the registry already is'
        }`,
      );
    }
  }
  return out;
}
