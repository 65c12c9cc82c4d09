import {
  getServiceForProject,
  LoadedRegistry,
  markdownCell,
  markdownCode,
  markdownCodeCell,
  markdownLinkTarget,
  plural,
  SERVICE_ID_PATTERN,
} from '@service-registry/plugin-service-registry-common';
import { ReportedBreakingChange, ReportedChanges } from './breakingChangesFile';

/** GitHub's limit on an issue's body, in characters; GitLab takes more. Issues stay within it on both. */
export const MAX_ISSUE_CHARACTERS = 65_536;

/**
 * How much an issue lists: consumers, changes and approvers (past them, the others are counted)
 * and the characters of a change's message. The first that fits GitHub's limit is taken.
 */
interface IssueLimits {
  consumers: number;
  changes: number;
  message: number;
  approvers: number;
}

const ISSUE_LIMITS: readonly IssueLimits[] = [
  { consumers: 200, changes: 50, message: Infinity, approvers: 100 },
  { consumers: 50, changes: 10, message: 2_000, approvers: 30 },
  { consumers: 10, changes: 3, message: 500, approvers: 10 },
];

/** A message cut to `max` characters, with an ellipsis. */
function cut(message: string, max: number): string {
  return message.length <= max ? message : `${message.slice(0, max - 1)}…`;
}

/**
 * Breaking changes that no consumer has to act on: `dependency-removed` is the consumer's own
 * change (it no longer requires a service), which its own repository already made.
 */
const NOT_TOLD: ReadonlySet<string> = new Set(['dependency-removed']);

/** A service that depends directly on a changed service, in the project it uses it in. */
export interface IssueConsumer {
  /** The consuming service. */
  id: string;
  /** The project it uses the changed service in; null for a global service. */
  project: string | null;
  /** Its owner, as the report names it. */
  owner?: string;
  /** True when it uses the changed service only through `dependencies.optional`. */
  optional: boolean;
}

/** One issue to open, or to bring up to date, in a consumer's repository. */
export interface ConsumerIssue {
  /**
   * Where: the repository the consumers declare (`repository`), as its host names it (`owner/repo`
   * on GitHub, `group/subgroup/project` on GitLab).
   */
  repository: string;
  /** The changed service. */
  service: string;
  /** Its breaking changes that reach these consumers, as the report lists them. */
  changes: ReportedBreakingChange[];
  /** The kinds of those changes, each once, in the report's order. */
  kinds: string[];
  /** The consumers of the repository those changes reach, by id, then project. */
  consumers: IssueConsumer[];
  /** The issue's title. */
  title: string;
  /** The issue's text, with the marker it is found by on the next run. */
  body: string;
  /** The hidden line the issue is found by: one per changed service. */
  marker: string;
  /**
   * The comment an open issue gets when this run changes its text (an edited description
   * notifies no one): what the breaking changes are now, and for whom.
   */
  updateComment: string;
}

/** Why a consumer reached by a breaking change gets no issue. */
export type UntoldReason = 'no-repository' | 'not-on-host' | 'not-in-registry';

/** A consumer reached by a breaking change that no issue tells. */
export interface UntoldConsumer extends IssueConsumer {
  /** The changed service. */
  service: string;
  /** Why. */
  reason: UntoldReason;
}

/** The issues to open, and the consumers that none can tell. */
export interface ConsumerIssuePlan {
  issues: ConsumerIssue[];
  untold: UntoldConsumer[];
}

/** Which host the issues are opened on, and the change that makes them. */
export interface ConsumerIssueOptions {
  /**
   * The command that opens the issues (`github-issues`), which the issue names, so that its
   * reader knows what keeps it up to date.
   */
  command: string;
  /**
   * The repository a service's `repository` address names on the host the issues are opened on
   * (`owner/repo`, `group/project`), or undefined for an address of another host.
   */
  repositoryOf(address: string): string | undefined;
  /** The address of the registry's change (the commit a workflow runs for), if known. */
  changeUrl?: string;
}

/**
 * The hidden line an issue about the breaking changes of `service` ends with: the next run finds
 * the open issue by it and brings its text up to date rather than opening another.
 */
export function consumerIssueMarker(service: string): string {
  return `<!-- service-registry:breaking-change:${service} -->`;
}

const consumerKey = (c: { id: string; project: string | null }) =>
  `${c.id}\u0000${c.project ?? ''}`;

/**
 * A direct consumer a breaking change reaches. `standIn` marks a project's override of a global
 * consumer that the report folds into the global declaration: it is told only when the override
 * declares a repository of its own.
 */
interface ReachedConsumer extends IssueConsumer {
  standIn?: true;
}

/**
 * The direct consumers a breaking change reaches: those that require it (a global declaration,
 * then the projects' overrides it stands for), then optional ones.
 */
function consumersOf(
  change: ReportedBreakingChange,
  registry: LoadedRegistry,
): ReachedConsumer[] {
  const required: ReachedConsumer[] = [];
  for (const { id, project, owner, depth, overriddenIn } of change.impact
    .services) {
    if (depth !== 1) continue;
    required.push({ id, project, owner, optional: false });
    for (const overriding of overriddenIn ?? []) {
      const view = getServiceForProject(registry, overriding, id);
      required.push({
        id,
        project: overriding,
        owner: view?.effectiveOwner ?? owner,
        optional: false,
        standIn: true,
      });
    }
  }
  const optional = change.optionalConsumers.map(({ id, project, owner }) => ({
    id,
    project,
    owner,
    optional: true,
  }));
  return [...required, ...optional];
}

/** The cells of a consumer's row: `` `pa-api` | `project-a` | requires it | `team-a` ``. */
function describeConsumer(c: IssueConsumer): string {
  return `${markdownCodeCell(c.id)} | ${
    c.project === null ? 'global' : markdownCodeCell(c.project)
  } | ${
    c.optional ? 'optionally (degrades, does not break)' : 'requires it'
  } | ${c.owner ? markdownCodeCell(c.owner) : '—'}`;
}

/** The kinds of the changes, each once, in the report's order. */
function kindsOf(changes: readonly ReportedBreakingChange[]): string[] {
  return [...new Set(changes.map(c => c.kind))];
}

/** The migration guide as a link (an http(s) address) or as code (anything else). */
function guideText(guide: string): string {
  return /^https?:\/\//i.test(guide)
    ? `[${markdownCell(guide)}](${markdownLinkTarget(guide)})`
    : markdownCode(guide);
}

/** What the issue says: who is reached, what changes, what to do, and where the change is. */
function renderIssue(
  service: string,
  changes: readonly ReportedBreakingChange[],
  consumers: readonly IssueConsumer[],
  report: Pick<ReportedChanges, 'base' | 'head'>,
  options: ConsumerIssueOptions,
  limits: IssueLimits,
): string {
  const lines = [
    `The service registry has ${plural(
      changes.length,
      'breaking change',
    )} of ${markdownCode(service)} that ${
      consumers.length === 1
        ? 'a service of this repository uses'
        : 'services of this repository use'
    } (${markdownCode(report.base)} → ${markdownCode(report.head)}).`,
    '',
    '| service | project | uses it | owner |',
    '| --- | --- | --- | --- |',
    ...consumers
      .slice(0, limits.consumers)
      .map(c => `| ${describeConsumer(c)} |`),
  ];
  if (consumers.length > limits.consumers) {
    lines.push(
      '',
      `… and ${plural(consumers.length - limits.consumers, 'more service')}.`,
    );
  }
  lines.push('', '### What changes', '');
  for (const change of changes.slice(0, limits.changes)) {
    const where =
      change.override && change.project
        ? ` (in project ${markdownCode(change.project)}'s override)`
        : '';
    lines.push(
      `- ${markdownCode(change.kind)}${where}: ${markdownCell(
        cut(change.message, limits.message),
      )}`,
    );
  }
  if (changes.length > limits.changes) {
    lines.push(`- … and ${changes.length - limits.changes} more.`);
  }
  lines.push('', '### What to do', '');
  const guides = [
    ...new Set(
      changes.flatMap(c => (c.migrationGuide ? [c.migrationGuide] : [])),
    ),
  ];
  lines.push(
    guides.length > 0
      ? `- Migrate as the migration guide says: ${guides
          .map(guideText)
          .join(', ')}.`
      : `- ${markdownCode(
          service,
        )} names no migration guide (\`migration.guide_url\`): ask its owners how to move.`,
  );
  const approvers = [...new Set(changes.flatMap(c => c.approvers))];
  if (approvers.length > 0) {
    lines.push(
      `- Who approves the change: ${approvers
        .slice(0, limits.approvers)
        .map(markdownCode)
        .join(', ')}${
        approvers.length > limits.approvers
          ? ` and ${approvers.length - limits.approvers} more`
          : ''
      }.`,
    );
  }
  if (options.changeUrl) {
    lines.push(`- The registry's change: ${options.changeUrl}`);
  }
  lines.push(
    '',
    `_Opened by \`service-registry ${
      options.command
    }\`; its next run for a breaking change of ${markdownCode(
      service,
    )} brings this issue up to date while it is open._`,
    '',
    consumerIssueMarker(service),
    '',
  );
  return lines.join('\n');
}

/** Consumers a comment names; past them, the others are counted. */
const COMMENT_CONSUMERS = 10;

/** The comment on an issue whose text a run changes (see {@link ConsumerIssue.updateComment}). */
function renderUpdateComment(
  service: string,
  kinds: readonly string[],
  consumers: readonly IssueConsumer[],
  options: ConsumerIssueOptions,
): string {
  const ids = [...new Set(consumers.map(c => c.id))];
  const more = ids.length - COMMENT_CONSUMERS;
  return [
    `This issue is brought up to date${
      options.changeUrl
        ? ` with the registry's change ${options.changeUrl}`
        : ''
    }: the breaking changes of ${markdownCode(
      service,
    )} that reach this repository are now ${kinds
      .map(markdownCode)
      .join(', ')}, for ${ids
      .slice(0, COMMENT_CONSUMERS)
      .map(markdownCode)
      .join(', ')}${more > 0 ? ` and ${plural(more, 'more service')}` : ''}.`,
    '',
    "The description above says what changes and what to do; its earlier text is in the issue's edit history.",
    '',
  ].join('\n');
}

/**
 * The issue's text with as much listed as GitHub takes (see {@link ISSUE_LIMITS}): the smallest
 * limits keep at most 10 consumers, 3 changes of 500 characters and 10 approvers, far below it.
 */
function fittedIssue(
  ...args: [
    string,
    readonly ReportedBreakingChange[],
    readonly IssueConsumer[],
    Pick<ReportedChanges, 'base' | 'head'>,
    ConsumerIssueOptions,
  ]
): string {
  let body = '';
  for (const limits of ISSUE_LIMITS) {
    body = renderIssue(...args, limits);
    if (body.length <= MAX_ISSUE_CHARACTERS) break;
  }
  return body;
}

/**
 * The issues that tell the repositories of the services a breaking change reaches directly: one
 * issue per repository and changed service, listing its consumers there (those that require it,
 * and those that use it optionally, which it degrades), the changes with their messages, the
 * migration guide and the approvers. A consumer's repository is its `repository` as the registry
 * declares it (a project's view of an overridden global service, for the project it is used in;
 * an override the report's global declaration stands for is told too when it declares a
 * repository of its own); a consumer without one, with one on another host, or that the registry
 * does not declare (its id hidden, the registry read is not the report's head) is untold. Transitive consumers are not
 * told: they depend on a consumer, which is. `dependency-removed` is a consumer's own change and
 * tells no one; a changed service whose id the report hides is told to no one.
 *
 * @param report - the breaking changes of the JSON report of `diff`
 * @param registry - head's registry, which declares the consumers' repositories
 */
export function planConsumerIssues(
  report: ReportedChanges,
  registry: LoadedRegistry,
  options: ConsumerIssueOptions,
): ConsumerIssuePlan {
  // by changed service, then repository: its changes and consumers there
  const byService = new Map<
    string,
    Map<
      string,
      {
        repository: string;
        changes: Set<ReportedBreakingChange>;
        consumers: Map<string, IssueConsumer>;
      }
    >
  >();
  const untold = new Map<string, UntoldConsumer>();
  for (const change of report.breakingChanges) {
    if (NOT_TOLD.has(change.kind) || !SERVICE_ID_PATTERN.test(change.service)) {
      continue;
    }
    for (const { standIn, ...consumer } of consumersOf(change, registry)) {
      const declared = getServiceForProject(
        registry,
        consumer.project ?? undefined,
        consumer.id,
      );
      let reason: UntoldReason | undefined;
      let repository: string | undefined;
      if (!declared) reason = 'not-in-registry';
      else if (!declared.repository) reason = 'no-repository';
      else {
        repository = options.repositoryOf(declared.repository);
        if (!repository) reason = 'not-on-host';
      }
      if (standIn) {
        // told through the global declaration, unless the override names another repository
        const own = declared?.repository;
        const global = registry.services.get(consumer.id)?.repository;
        const globalRepository =
          global === undefined ? undefined : options.repositoryOf(global);
        if (
          own === undefined ||
          own === global ||
          (repository !== undefined &&
            repository.toLowerCase() === globalRepository?.toLowerCase())
        ) {
          continue;
        }
      }
      const key = `${change.service}\u0000${consumerKey(consumer)}`;
      if (!repository) {
        const known = untold.get(key);
        untold.set(key, {
          ...consumer,
          optional: consumer.optional && (known?.optional ?? true),
          service: change.service,
          reason: reason!,
        });
        continue;
      }
      const repositories = byService.get(change.service) ?? new Map();
      byService.set(change.service, repositories);
      // hosts compare repository paths without case
      const name = repository.toLowerCase();
      const group = repositories.get(name) ?? {
        repository,
        changes: new Set(),
        consumers: new Map(),
      };
      repositories.set(name, group);
      group.changes.add(change);
      const known = group.consumers.get(consumerKey(consumer));
      // required through one change and optional through another: it requires the service
      group.consumers.set(consumerKey(consumer), {
        ...consumer,
        optional: consumer.optional && (known?.optional ?? true),
      });
    }
  }
  const byConsumer = (a: IssueConsumer, b: IssueConsumer) =>
    a.id.localeCompare(b.id) ||
    (a.project ?? '').localeCompare(b.project ?? '');
  const issues: ConsumerIssue[] = [];
  for (const [service, repositories] of [...byService].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    for (const [, group] of [...repositories].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      // in the report's order
      const changes = report.breakingChanges.filter(c => group.changes.has(c));
      const consumers = [...group.consumers.values()].sort(byConsumer);
      const kinds = kindsOf(changes);
      issues.push({
        repository: group.repository,
        service,
        changes,
        consumers,
        kinds,
        title: `Breaking change of ${service}: ${kinds.join(', ')}`,
        body: fittedIssue(service, changes, consumers, report, options),
        marker: consumerIssueMarker(service),
        updateComment: renderUpdateComment(service, kinds, consumers, options),
      });
    }
  }
  return {
    issues,
    untold: [...untold.values()].sort(
      (a, b) => a.service.localeCompare(b.service) || byConsumer(a, b),
    ),
  };
}
