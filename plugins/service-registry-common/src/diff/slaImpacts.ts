import { servicePosition } from '../validation/findings';
import { getServiceForProject } from '../model/getServiceForProject';
import {
  LoadedRegistry,
  RegistryService,
  SERVICE_TIERS,
  SourcePosition,
} from '../model/types';
import {
  DEPENDENCY_SLA_TARGETS,
  dependencySlaShortfalls,
} from '../sla/dependencySla';
import { describeEffectiveSla, effectiveSlaOf } from '../sla/effectiveSla';
import { isWeakerSlaValue } from '../sla/targets';
import { consumerViewsOf, entriesOn, viewKey } from './consumerViews';
import { compareViews } from './directConsumers';
import {
  DiffContext,
  SlaImpact,
  SlaImpactConsumer,
  SlaWeakening,
} from './types';

/** What got weaker in one declaration (or project view) of a service, before and after. */
interface Weakening {
  /** The weakened targets (keys), then `tier` when it went down. */
  changes: SlaWeakening[];
  /** The keys of the weakened numeric targets (those dropped too). */
  targets: Set<string>;
  /** The keys of the targets that had a value before and have none after. */
  dropped: Set<string>;
}

/** What a dropped target is shown as, after the change. */
const NONE = 'none';

const rank = (service: RegistryService) =>
  service.effectiveTier === undefined
    ? SERVICE_TIERS.length
    : SERVICE_TIERS.indexOf(service.effectiveTier);

/**
 * The targets of {@link DEPENDENCY_SLA_TARGETS} whose effective value gets weaker from `before`
 * to `after`, or that had a value and have none after (the service's `sla` dropped it and its
 * tier's policy gives none: consumers are promised nothing), and the tier when it goes down. A
 * target without a value before is not compared.
 */
function weakeningOf(
  ctx: DiffContext,
  before: RegistryService,
  after: RegistryService,
): Weakening {
  const changes: SlaWeakening[] = [];
  const targets = new Set<string>();
  const dropped = new Set<string>();
  for (const target of DEPENDENCY_SLA_TARGETS) {
    const was = effectiveSlaOf(before, ctx.base.policies, target);
    if (!was) continue;
    const now = effectiveSlaOf(after, ctx.head.policies, target);
    if (now && !isWeakerSlaValue(target, now.value, was.value)) continue;
    targets.add(target.key);
    if (!now) dropped.add(target.key);
    changes.push({
      target: target.key,
      before: describeEffectiveSla(was),
      after: now ? describeEffectiveSla(now) : NONE,
    });
  }
  if (
    targets.size > 0 &&
    before.effectiveTier !== undefined &&
    rank(after) > rank(before)
  ) {
    changes.push({
      target: 'tier',
      before: before.effectiveTier,
      after: after.effectiveTier ?? NONE,
    });
  }
  return { changes, targets, dropped };
}

/**
 * Where a consumer promises more than the service after the change, on the weakened targets: a
 * weaker value (see `dependencySlaShortfalls`), or a dropped target the consumer promises a value
 * of. In target order.
 */
function shortfallsOn(
  ctx: DiffContext,
  consumer: RegistryService,
  after: RegistryService,
  weakening: Weakening,
): SlaImpactConsumer['shortfalls'] {
  const weaker = dependencySlaShortfalls(consumer, after, ctx.head.policies);
  const shortfalls: SlaImpactConsumer['shortfalls'] = [];
  for (const target of DEPENDENCY_SLA_TARGETS) {
    if (!weakening.targets.has(target.key)) continue;
    if (weakening.dropped.has(target.key)) {
      const promised = effectiveSlaOf(consumer, ctx.head.policies, target);
      if (promised) {
        shortfalls.push({
          target: target.key,
          consumer: describeEffectiveSla(promised),
          provider: NONE,
        });
      }
      continue;
    }
    const shortfall = weaker.find(s => s.target === target);
    if (shortfall) {
      shortfalls.push({
        target: target.key,
        consumer: describeEffectiveSla(shortfall.consumer),
        provider: describeEffectiveSla(shortfall.provider),
      });
    }
  }
  return shortfalls;
}

const sameWeakening = (a: Weakening, b: Weakening) =>
  JSON.stringify(a.changes) === JSON.stringify(b.changes);

/** Where a change is: the first weakened key the service writes, else its tier, else its header. */
function positionOf(
  registry: LoadedRegistry,
  id: string,
  project: string | undefined,
  weakening: Weakening,
): SourcePosition {
  const service = getServiceForProject(registry, project, id)!;
  const paths = [...[...weakening.targets].map(t => `sla.${t}`), 'tier', 'sla'];
  const position = servicePosition(service, ...paths);
  // a project's view: at its override (its header when the key is written elsewhere)
  const override =
    project !== undefined
      ? registry.overrides.get(project)?.get(id)
      : undefined;
  if (override && position.file !== override.source.file) {
    return override.source;
  }
  return position;
}

const quoted = (consumer: SlaImpactConsumer) =>
  `"${consumer.id}"${
    consumer.project !== null ? ` in project "${consumer.project}"` : ''
  } (${consumer.shortfalls.map(s => `${s.target} ${s.consumer}`).join(', ')})`;

function messageOf(impact: Omit<SlaImpact, 'message' | 'position'>): string {
  const { service, consumers } = impact;
  const changes = impact.changes
    .map(c => `${c.target} ${c.before} → ${c.after}`)
    .join(', ');
  const count =
    consumers.length === 1 ? '1 consumer' : `${consumers.length} consumers`;
  const text = `The SLA of "${service}" gets weaker (${changes}): ${count} that require${
    consumers.length === 1 ? 's' : ''
  } it promise${
    consumers.length === 1 ? 's' : ''
  } more than it now does: ${consumers
    .map(quoted)
    .join(
      ', ',
    )}. Keep the SLA of "${service}" (or its tier), or have each consumer lower its promise or make the dependency optional with a fallback.`;
  return impact.override ? `In project "${impact.project}": ${text}` : text;
}

/**
 * The SLA impacts of a change to one service present in base and head (see {@link SlaImpact}):
 * each direct consumer that requires it in base and still does in head (a consumer retired on
 * either side does not count, see `runningConsumer`), as the project it is used in sees it, is
 * compared, in head, with the view of the service that project sees, on the
 * targets that view weakens. The consumers of one view are listed together: on the global
 * declaration when the view weakens exactly as the global declaration does, else on the
 * project's view (`override`).
 *
 * @param ctx - the diff context
 * @param id - a service of base and head
 */
export function slaImpactsOf(ctx: DiffContext, id: string): SlaImpact[] {
  const globalBefore = ctx.base.services.get(id);
  const globalAfter = ctx.head.services.get(id);
  if (!globalBefore || !globalAfter || globalAfter.status === 'retired') {
    return [];
  }
  const global = weakeningOf(ctx, globalBefore, globalAfter);
  const own = globalAfter.project;
  // by the project whose view is compared ('' for the global declaration)
  const groups = new Map<string, SlaImpactConsumer[]>();
  const weakenings = new Map<string, Weakening>();
  const seen = new Set<string>();
  for (const view of consumerViewsOf(ctx.head, ctx.headGraph, id)) {
    const key = viewKey(view);
    if (seen.has(key)) continue;
    seen.add(key);
    const consumerView =
      view.project === undefined
        ? { id: view.id }
        : { id: view.id, project: view.project };
    if (entriesOn(ctx.base, consumerView, id).requires.length === 0) continue;
    if (entriesOn(ctx.head, consumerView, id).requires.length === 0) continue;
    const before = getServiceForProject(ctx.base, view.project, id);
    const after = getServiceForProject(ctx.head, view.project, id);
    const consumer = getServiceForProject(ctx.head, view.project, view.id);
    // entriesOn has left out the consumers retired in base or head
    if (!before || !after || !consumer) continue;
    const weakening =
      before === globalBefore && after === globalAfter
        ? global
        : weakeningOf(ctx, before, after);
    if (weakening.targets.size === 0) continue;
    const shortfalls = shortfallsOn(ctx, consumer, after, weakening);
    if (shortfalls.length === 0) continue;
    const group =
      own !== undefined || sameWeakening(weakening, global)
        ? ''
        : view.project ?? '';
    weakenings.set(group, group === '' ? global : weakening);
    const list = groups.get(group) ?? [];
    const entry: SlaImpactConsumer = {
      id: view.id,
      project: view.project ?? null,
      shortfalls,
    };
    if (consumer.owner !== undefined) entry.owner = consumer.owner;
    list.push(entry);
    groups.set(group, list);
  }
  return [...groups.keys()].sort().map(group => {
    const weakening = weakenings.get(group)!;
    const consumers = groups
      .get(group)!
      .sort((a, b) =>
        compareViews(
          { id: a.id, project: a.project ?? undefined },
          { id: b.id, project: b.project ?? undefined },
        ),
      );
    let subject: Pick<SlaImpact, 'project' | 'override'> = {};
    if (group !== '') subject = { project: group, override: true };
    else if (own !== undefined) subject = { project: own };
    const impact: Omit<SlaImpact, 'message' | 'position'> = {
      service: id,
      ...subject,
      changes: weakening.changes,
      consumers,
      affectedProjects: [
        ...new Set(
          consumers.flatMap(c => (c.project !== null ? [c.project] : [])),
        ),
      ].sort(),
    };
    return {
      ...impact,
      message: messageOf(impact),
      position: positionOf(
        ctx.head,
        id,
        group === '' ? undefined : group,
        weakening,
      ),
    };
  });
}
