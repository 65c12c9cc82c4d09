import { getServiceForProject } from '../model/getServiceForProject';
import { LoadedRegistry } from '../model/types';
import { ConsumerView } from './consumerViews';
import { compareViews, directConsumers } from './directConsumers';
import { BreakingChangeKind, DiffContext, OptionalConsumer } from './types';

/**
 * A consumer view as a breaking change lists it among its optional consumers, with its owner as
 * `registry` declares it (its project's view for an overridden global service).
 *
 * @param registry - the registry the owner is read from (head)
 * @param view - the consumer and the project it is used in
 */
export function toOptionalConsumer(
  registry: LoadedRegistry,
  view: ConsumerView,
): OptionalConsumer {
  const owner = getServiceForProject(
    registry,
    view.project,
    view.id,
  )?.effectiveOwner;
  return {
    id: view.id,
    project: view.project ?? null,
    ...(owner !== undefined ? { owner } : {}),
  };
}

/**
 * The optional consumers a change of some kinds to a service reaches: the direct consumers (see
 * {@link directConsumers}) that use it through `dependencies.optional` before or after the change
 * (and depend on it both before and after); by id, the global declaration first.
 *
 * @param ctx - the diff context
 * @param id - the changed service
 * @param kinds - the kinds of the change
 */
export function optionalConsumers(
  ctx: DiffContext,
  id: string,
  kinds: readonly BreakingChangeKind[],
): OptionalConsumer[] {
  return directConsumers(ctx, id, kinds)
    .filter(consumer => consumer.optional)
    .map(consumer => toOptionalConsumer(ctx.head, consumer));
}

/**
 * The optional consumers of several breaking changes of one service, each view once; by id, the
 * global declaration first.
 *
 * @param lists - the changes' optional consumers
 */
export function mergeOptionalConsumers(
  lists: ReadonlyArray<readonly OptionalConsumer[]>,
): OptionalConsumer[] {
  const byView = new Map<string, OptionalConsumer>();
  for (const list of lists) {
    for (const consumer of list) {
      byView.set(`${consumer.id}\u0000${consumer.project ?? ''}`, consumer);
    }
  }
  const project = (c: OptionalConsumer) => c.project ?? undefined;
  return [...byView.values()].sort((a, b) =>
    compareViews(
      { id: a.id, project: project(a) },
      { id: b.id, project: project(b) },
    ),
  );
}
