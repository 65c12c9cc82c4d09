import { runningGraphOf } from '../graph/runningGraphOf';
import { DependencyEdge, DependencyGraph } from '../graph/types';
import { getServiceForProject } from '../model/getServiceForProject';
import { LoadedRegistry, RegistryService } from '../model/types';
import { daysBetween } from '../model/units';
import { describeSunset, resolveToday } from '../validation/dates';
import { migrationTarget } from '../validation/successors';
import { migrationHint } from './migrationHint';
import {
  AT_RISK_DAYS,
  DEPRECATED_STATUS_ORDER,
  DeprecatedDependency,
  DeprecationConsumer,
  DeprecationCounts,
  DeprecationRecord,
  DeprecationStatus,
  DEPRECATION_STATUSES,
  ReplacementInfo,
} from './types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A deprecated service's replacement and where to migrate, as a project sees them: the
 * replacement's own view in that project (its override), and the live end of the chain from there.
 *
 * @param service - the deprecated service as that project sees it
 * @param project - the project whose view counts; by default the service's own
 */
function replacementOf(
  registry: LoadedRegistry,
  service: RegistryService,
  project: string | undefined = service.project,
): ReplacementInfo | undefined {
  const id = service.replacementService;
  if (id === undefined) return undefined;
  const replacement = getServiceForProject(registry, project, id);
  const target = migrationTarget(registry, service, project);
  return {
    id,
    exists: replacement !== undefined,
    ...(target !== undefined && 'live' in target
      ? { migrateTo: target.live }
      : {}),
    ...(replacement
      ? { name: replacement.name, status: replacement.status }
      : {}),
    deprecated: replacement?.status === 'deprecated',
    retired: replacement?.status === 'retired',
  };
}

function consumersOf(
  registry: LoadedRegistry,
  graph: DependencyGraph,
  id: string,
): DeprecationConsumer[] {
  const byConsumer = new Map<string, DependencyEdge[]>();
  for (const edge of graph.incoming.get(id) ?? []) {
    if (edge.from === id) continue;
    const edges = byConsumer.get(edge.from);
    if (edges) edges.push(edge);
    else byConsumer.set(edge.from, [edge]);
  }
  return [...byConsumer.keys()].sort().map(from => {
    const edges = byConsumer.get(from)!;
    const service = registry.services.get(from);
    const required = edges.find(e => !e.optional);
    const direct = edges.find(e => e.viaProject === undefined);
    const project = direct
      ? service?.project ?? null
      : edges[0].viaProject ?? null;
    const owner =
      service?.owner ??
      (project !== null ? registry.projects.get(project)?.owner : undefined);
    const range = (required ?? edges[0]).range;
    const consumer: DeprecationConsumer = {
      id: from,
      name: service?.name ?? from,
      project,
      optional: required === undefined,
    };
    if (owner !== undefined) consumer.owner = owner;
    if (service?.status !== undefined) consumer.status = service.status;
    if (service?.effectiveTier !== undefined) {
      consumer.tier = service.effectiveTier;
    }
    if (range !== undefined) consumer.range = range;
    return consumer;
  });
}

function statusOf(
  lifecycle: 'deprecated' | 'retired',
  remaining: number,
  daysToSunset: number | undefined,
): DeprecationStatus {
  if (remaining === 0) return 'done';
  if (lifecycle === 'retired') return 'overdue';
  if (daysToSunset === undefined) return 'no-sunset';
  if (daysToSunset < 0) return 'overdue';
  return daysToSunset < AT_RISK_DAYS ? 'at-risk' : 'on-track';
}

/**
 * ` Consumers should migrate to …` for a record with consumers left: to the live successor the
 * service's own project sees (the successor itself, when it still uses the service, takes that use
 * over), or, when its chain of replacements reaches no live service, to ask its owners.
 */
function migrateAdvice(
  registry: LoadedRegistry,
  provider: RegistryService,
  record: Omit<DeprecationRecord, 'message'>,
): string {
  const target = migrationTarget(registry, provider, provider.project);
  if (target === undefined) return '';
  if ('none' in target) {
    return ` Its replacement_service "${provider.replacementService}" is no live service (${target.none}): ask the owners of "${provider.id}" where to migrate.`;
  }
  const to =
    target.chain === undefined
      ? `"${target.live}"`
      : `"${target.live}", ${target.chain}`;
  const consumers = [...record.consumers, ...record.optionalConsumers];
  const takesOver = consumers.some(c => c.id === target.live)
    ? `; "${target.live}" itself takes over what it still uses "${provider.id}" for`
    : '';
  return ` Consumers should migrate to ${to}${takesOver}.`;
}

function messageOf(
  registry: LoadedRegistry,
  provider: RegistryService,
  record: Omit<DeprecationRecord, 'message'>,
  today: string,
) {
  const { service, status, remainingConsumers: n } = record;
  const depend = `${plural(n, 'service')} still depend${
    n === 1 ? 's' : ''
  } on it`;
  const sunset = record.sunsetDate
    ? describeSunset(record.sunsetDate, today)
    : undefined;
  const migrate = n > 0 ? migrateAdvice(registry, provider, record) : '';
  switch (status) {
    case 'done':
      return `${service} has no consumers left: it can be retired.`;
    case 'overdue':
      return record.lifecycle === 'retired'
        ? `${service} is retired but ${depend}.${migrate}`
        : `${service} is overdue: ${sunset}, and ${depend}.${migrate}`;
    case 'at-risk':
      return `${service} is at risk: ${sunset}, and ${depend}.${migrate}`;
    case 'on-track':
      return `${service} is on track: ${sunset}; ${depend}.${migrate}`;
    default:
      return `${service} is deprecated without a sunset date and ${depend}: announce a sunset_date.${migrate}`;
  }
}

function recordOf(
  registry: LoadedRegistry,
  graph: DependencyGraph,
  service: RegistryService,
  today: string,
): DeprecationRecord {
  const lifecycle = service.status === 'retired' ? 'retired' : 'deprecated';
  // a consumer that retired has migrated: it consumes nothing
  const all = consumersOf(
    registry,
    runningGraphOf(registry, graph),
    service.id,
  );
  const consumers = all.filter(c => !c.optional);
  const optionalConsumers = all.filter(c => c.optional);
  const remaining = all.length;
  const daysToSunset = service.sunsetDate
    ? daysBetween(today, service.sunsetDate)
    : undefined;
  const hours = service.migration?.estimatedEffortHours;
  const partial: Omit<DeprecationRecord, 'message'> = {
    service: service.id,
    name: service.name,
    project: service.project ?? null,
    owner: service.owner,
    tier: service.effectiveTier,
    lifecycle,
    deprecationDate: service.deprecationDate,
    sunsetDate: service.sunsetDate,
    supportUntil: service.migration?.supportUntil,
    daysToSunset,
    daysSinceDeprecation: service.deprecationDate
      ? daysBetween(service.deprecationDate, today)
      : undefined,
    replacement: replacementOf(registry, service),
    guideUrl: service.migration?.guideUrl,
    difficulty: service.migration?.migrationDifficulty,
    effortHoursPerConsumer: hours,
    consumers,
    optionalConsumers,
    projects: [
      ...new Set(all.flatMap(c => (c.project === null ? [] : [c.project]))),
    ].sort(),
    remainingConsumers: remaining,
    remainingEffortHours: hours === undefined ? undefined : remaining * hours,
    status: statusOf(lifecycle, remaining, daysToSunset),
  };
  return { ...partial, message: messageOf(registry, service, partial, today) };
}

function urgency(a: DeprecationRecord, b: DeprecationRecord): number {
  const byStatus =
    DEPRECATED_STATUS_ORDER[a.status] - DEPRECATED_STATUS_ORDER[b.status];
  if (byStatus !== 0) return byStatus;
  const days = (r: DeprecationRecord) => r.daysToSunset ?? Infinity;
  if (days(a) !== days(b)) return days(a) < days(b) ? -1 : 1;
  if (a.service === b.service) return 0;
  return a.service < b.service ? -1 : 1;
}

/**
 * The migration off every deprecated service, and off every retired service that still has
 * consumers: dates, days to the sunset, the replacement (whether it exists, whether it is itself
 * deprecated), the migration guide, the consumers left from the dependency graph (required and
 * optional apart, each with project and owner; a retired consumer is none, see `runningGraphOf`),
 * the remaining effort (consumers left × `estimated_effort_hours`) and the status. Sorted the most
 * urgent first: by status (overdue, at-risk, no-sunset, on-track, done), then by sunset date, then
 * by id.
 *
 * @param registry - the loaded registry
 * @param graph - its dependency graph
 * @param today - the day days are counted from, `YYYY-MM-DD`
 * @throws TypeError when `today` is not a `YYYY-MM-DD` date
 * @public
 */
export function computeDeprecations(
  registry: LoadedRegistry,
  graph: DependencyGraph,
  today: string,
): DeprecationRecord[] {
  const day = resolveToday(today);
  const records: DeprecationRecord[] = [];
  for (const service of registry.services.values()) {
    if (service.status === 'deprecated') {
      records.push(recordOf(registry, graph, service, day));
    } else if (service.status === 'retired') {
      const record = recordOf(registry, graph, service, day);
      if (record.remainingConsumers > 0) records.push(record);
    }
  }
  return records.sort(urgency);
}

/**
 * The migration record of one deprecated or retired service, even when a retired one has no
 * consumers left (status `done`); undefined when the service is neither deprecated nor retired.
 *
 * @param registry - the loaded registry
 * @param graph - its dependency graph
 * @param serviceId - the service
 * @param today - `YYYY-MM-DD`
 * @public
 */
export function computeDeprecation(
  registry: LoadedRegistry,
  graph: DependencyGraph,
  serviceId: string,
  today: string,
): DeprecationRecord | undefined {
  const service = registry.services.get(serviceId);
  if (service?.status !== 'deprecated' && service?.status !== 'retired') {
    return undefined;
  }
  return recordOf(registry, graph, service, resolveToday(today));
}

/**
 * Counts deprecation records by status.
 *
 * @param records - records from {@link computeDeprecations}
 * @public
 */
export function countDeprecations(
  records: readonly DeprecationRecord[],
): DeprecationCounts {
  const counts = { total: records.length } as DeprecationCounts;
  for (const status of DEPRECATION_STATUSES) counts[status] = 0;
  for (const record of records) counts[record.status] += 1;
  return counts;
}

/**
 * The deprecated or retired provider as the consumer's project sees it (its override, which may
 * name another replacement), as `lifecycle/depends-on-*` reads it; the declaration when the
 * project's view is live.
 */
function deadAsSeen(
  registry: LoadedRegistry,
  project: string | undefined,
  provider: RegistryService,
): RegistryService {
  const seen = getServiceForProject(registry, project, provider.id);
  return seen && (seen.status === 'deprecated' || seen.status === 'retired')
    ? seen
    : provider;
}

/**
 * For a consumer: each deprecated or retired service it depends on (required or optional, its
 * project overrides included), with the replacement, the sunset date and the days left, and what
 * to do; errors (retired, or sunset passed) first, then by sunset date, then by id.
 *
 * @param registry - the loaded registry
 * @param graph - its dependency graph
 * @param serviceId - the consumer
 * @param today - `YYYY-MM-DD`
 * @public
 */
export function deprecatedDependenciesOf(
  registry: LoadedRegistry,
  graph: DependencyGraph,
  serviceId: string,
  today: string,
): DeprecatedDependency[] {
  const day = resolveToday(today);
  const byProvider = new Map<string, DependencyEdge[]>();
  for (const edge of graph.outgoing.get(serviceId) ?? []) {
    const provider = registry.services.get(edge.to);
    if (edge.to === serviceId || !provider) continue;
    if (provider.status !== 'deprecated' && provider.status !== 'retired') {
      continue;
    }
    const edges = byProvider.get(edge.to);
    if (edges) edges.push(edge);
    else byProvider.set(edge.to, [edge]);
  }
  const result = [...byProvider].map(([id, edges]) => {
    const provider = registry.services.get(id)!;
    const record = recordOf(registry, graph, provider, day);
    const required = edges.find(e => !e.optional);
    const edge = required ?? edges[0];
    const direct = edges.some(e => e.viaProject === undefined);
    // the project whose view of the successors counts: the consumer's, or the overriding one's
    const consumerProject = direct
      ? registry.services.get(serviceId)?.project
      : edge.viaProject;
    const seen = deadAsSeen(registry, consumerProject, provider);
    const retired = record.lifecycle === 'retired';
    const when = provider.sunsetDate
      ? describeSunset(provider.sunsetDate, day)
      : 'no sunset date announced yet';
    const what = retired ? 'which is retired' : `which is deprecated (${when})`;
    const dependency: DeprecatedDependency = {
      service: id,
      name: provider.name,
      lifecycle: record.lifecycle,
      optional: required === undefined,
      deprecationDate: record.deprecationDate,
      sunsetDate: record.sunsetDate,
      daysToSunset: record.daysToSunset,
      // the replacement the consumer's project gives the service, as the message names it
      replacement: replacementOf(registry, seen, consumerProject),
      guideUrl: record.guideUrl,
      difficulty: record.difficulty,
      effortHours: record.effortHoursPerConsumer,
      status: record.status,
      severity: retired || (record.daysToSunset ?? 0) < 0 ? 'error' : 'warning',
      message: `${serviceId} ${
        required ? 'requires' : 'optionally uses'
      } "${id}", ${what}: ${migrationHint(
        registry,
        seen,
        consumerProject,
        serviceId,
      )}.`,
    };
    if (edge.range !== undefined) dependency.range = edge.range;
    if (!direct && edge.viaProject !== undefined) {
      dependency.viaProject = edge.viaProject;
    }
    return dependency;
  });
  return result.sort((a, b) => {
    if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
    const days = (d: DeprecatedDependency) => d.daysToSunset ?? Infinity;
    if (days(a) !== days(b)) return days(a) < days(b) ? -1 : 1;
    if (a.service === b.service) return 0;
    return a.service < b.service ? -1 : 1;
  });
}
