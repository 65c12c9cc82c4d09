import { daysBetween } from '../../model/units';
import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { consumerProject, InheritedUse, inheritedUses } from '../edges';
import {
  aboutService,
  listIds,
  makeFinding,
  quoted,
  serviceLabel,
} from '../findings';
import {
  asOverrideFinding,
  OverrideView,
  overrideViews,
} from '../projectViews';
import { runningGraphOf } from '../../graph/runningGraphOf';
import { migrationTarget } from '../successors';
import { ValidationContext } from '../types';

const NONE: readonly OverrideView[] = [];
const NO_USES: readonly InheritedUse[] = [];

/** Days since the sunset of a service that is not retired, when it has passed. */
function overdueDays(service: RegistryService, today: string): number {
  if (service.sunsetDate === undefined || service.status === 'retired') {
    return 0;
  }
  return daysBetween(service.sunsetDate, today);
}

/** Whether a project's view says something else than the global declaration about its sunset. */
function ownSunset(view: RegistryService, global: RegistryService): boolean {
  return (
    view.sunsetDate !== global.sunsetDate ||
    view.status !== global.status ||
    view.replacementService !== global.replacementService
  );
}

/**
 * What the remaining consumers should do: migrate to the replacement (` to "new"`), to the live
 * end of the chain, or to a live successor none names yet; the replacement itself, when it still
 * uses the service, takes over that use rather than migrating to itself.
 */
function whatToDo(
  ctx: ValidationContext,
  service: RegistryService,
  remaining: readonly string[],
): string {
  const target = migrationTarget(ctx.registry, service, service.project);
  if (target === undefined) return 'Migrate them';
  if ('none' in target) {
    return `Migrate them to a live successor (replacement_service ${quoted(
      service.replacementService!,
    )} is none: ${target.none})`;
  }
  const to =
    target.chain === undefined
      ? quoted(target.live)
      : `${quoted(target.live)}, ${target.chain}`;
  if (!remaining.includes(target.live)) return `Migrate them to ${to}`;
  const takeOver = `${quoted(target.live)}, its ${
    target.chain === undefined ? 'replacement' : 'live successor'
  }, what it still uses ${quoted(service.id)} for`;
  const others = remaining.filter(id => id !== target.live);
  return others.length === 0
    ? `Take over in ${takeOver}`
    : `Migrate ${listIds(others)} to ${to} and take over in ${takeOver}`;
}

function finding(
  ctx: ValidationContext,
  service: RegistryService,
  overdue: number,
  consumers: ReadonlySet<string>,
): RegistryFinding {
  const remaining = [...consumers].sort();
  return makeFinding(
    'error',
    'lifecycle/sunset-passed-with-consumers',
    `${serviceLabel(service.id)} is overdue: its sunset_date ${
      service.sunsetDate
    } passed ${overdue} day${overdue === 1 ? '' : 's'} ago and ${
      remaining.length
    } service${remaining.length === 1 ? '' : 's'} still depend${
      remaining.length === 1 ? 's' : ''
    } on it: ${listIds(remaining)}. ${whatToDo(
      ctx,
      service,
      remaining,
    )}, or move sunset_date to a new announced date.`,
    declaredPosition(service, 'sunset_date', 'status', 'replacement_service'),
    aboutService(service),
  );
}

/**
 * `lifecycle/sunset-passed-with-consumers` (error): a service past its `sunset_date` (and not yet
 * retired) that services still depend on; reported on the service, as overdue, listing them and
 * where they should migrate (its `replacement_service`, or the live end of its chain of
 * replacements when that one is deprecated or retired, see `migrationTarget`).
 * Each consumer counts against the declaration its project sees: a project whose override gives
 * the service another sunset, status or replacement has its consumers counted against that
 * override, reported at the override when overdue; the others count against the global
 * declaration. Retired consumers do not count (see `runningGraphOf`): a retired service is no
 * longer using the service, so it is neither listed nor enough to report it; a project whose
 * override retires a global consumer leaves it out of that project's count only.
 *
 * @param ctx - the validation context
 */
export function sunsetPassedWithConsumers(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const running = runningGraphOf(ctx.registry, ctx.graph);
  // the entries project views inherit, by provider: listed once, only when a service is overdue
  let inherited: Map<string, InheritedUse[]> | undefined;
  const inheritedOf = () => {
    if (!inherited) {
      inherited = new Map();
      for (const use of inheritedUses(ctx)) {
        const list = inherited.get(use.edge.to);
        if (list) list.push(use);
        else inherited.set(use.edge.to, [use]);
      }
    }
    return inherited;
  };
  const viewsOf = new Map<string, OverrideView[]>();
  for (const entry of overrideViews(ctx)) {
    const list = viewsOf.get(entry.global.id) ?? [];
    list.push(entry);
    viewsOf.set(entry.global.id, list);
  }
  for (const service of ctx.services) {
    const views = viewsOf.get(service.id);
    const own = views ? views.filter(v => ownSunset(v.view, service)) : NONE;
    const overdue = overdueDays(service, ctx.today);
    if (overdue <= 0 && !own.some(v => overdueDays(v.view, ctx.today) > 0)) {
      continue;
    }
    const separate = new Set(own.map(v => v.project));
    const global = new Set<string>();
    const byProject = new Map(own.map(v => [v.project, new Set<string>()]));
    for (const edge of running.incoming.get(service.id) ?? []) {
      if (edge.from === service.id) continue;
      const project = consumerProject(ctx, edge);
      if (project !== undefined && separate.has(project)) {
        byProject.get(project)!.add(edge.from);
      } else global.add(edge.from);
    }
    for (const use of inheritedOf().get(service.id) ?? NO_USES) {
      if (separate.has(use.project)) {
        byProject.get(use.project)!.add(use.edge.from);
      }
    }
    if (overdue > 0 && global.size > 0) {
      findings.push(finding(ctx, service, overdue, global));
    }
    for (const { project, view } of own) {
      const days = overdueDays(view, ctx.today);
      const consumers = byProject.get(project)!;
      if (days > 0 && consumers.size > 0) {
        findings.push(
          asOverrideFinding(finding(ctx, view, days, consumers), view, project),
        );
      }
    }
  }
  return findings;
}
