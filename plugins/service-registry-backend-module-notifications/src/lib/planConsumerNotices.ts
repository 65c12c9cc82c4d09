import { createHash } from 'node:crypto';
import {
  BreakingChange,
  BreakingChangeKind,
  dependencyGraphOf,
  computeDeprecations,
  DeprecationRecord,
  describeSunset,
  diffRegistries,
  getServiceForProject,
  LoadedRegistry,
  migrationTarget,
  overrideProjectOf,
  plural,
} from '@service-registry/plugin-service-registry-common';
import { ConsumerNotice, NoticeRecipient } from './types';

/**
 * What {@link planConsumerNotices} reads.
 *
 * @public
 */
export interface PlanConsumerNoticesOptions {
  /** The registry as it is now. */
  head: LoadedRegistry;
  /** The registry as consumers were last told about it: breaking changes are found against it. */
  base?: LoadedRegistry;
  /** The day, `YYYY-MM-DD`: sunsets are counted from it. */
  today: string;
}

/** The longest name the catalog gives an entity: a longer service id has no entity. */
const ENTITY_NAME_LENGTH = 63;

/**
 * Breaking changes that are not told as such: a retired service's consumers hear of it through
 * its deprecation notice (stage `retired`), a removed dependency is the consumer's own doing,
 * and an unhonoured notice period is a governance matter for the approvers, raised beside the
 * change it concerns.
 */
const UNTOLD_BREAKING_KINDS: ReadonlySet<BreakingChangeKind> = new Set([
  'service-retired',
  'dependency-removed',
  'notice-not-honoured',
]);

const BREAKING_LABELS: Record<BreakingChangeKind, string> = {
  'service-removed': 'removed from the registry',
  'service-retired': 'retired',
  'port-changed': 'port changed',
  'major-version-bump': 'new major version',
  'compat-min-raised': 'minimum compatible version raised',
  'dependency-removed': 'dependency removed',
  'notice-not-honoured': 'notice period not honoured',
};

/**
 * Whether a `major-version-bump` goes back to an earlier major (a revert) rather than up. The
 * diff reports the change only when the compatibility line (the major, or the minor of a 0.x
 * version) differs, so the first release number that differs says which way it goes.
 */
function goesBack(change: BreakingChange, before?: string, after?: string) {
  if (change.kind !== 'major-version-bump' || !before || !after) return false;
  const [from, to] = [before, after].map(v =>
    v.split(/[-+]/)[0].split('.').map(Number),
  );
  const k = from.findIndex((n, i) => n !== to[i]);
  return k >= 0 && to[k] < from[k];
}

/**
 * Everything the owners of consuming services should be told about the registry as it is
 * (`head`), and about how it changed since `base` when given:
 *
 * - one deprecation notice per deprecated (or retired) service that services still depend on,
 *   at its current stage: announced, sunset near (under 30 days), sunset passed, or retired;
 * - one notice per breaking change between `base` and `head` (removed service, changed port,
 *   new major version, raised minimum compatible version), told to the services that depended
 *   on it in `base` and are still declared. A change to a project's override of a global service
 *   is told to that project's consumers only (its services, and its overrides of global
 *   consumers), quoting the project's view (its port, versions); a global change to the consumers
 *   whose view sees it. The services that use it optionally (`dependencies.optional`) get a
 *   notice of their own, titled `(optional dependency)`, saying the change degrades them rather
 *   than breaks them, at `normal` severity (`high` for those that require it).
 *
 * Each notice is addressed per owner: one notice per owner of consumers, naming that owner's
 * services. Notices have stable keys: the same facts give the same key, so a consumer told once
 * is not told again until something it should know changes (a new stage, a new sunset date, a
 * new successor).
 *
 * @param options - the registries and the day
 * @returns the notices, by service then key then owner
 * @public
 */
export function planConsumerNotices(
  options: PlanConsumerNoticesOptions,
): ConsumerNotice[] {
  const { head, base, today } = options;
  const notices: ConsumerNotice[] = [];
  const headGraph = dependencyGraphOf(head);
  for (const record of computeDeprecations(head, headGraph, today)) {
    notices.push(...planDeprecationNotices(record, head, today));
  }
  if (base) {
    const diff = diffRegistries(base, head, { today });
    for (const change of diff.breakingChanges) {
      if (UNTOLD_BREAKING_KINDS.has(change.kind)) continue;
      const project = overrideProjectOf(change);
      notices.push(...breakingNotices(change, project, base, head));
    }
  }
  return notices.sort(
    (a, b) =>
      compare(a.service, b.service) ||
      compare(a.key, b.key) ||
      compare(a.owner ?? '', b.owner ?? ''),
  );
}

type DeprecationStage =
  | 'announced'
  | 'sunset-near'
  | 'sunset-passed'
  | 'retired';

function stageOf(record: DeprecationRecord): DeprecationStage {
  if (record.lifecycle === 'retired') return 'retired';
  if (record.status === 'overdue') return 'sunset-passed';
  if (record.status === 'at-risk') return 'sunset-near';
  return 'announced';
}

/**
 * The deprecation notices of one deprecated (or retired) service at its current stage, one per
 * owner of its consumers in the catalog (see {@link planConsumerNotices}), saying where to migrate
 * as `lifecycle/depends-on-deprecated` does: the live end of the chain of replacements (as the
 * service's project sees it), or to ask its owners when the chain reaches no live service; the
 * live successor itself is told to take over what it still uses the service for.
 *
 * @param record - the service's migration record
 * @param head - the registry it comes from
 * @param today - `YYYY-MM-DD`, the day of the record
 * @public
 */
export function planDeprecationNotices(
  record: DeprecationRecord,
  head: LoadedRegistry,
  today: string,
): ConsumerNotice[] {
  const consumers = [...record.consumers, ...record.optionalConsumers].filter(
    c => isInCatalog(head, c.id),
  );
  if (consumers.length === 0) return [];
  const stage = stageOf(record);
  const replacement = record.replacement?.id;
  const provider = head.services.get(record.service);
  const target = provider
    ? migrationTarget(head, provider, provider.project)
    : undefined;
  const live = target !== undefined && 'live' in target ? target : undefined;
  // a new live successor down the chain (or none left) is news, as a new replacement is
  let successor = replacement ?? 'no-replacement';
  if (target !== undefined && live?.live !== replacement) {
    successor = `${replacement}>${live?.live ?? 'no-live-successor'}`;
  }
  const key = [
    'deprecation',
    record.service,
    stage,
    record.sunsetDate ?? 'no-sunset',
    successor,
  ].join('/');
  const title = {
    announced: `${record.service} is deprecated`,
    'sunset-near': record.daysToSunset
      ? `${record.service} reaches its sunset in ${plural(
          record.daysToSunset,
          'day',
        )}`
      : `${record.service} reaches its sunset today`,
    'sunset-passed': `${record.service} is past its sunset`,
    retired: `${record.service} is retired`,
  }[stage];
  const severity = (
    {
      announced: 'normal',
      'sunset-near': 'high',
      'sunset-passed': 'critical',
      retired: 'critical',
    } as const
  )[stage];
  const what =
    record.lifecycle === 'retired'
      ? 'which is retired'
      : [
          'which is deprecated',
          deprecatedSince(record),
          record.sunsetDate
            ? ` (${describeSunset(record.sunsetDate, today)})`
            : ' (no sunset date announced yet)',
        ].join('');
  const guide = record.guideUrl ? ` Migration guide: ${record.guideUrl}` : '';
  const next = (services: string[]): string => {
    if (target === undefined) return guide;
    if ('none' in target) {
      return ` Its replacement_service ${replacement} is no live service (${target.none}): ask the owners of ${record.service} where to migrate.${guide}`;
    }
    const to =
      target.chain === undefined
        ? target.live
        : `${target.live}, ${target.chain}`;
    if (!services.includes(target.live)) return ` Migrate to ${to}.${guide}`;
    // the successor that still uses the service takes that use over, not migrates to itself
    const others = services.filter(id => id !== target.live);
    const takeOver = ` ${target.live} is its ${
      target.chain === undefined ? 'replacement' : 'live successor'
    }: take over in it what it still uses ${record.service} for.`;
    return `${
      others.length > 0 ? ` Migrate ${listOf(others)} to ${to}.` : ''
    }${takeOver}${guide}`;
  };
  return byOwner(consumers).map(([owner, services]) => ({
    key,
    kind: 'deprecation',
    service: record.service,
    owner,
    consumers: services,
    title,
    description: `${listOf(services)} ${
      services.length === 1 ? 'depends' : 'depend'
    } on ${record.service}, ${what}.${next(services)}`,
    severity,
    link: serviceLink(record.service),
  }));
}

/** ` since 2026-11-01`, ` as of 2027-01-01` (announced for later), or nothing. */
function deprecatedSince(record: DeprecationRecord): string {
  if (!record.deprecationDate) return '';
  return (record.daysSinceDeprecation ?? 0) < 0
    ? ` as of ${record.deprecationDate}`
    : ` since ${record.deprecationDate}`;
}

/**
 * The catalog consumers among some ids, with the owner their notices reach (the service's, else
 * its project's); each once, in order.
 */
function recipientsOf(
  head: LoadedRegistry,
  ids: Iterable<string>,
): NoticeRecipient[] {
  const recipients: NoticeRecipient[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id) || !isInCatalog(head, id)) continue;
    seen.add(id);
    const service = head.services.get(id)!;
    recipients.push({
      id,
      owner: service.owner ?? head.projects.get(service.project ?? '')?.owner,
    });
  }
  return recipients;
}

/**
 * The notices of one breaking change, one per owner of its direct consumers (of those whose range
 * it breaks, for a raised minimum), as the diff scopes them: for a change to a project's override
 * (`project`), that project's consumers only. The consumers that use the service optionally
 * (`optionalConsumers`, and not also told as requiring it) get notices of their own: worded as an
 * optional dependency the change degrades, at a lower severity, under another key.
 */
function breakingNotices(
  change: BreakingChange,
  project: string | undefined,
  base: LoadedRegistry,
  head: LoadedRegistry,
): ConsumerNotice[] {
  const required = recipientsOf(
    head,
    change.kind === 'compat-min-raised'
      ? change.related ?? []
      : change.impact.services.filter(s => s.depth === 1).map(s => s.id),
  );
  const told = new Set(required.map(r => r.id));
  const optional = recipientsOf(
    head,
    change.optionalConsumers.map(c => c.id).filter(id => !told.has(id)),
  );
  const back = goesBack(
    change,
    getServiceForProject(base, change.project, change.service)?.version,
    getServiceForProject(head, change.project, change.service)?.version,
  );
  const label = back
    ? 'back to an earlier major version'
    : BREAKING_LABELS[change.kind];
  const hash = createHash('sha256')
    .update(change.message)
    .digest('hex')
    .slice(0, 16);
  const noticesOf = (
    recipients: NoticeRecipient[],
    optionally: boolean,
  ): ConsumerNotice[] => {
    if (recipients.length === 0) return [];
    const key = [
      'breaking',
      change.service,
      change.kind,
      ...(optionally ? ['optional'] : []),
      hash,
    ].join('/');
    return byOwner(recipients).map(([owner, services]) => ({
      key,
      kind: 'breaking-change',
      service: change.service,
      owner,
      consumers: services,
      title: `Breaking change to ${change.service}${
        project === undefined ? '' : ` in project ${project}`
      }: ${label}${optionally ? ' (optional dependency)' : ''}`,
      description: whatToDo(change, project, base, head, services, optionally),
      severity: optionally ? 'normal' : 'high',
      link: head.services.has(change.service)
        ? serviceLink(change.service)
        : serviceLink(services[0]),
    }));
  };
  return [...noticesOf(required, false), ...noticesOf(optional, true)];
}

/**
 * A breaking change told to the owner of some of its consumers: what changed, what to do. The
 * values quoted are those the consumers see: for a change to a project's override, the project's
 * view of the service before and after (the global value when the override no longer sets it).
 * Consumers that use the service optionally are told that it degrades them rather than breaks
 * them.
 */
function whatToDo(
  change: BreakingChange,
  project: string | undefined,
  base: LoadedRegistry,
  head: LoadedRegistry,
  consumers: string[],
  optional: boolean,
): string {
  const id = change.service;
  const before = getServiceForProject(base, change.project, id);
  const after = getServiceForProject(head, change.project, id);
  const list = listOf(consumers);
  const one = consumers.length === 1;
  const it = one ? 'it' : 'them';
  const depend = one ? 'depends' : 'depend';
  const dependsOnIt = optional
    ? `${one ? 'uses' : 'use'} it optionally`
    : `${depend} on it`;
  const degraded = optional
    ? `, so the change degrades ${it} rather than breaks ${it}`
    : '';
  const subject = project === undefined ? id : `In project ${project}, ${id}`;
  const where =
    project === undefined
      ? ''
      : ` (the project's override in ${change.position.file})`;
  switch (change.kind) {
    case 'major-version-bump':
      return goesBack(change, before?.version, after?.version)
        ? `${subject} goes back from ${before?.version} to ${after?.version}, an earlier major (incompatible) version${where}. ${list} ${dependsOnIt}${degraded}: check ${it} against ${after?.version} and update the version range, or ask the owners of ${id} whether going back is intended.`
        : `${subject} goes from ${before?.version} to ${after?.version}, a major (incompatible) version${where}. ${list} ${dependsOnIt}${degraded}: check ${it} against ${after?.version} and update the version range.`;
    case 'port-changed':
      return `${subject} moves from port ${before?.port} to ${
        after?.port === undefined ? 'no declared port' : `port ${after.port}`
      }${where}. ${list} ${dependsOnIt}${degraded}: update the port ${
        one ? 'it calls' : 'they call'
      } it on.`;
    case 'compat-min-raised':
      return `${subject} now accepts clients from version ${
        after?.compatVersionMin
      } (compat_version_min), past the version range ${list} ${
        one ? 'asks' : 'ask'
      } for${
        optional ? ` in ${one ? 'its' : 'their'} optional dependency` : ''
      }${where}${degraded}: migrate and move the range to >=${
        after?.compatVersionMin
      }.`;
    default:
      return `${subject} was removed from the registry, and ${list} still ${
        optional ? dependsOnIt : `${depend} on it`
      }${degraded}: remove the dependency or move to its successor.`;
  }
}

/** The portal page of a service's catalog entity. */
function serviceLink(id: string): string {
  return `/catalog/default/component/${encodeURIComponent(id)}`;
}

/**
 * Whether the catalog has an entity for a service: declared, not retired, and with an id no
 * longer than an entity name (removed and retired consumers, and ids the loader keeps with a
 * `schema/invalid-id` error past 63 characters, have no entity to reach an owner through).
 *
 * @internal
 */
export function isInCatalog(head: LoadedRegistry, id: string): boolean {
  const service = head.services.get(id);
  return (
    service !== undefined &&
    service.status !== 'retired' &&
    id.length <= ENTITY_NAME_LENGTH
  );
}

/** Consumers grouped by owner (undefined last), each group's ids sorted. */
function byOwner(
  recipients: NoticeRecipient[],
): Array<[string | undefined, string[]]> {
  const groups = new Map<string | undefined, Set<string>>();
  for (const { id, owner } of recipients) {
    const group = groups.get(owner) ?? new Set<string>();
    group.add(id);
    groups.set(owner, group);
  }
  return [...groups]
    .map(([owner, ids]): [string | undefined, string[]] => [
      owner,
      [...ids].sort(compare),
    ])
    .sort(([a], [b]) => {
      if (a === undefined || b === undefined) {
        return Number(a === undefined) - Number(b === undefined);
      }
      return compare(a, b);
    });
}

const LISTED = 5;

/** `a`, `a and b`, `a, b and c`, `a, b, c, d, e and 3 more`. */
function listOf(ids: string[]): string {
  if (ids.length === 1) return ids[0];
  if (ids.length > LISTED) {
    return `${ids.slice(0, LISTED).join(', ')} and ${ids.length - LISTED} more`;
  }
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
