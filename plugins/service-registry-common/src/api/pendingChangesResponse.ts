import { RegistryFinding } from '../model/types';

/**
 * A breaking change a pending change would make, as the pending changes list it.
 *
 * @public
 */
export interface PendingBreakingChange {
  /** What kind of change (`service-removed`, `port-changed`, `major-version-bump`, …). */
  kind: string;
  /** The changed service. */
  service: string;
  /** The service's project; for a change of a project's view of a global service, that project. */
  project?: string;
  /** True for a change of a project's view of an overridden global service. */
  override?: boolean;
  /** What changes, whom it breaks and what to do. */
  message: string;
  /** The projects whose services it affects, sorted. */
  affectedProjects: string[];
  /** The services it affects, directly or transitively. */
  affectedServices: number;
  /**
   * The services that depend on the changed service directly and see the change (those that
   * require it, and those that use it optionally, which it degrades), sorted.
   */
  consumers: string[];
}

/**
 * A registry file one side of a pending change could not read (it does not parse, or is above
 * the size limit), and how the change was compared without it: a file its head cannot read is
 * compared as its base has it (the catalog keeps that version until the file is fixed), a file its
 * base cannot read is taken as the head has it (nothing can be known of what changed in it).
 *
 * @public
 */
export interface PendingUnreadFile {
  /** Which side cannot read it: `base`, where the change leaves the default branch, or its `head`. */
  side: 'base' | 'head';
  /** The file, relative to the registry root. */
  file: string;
  /** Where that side's finding is: the parser's line, 1 for a file not read. */
  line: number;
  /** Where that side's finding is: the parser's column, 1 for a file not read. */
  column: number;
  /**
   * What it means for the comparison, for people ("In base, projects/shop/services.toml:3:7 does
   * not parse: its services shop-api, shop-web are not compared (taken as head has them), …").
   */
  message: string;
}

/**
 * The findings a pending change brings: those of its registry that the registry it starts from
 * did not have (see `introducedFindings`; a finding the change only moved is not one of them).
 *
 * @public
 */
export interface PendingNewFindings {
  /** How many errors it brings. */
  errors: number;
  /** How many warnings it brings. */
  warnings: number;
  /**
   * The first of them, errors first, each at its file, line and column in the change's head (a
   * credential in a path reads `(hidden)`); at most 20, the counts say how many there are.
   */
  listed: RegistryFinding[];
}

/**
 * What a pending change does to the registry, between the commit it starts from and its head:
 * the services it adds, removes and changes, the breaking changes with their impact, and how its
 * registry validates.
 *
 * @public
 */
export interface PendingChangeSummary {
  /** Services only the change's head declares, sorted. */
  added: string[];
  /** Services only its base declares, sorted. */
  removed: string[];
  /** Services whose fields change (a project's view of a global one counts as that service), sorted. */
  changed: string[];
  /** Its breaking changes, by service then kind. */
  breakingChanges: PendingBreakingChange[];
  /** Validation of the change's registry: its errors and warnings, those it had before included. */
  findings: { errors: number; warnings: number };
  /** The errors and warnings the change brings. */
  newFindings: PendingNewFindings;
  /** The files either side could not read, those of base first, each by path; usually none. */
  unreadFiles: PendingUnreadFile[];
}

/**
 * A pending change of the registry: a branch of its repository (named with the configured
 * prefix, as the scaffolder's templates name theirs) that its default branch does not hold yet.
 *
 * @public
 */
export interface PendingChange extends PendingChangeSummary {
  /** The branch (`service-registry/add-payments-api-1a2b3c4d`). */
  branch: string;
  /** The commit the branch points to. */
  commit: string;
  /** Where it left the default branch (their merge base): what it is compared with. */
  base: string;
  /** The head commit's subject line. */
  subject: string;
  /** The head commit's author. */
  author: string;
  /** When the head commit was made (ISO 8601). */
  date: string;
  /** The branch's page on its host, when the repository is on GitHub or GitLab. */
  url?: string;
}

/**
 * A pending change that could not be read (a file too large, a commit without a merge base).
 *
 * @public
 */
export interface UnreadPendingChange {
  /** The branch. */
  branch: string;
  /** Why. */
  message: string;
}

/**
 * The pending changes read from a registry repository, newest first (what a reader of the
 * repository finds; {@link PendingChangesResponse} adds the registry they belong to).
 *
 * @public
 */
export interface RepositoryPendingChanges {
  /** The registry repository (a URL without credentials, or a local repository's path as configured). */
  repository: string;
  /** The branch the changes are compared with. */
  defaultBranch: string;
  /** The prefix of the branches that count as pending changes. */
  branchPrefix: string;
  /** The pending changes, newest head commit first. */
  changes: PendingChange[];
  /** Branches that could not be read, by branch. */
  unread: UnreadPendingChange[];
  /** When the repository was read (ISO 8601). */
  readAt: string;
}

/**
 * `GET /pending-changes`: the pending changes of one registry, newest first.
 *
 * @public
 */
export interface PendingChangesResponse extends RepositoryPendingChanges {
  /** The registry (catalog provider id) whose repository was read. */
  registry: string;
}

/**
 * How a pending change concerns one service (see {@link pendingChangesOfService}).
 *
 * @public
 */
export interface PendingChangeOfService {
  /** The pending change. */
  change: PendingChange;
  /** What it does to the service itself: `added`, `changed` or `removed`, if anything. */
  own?: 'added' | 'changed' | 'removed';
  /** The kinds of its breaking changes of the service, each once. */
  breaks: string[];
  /** The services the service depends on that the change breaks (the service is their consumer), sorted. */
  breaksDependencies: string[];
}
