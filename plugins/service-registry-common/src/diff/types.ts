import { DependencyGraph, ImpactReport } from '../graph/types';
import { LoadedRegistry, SourcePosition } from '../model/types';

/**
 * Options of {@link diffRegistries}.
 *
 * @public
 */
export interface DiffOptions {
  /** The day notice periods are measured to, `YYYY-MM-DD` (default: today, UTC). */
  today?: string;
}

/**
 * One changed field of a service. Values are JSON-safe (TOML dates become `YYYY-MM-DD`);
 * values of secret-looking keys are replaced by `"(hidden)"`. `before` is absent for an added
 * field, `after` for a removed one.
 *
 * @public
 */
export interface FieldChange {
  /** Dotted path relative to the service (`sla.availability`, `dependencies.requires`). */
  path: string;
  /** The value in base. */
  before?: unknown;
  /** The value in head. */
  after?: unknown;
}

/**
 * The field changes of a service present in both registries, or of a project's view of a global
 * service it overrides (`override`: the global declaration merged with the project's override).
 *
 * @public
 */
export interface ServiceChange {
  /** The service. */
  service: string;
  /** Its project in head, if any; for an override, the project whose view changed. */
  project?: string;
  /**
   * True for a change of a project's view of an overridden global service: only the changes the
   * global declaration does not make too (those are listed once, on the global service).
   */
  override?: boolean;
  /** The changed fields, by path. */
  changes: FieldChange[];
}

/**
 * A changed key of the policies (`policies/*.toml`, merged as validation reads them):
 * `[sla.<tier>]`, `[change_control]`, `[security]`, `[compliance]` and any other policy table.
 * These are the rules every change is judged by, so a change of them is listed, with its values,
 * and needs the approval of `change_control.breaking_changes_require` (see
 * {@link ApprovalReasonKind}). Values are JSON-safe and secret-looking ones hidden, as in
 * {@link FieldChange}.
 *
 * @public
 */
export interface PolicyChange extends FieldChange {
  /** Where the key is written: in head, in base for a removed key (its nearest written table otherwise). */
  position: SourcePosition;
}

/**
 * The changed fields of a project's declaration (`[project]` or `[project-specific.<id>]` of
 * `projects/<id>/services.toml`) in a project both registries have: `name`, `description`,
 * `environment`, `tier`, `owner` and any other key. A project only head (or only base) has is not
 * listed: its services are added (or removed).
 *
 * @public
 */
export interface ProjectChange {
  /** The project. */
  project: string;
  /** The changed fields, by path. */
  changes: FieldChange[];
  /**
   * When `tier` changed: the project's services (in head) that declare no tier of their own and so
   * take the project's, whose tier and tier policy change with it; sorted. Empty otherwise.
   */
  tierInheritedBy: string[];
  /** Where the change is, in head: the first changed key head has, else the declaration. */
  position: SourcePosition;
}

/**
 * A release that brings features to a service whose lifecycle stage takes fixes only (seed 000:
 * maintenance is "security fixes only, no new features"; a deprecated service gets no new
 * features, its consumers are moving away): the service's `version` goes up by a minor or a
 * major release while head's `status` is `maintenance` or `deprecated`. A warning, not a breaking
 * change: it needs no approvers of its own and fails nothing.
 *
 * @public
 */
export interface FeatureRelease {
  /** The service. */
  service: string;
  /** Its project (for a change of a project's view of an overridden global service, that project). */
  project?: string;
  /** True for a change of a project's view of an overridden global service. */
  override?: boolean;
  /** Its status in head. */
  status: 'maintenance' | 'deprecated';
  /** How much the version goes up. */
  release: 'minor' | 'major';
  /** The version in base, as written. */
  before: string;
  /** The version in head, as written. */
  after: string;
  /** What is wrong and what to do. */
  message: string;
  /** Where the version is written in head (the service's header when it does not write one). */
  position: SourcePosition;
}

/**
 * Kinds of breaking change.
 *
 * - `service-removed`: a service other services require was removed.
 * - `service-retired`: a service other services require became retired.
 * - `port-changed`: the port changed (or was removed).
 * - `major-version-bump`: the major version went up, or back to an earlier one (the minor one, for
 *   0.x versions).
 * - `compat-min-raised`: `compat_version_min` was raised past what a consumer's range asks for.
 * - `dependency-removed`: a service no longer requires a service it required (the consumer side).
 * - `notice-not-honoured`: a breaking change to a service whose notice period (its
 *   `governance.break_changes_notice`, else for a beta service the lifecycle's 30 days or the
 *   policies' `beta_change_notice_days`) has not passed since its `deprecation_date` (or that
 *   announced none).
 *
 * @public
 */
export type BreakingChangeKind =
  | 'service-removed'
  | 'service-retired'
  | 'port-changed'
  | 'major-version-bump'
  | 'compat-min-raised'
  | 'dependency-removed'
  | 'notice-not-honoured';

/**
 * A consumer that uses a changed service through `dependencies.optional`: the change degrades it
 * rather than breaks it. See {@link BreakingChange.optionalConsumers}.
 *
 * @public
 */
export interface OptionalConsumer {
  /** The consuming service. */
  id: string;
  /**
   * The project it uses the service in: its own project, the project whose override of a global
   * consumer declares (or keeps) the dependency; null for the global declaration.
   */
  project: string | null;
  /** Its owner as head declares it (the project's view for an overridden global service). */
  owner?: string;
}

/**
 * A breaking change, with what it affects (computed on the base graph: who depended on the
 * service before the change and still does after it) and who must approve it. A breaking change
 * to a project's view of an overridden global service (the override changed) names that project
 * and affects the consumers in that project only. Consumers count as the project they are used in
 * sees them: a project's override of a global consumer is affected by the changes of that
 * project's view of what it depends on (and not by a global change its project's view does not
 * make), apart from the global declaration.
 *
 * @public
 */
export interface BreakingChange {
  /** What kind of change. */
  kind: BreakingChangeKind;
  /** The changed service. */
  service: string;
  /**
   * The service's project (in head, else in base), if any; for a change of a project's view of an
   * overridden global service, that project.
   */
  project?: string;
  /** True for a breaking change of a project's view of an overridden global service. */
  override?: boolean;
  /** What changed, who it breaks and what to do. */
  message: string;
  /**
   * Where the change is, in head (in base for a removed service); for a project's view, in the
   * project's override (its header when the changed key is not written there).
   */
  position: SourcePosition;
  /**
   * For `compat-min-raised`: the consumers requiring the service whose range the new minimum
   * leaves out (those using it optionally are in `optionalConsumers`); for `service-removed` and
   * `service-retired`: the consumers that still require it; for `dependency-removed`: the
   * services no longer required.
   */
  related?: string[];
  /**
   * Everything that required the service in base and still does in head (a consumer that drops
   * the dependency, or is removed or retired, in the same change is not affected; a retired
   * service is never a consumer), each consumer as the
   * project it is used in sees it, once in each project whose view of it is affected; for a
   * project's view, its consumers in that project (its own services and its overrides of global
   * services) and what depends on them. For `compat-min-raised`, only the consumers whose range
   * the new minimum leaves out (see `related`), and what depends on them. Consumers that use it
   * optionally are not here but in `optionalConsumers`.
   */
  impact: ImpactReport;
  /** The affected projects (from `impact`). */
  affectedProjects: string[];
  /**
   * The direct consumers that use the service optionally (`dependencies.optional`, before or
   * after the change) and still depend on it in head, among those that see the change (for
   * `compat-min-raised`, those whose range the new minimum leaves out; for `notice-not-honoured`,
   * those of the service's other breaking changes): the change degrades them rather than breaks
   * them. Kept apart from `impact`, `affectedProjects`, `related` and `approvers`, which count
   * only the consumers that require the service; by id, the global declaration first.
   */
  optionalConsumers: OptionalConsumer[];
  /**
   * Who must approve: the service's `governance.approvers`, the policies'
   * `change_control.breaking_changes_require`, then the owners of the affected projects and
   * services; each once, as first written (`@platform-team` and the owner `platform-team` are
   * one approver).
   */
  approvers: string[];
  /**
   * Where its consumers read how to migrate: the changed service's `migration.guide_url` (as head
   * declares it, the compared project's view for an override; as base did for a removed
   * service). Absent when it declares none (seed 000 asks a migration guide of every breaking
   * change), and for `dependency-removed`, which is the consumer's own change.
   */
  migrationGuide?: string;
}

/**
 * The breaking changes of one service, summed up.
 *
 * @public
 */
export interface ServiceImpactSummary {
  /** The service. */
  service: string;
  /** The kinds of its breaking changes, each once. */
  kinds: BreakingChangeKind[];
  /** Services affected directly or transitively. */
  affectedServices: number;
  /** Services depending on it directly. */
  directConsumers: number;
  /** The affected projects. */
  affectedProjects: string[];
  /** Everyone who must approve. */
  approvers: string[];
}

/**
 * One service-level target of a consumed service that gets weaker between base and head, or its
 * effective tier going down. Values are as written, with `(<tier> tier policy)` when the service
 * does not declare the target and its tier's policy supplies it.
 *
 * @public
 */
export interface SlaWeakening {
  /** `availability`, `response_time_p99`, or `tier`. */
  target: string;
  /** In base (`99.99%`, `100ms (critical tier policy)`, `critical`). */
  before: string;
  /** In head; `none` for a target or tier head no longer gives. */
  after: string;
}

/**
 * A consumer whose own promise a weakened service it requires no longer covers (see
 * {@link SlaImpact}).
 *
 * @public
 */
export interface SlaImpactConsumer {
  /** The consuming service. */
  id: string;
  /**
   * The project it is used in: its own project, the project whose override of a global consumer
   * declares (or keeps) the dependency; null for the global declaration.
   */
  project: string | null;
  /** Its owner as head declares it (the project's view for an overridden global service). */
  owner?: string;
  /** Each weakened target on which it promises more than the service now does. */
  shortfalls: Array<{
    /** `availability` or `response_time_p99`. */
    target: string;
    /** What the consumer promises, in head. */
    consumer: string;
    /** What the service promises, in head; `none` for a dropped target. */
    provider: string;
  }>;
}

/**
 * A consumed service whose effective SLA gets weaker between base and head (availability
 * lowered, p99 response time raised, or either dropped: no own value and no tier policy to fall
 * back on, shown as `none`; a lowered tier counts through the targets its policy supplies),
 * listed with the direct consumers that require it and now promise more than it does
 * (seed 000, `check_sla_impact` / `add_sla_violation`). Not a breaking change: nothing stops
 * working, but those consumers can no longer keep their own SLA (a warning). Effective values and
 * the comparison are those of the `sla/weaker-dependency` validation rule. A change of a
 * project's view of an overridden global service is listed on that project's view and affects
 * its consumers in that project only; a global change a view inherits is listed once, on the
 * global service.
 *
 * @public
 */
export interface SlaImpact {
  /** The weakened service. */
  service: string;
  /** Its project (for a change of a project's view of an overridden global service, that project). */
  project?: string;
  /** True for a change of a project's view of an overridden global service. */
  override?: boolean;
  /** What got weaker, in target order, then the tier. */
  changes: SlaWeakening[];
  /** The consumers that now promise more than the service, by id, the global declaration first. */
  consumers: SlaImpactConsumer[];
  /** The projects of those consumers, sorted. */
  affectedProjects: string[];
  /** What got weaker, whom it leaves promising more than they get, and what to do. */
  message: string;
  /** Where the change is, in head: the first weakened key, else the tier, else the service. */
  position: SourcePosition;
}

/**
 * Why a change needs an approval, by the policies' `[change_control]`:
 *
 * - `breaking`: a breaking change (see {@link BreakingChangeKind}); its approvers are those of the
 *   breaking change ({@link BreakingChange.approvers}: the service's `governance.approvers`,
 *   `breaking_changes_require`, the owners of the affected projects and services).
 * - `version-bump`: the service's `version` changed (any bump, not only a major one; going back
 *   to an earlier version too): `version_bumps_require`.
 * - `config-change`: a field other than `version` and the descriptive text (`name`,
 *   `description`, `tags`) changed (port, dependencies, sla, metadata, owner, status, ...):
 *   `config_changes_require`.
 *
 * - `project-change`: a field of a project's declaration other than its descriptive text (`name`,
 *   `description`) changed (tier, owner, environment, ...): `config_changes_require`.
 * - `policy-change`: a key of the policies changed: `breaking_changes_require`, as the policies
 *   are the rules every change is judged by (lowering a tier's SLA or emptying `security.block_on`
 *   weighs as much as a breaking change).
 *
 * The kinds add up: a port change is a breaking change and a configuration change, a major bump
 * a breaking change and a version bump.
 *
 * @public
 */
export type ApprovalReasonKind =
  | 'breaking'
  | 'version-bump'
  | 'config-change'
  | 'project-change'
  | 'policy-change';

/**
 * What an approval is for: a service, or a project's view of an overridden global service.
 *
 * @public
 */
export interface ApprovalSubject {
  /** The changed service. */
  service: string;
  /** Its project (for a change of a project's view of an overridden global service, that project). */
  project?: string;
  /** True for a change of a project's view of an overridden global service. */
  override?: boolean;
}

/**
 * A breaking change that needs the approver: the kinds of the service's breaking changes whose
 * approvers name it.
 *
 * @public
 */
export interface BreakingApprovalReason extends ApprovalSubject {
  /** A breaking change. */
  kind: 'breaking';
  /** The kinds, in the order `breakingChanges` lists them. */
  breakingKinds: BreakingChangeKind[];
}

/**
 * A version bump that needs the approver (`version_bumps_require`).
 *
 * @public
 */
export interface VersionBumpApprovalReason extends ApprovalSubject {
  /** A changed `version`. */
  kind: 'version-bump';
  /** The version in base, as written (absent when base declares none). */
  before?: string;
  /** The version in head, as written (absent when head declares none). */
  after?: string;
}

/**
 * A configuration change that needs the approver (`config_changes_require`).
 *
 * @public
 */
export interface ConfigChangeApprovalReason extends ApprovalSubject {
  /** A changed field that is neither `version` nor descriptive text. */
  kind: 'config-change';
  /** The changed fields, by path as `changed` lists them, less `version` and the descriptive ones. */
  fields: string[];
}

/**
 * A change of a project's declaration that needs the approver (`config_changes_require`).
 *
 * @public
 */
export interface ProjectChangeApprovalReason {
  /** A changed project declaration. */
  kind: 'project-change';
  /** The project. */
  project: string;
  /** The changed fields, by path as `projectChanges` lists them, less the descriptive ones. */
  fields: string[];
}

/**
 * A change of the policies that needs the approver (`breaking_changes_require`).
 *
 * @public
 */
export interface PolicyChangeApprovalReason {
  /** A changed policy. */
  kind: 'policy-change';
  /** The changed keys, by path as `policyChanges` lists them. */
  paths: string[];
}

/**
 * Why a change needs an approval (see {@link ApprovalReasonKind}).
 *
 * @public
 */
export type ApprovalReason =
  | BreakingApprovalReason
  | VersionBumpApprovalReason
  | ConfigChangeApprovalReason
  | ProjectChangeApprovalReason
  | PolicyChangeApprovalReason;

/**
 * Someone a change needs the approval of, and why.
 *
 * @public
 */
export interface RequiredApproval {
  /**
   * As written in the policy or the breaking change's approvers (`@platform-team`, `@maintainer`),
   * as first written when both `@name` and `name` need to approve (an owner is a team handle
   * without the `@`).
   */
  approver: string;
  /**
   * Each change it must approve: its breaking changes, then version bumps, configuration
   * changes, project changes and policy changes.
   */
  reasons: ApprovalReason[];
}

/**
 * A file of head that contributed nothing to it: it does not parse (`toml/syntax`) or was not
 * read because it is above the size limit (`toml/file-too-large`); see `isUnreadFileFinding`. As
 * the catalog keeps the last good version of such a file, the diff reads base's version of it in
 * head: what it declares (services, a project's overrides, the project, policies) is compared as
 * in base, so it is neither removed nor changed, and brings no breaking change, SLA impact or
 * approval. Its finding stays one of head: the change still fails validation.
 *
 * @public
 */
export interface UnreadHeadFile {
  /** The file, relative to the registry root. */
  file: string;
  /** The code of head's finding: `toml/syntax` or `toml/file-too-large`. */
  code: string;
  /**
   * Why it contributed nothing, as a predicate after the file's name (`does not parse`,
   * `is above the size limit for a registry file`; see `unreadFileReason`).
   */
  reason: string;
  /** Where head's finding is: the parser's line and column, line 1 column 1 for a file not read. */
  position: SourcePosition;
  /**
   * Whether base has a version of the file that it read, which the diff compared in its place.
   * False for a file that is new in head, or that base could not read either: what it declares
   * is then in neither side of the diff.
   */
  comparedAsInBase: boolean;
  /**
   * The services base's version of the file declares (a project's overrides of global services
   * included), sorted: those compared as in base. Empty when it declares none.
   */
  services: string[];
}

/**
 * A file of base that contributed nothing to it: it does not parse (`toml/syntax`) or was not
 * read because it is above the size limit (`toml/file-too-large`). Nothing can be known of what
 * changed in it, so a diff may read head's version of the file in base (see `baseAsInHead`):
 * what head's file declares is then neither added nor changed, and brings no breaking change
 * (the mirror of {@link UnreadHeadFile}).
 *
 * @public
 */
export interface UnreadBaseFile {
  /** The file, relative to the registry root. */
  file: string;
  /** The code of base's finding: `toml/syntax` or `toml/file-too-large`. */
  code: string;
  /** Why it contributed nothing, as a predicate after the file's name (`does not parse`). */
  reason: string;
  /** Where base's finding is: the parser's line and column, line 1 column 1 for a file not read. */
  position: SourcePosition;
  /**
   * Whether head has a version of the file that it read, which the diff took in base's place.
   * False when head deleted the file, or cannot read it either: what it declares is then in
   * neither side of the diff.
   */
  comparedAsInHead: boolean;
  /**
   * The services head's version of the file declares (a project's overrides of global services
   * included), sorted: those the diff did not compare. Empty when it declares none.
   */
  services: string[];
}

/**
 * The differences between two versions of a registry.
 *
 * @public
 */
export interface RegistryDiff {
  /** Ids of the services only head declares, sorted. */
  added: string[];
  /** Ids of the services only base declares, sorted. */
  removed: string[];
  /** Services whose fields changed, by id. */
  changed: ServiceChange[];
  /** Projects both registries have whose declaration changed, by id. */
  projectChanges: ProjectChange[];
  /** Changed keys of the policies, by path. */
  policyChanges: PolicyChange[];
  /**
   * Releases that bring features to services in maintenance or deprecated (warnings), in the
   * order of `changed`.
   */
  featureReleases: FeatureRelease[];
  /** The breaking changes, by service then kind. */
  breakingChanges: BreakingChange[];
  /** One summary per service with breaking changes, by id. */
  impactByService: ServiceImpactSummary[];
  /**
   * Consumed services whose SLA gets weaker than what consumers requiring them promise (warnings,
   * not breaking changes), by service, the global declaration first.
   */
  slaImpacts: SlaImpact[];
  /**
   * Who must approve the change, by the policies' `[change_control]` (base's and head's together) and the
   * approvers of the breaking changes, each approver once with every change it must approve (see
   * {@link ApprovalReasonKind}); by the first change that needs it: breaking changes, version
   * bumps, configuration changes, project changes, then policy changes. Empty when nothing needs
   * an approval.
   */
  requiredApprovals: RequiredApproval[];
  /**
   * The files of head that contributed nothing (they do not parse, or were not read for their
   * size), by path, each compared as in base (see {@link UnreadHeadFile}); empty when head read
   * every file.
   */
  unreadHeadFiles: UnreadHeadFile[];
}

/**
 * What the breaking change detectors read.
 *
 * @public
 */
export interface DiffContext {
  /** The registry before. */
  base: LoadedRegistry;
  /** The registry after. */
  head: LoadedRegistry;
  /** The dependency graph of base. */
  baseGraph: DependencyGraph;
  /** The dependency graph of head. */
  headGraph: DependencyGraph;
  /** `YYYY-MM-DD`. */
  today: string;
  /**
   * Which declarations the detectors compare, and whose consumers count (default: the services
   * of `base` and `head` as declared, every consumer).
   */
  scope?: DiffScope;
}

/**
 * What a breaking change detector compares: the global declarations (or project services) as
 * declared, or one project's view of an overridden global service.
 *
 * @public
 */
export interface DiffScope {
  /** The project whose view of the service is compared; undefined for the declarations themselves. */
  project?: string;
  /**
   * Whether a consumer used in a project sees the change of this kind the comparison finds, i.e.
   * resolves the service to the compared declaration. The project is the consumer's own, or the
   * project whose override of a global consumer declares or keeps the dependency; undefined for
   * the global declaration of a global consumer.
   */
  affects(
    consumerProject: string | undefined,
    kind: BreakingChangeKind,
  ): boolean;
}

/**
 * A breaking change as a detector finds it, before impact and approvers are added. A detector
 * that selects the optional consumers itself (e.g. by their ranges) sets `optionalConsumers`;
 * otherwise every optional consumer that sees the change is listed.
 *
 * @public
 */
export type BreakingChangeDraft = Pick<
  BreakingChange,
  'kind' | 'service' | 'message' | 'position' | 'related'
> &
  Partial<Pick<BreakingChange, 'optionalConsumers'>>;

/**
 * Finds one kind of breaking change for one service id (present in base, head or both).
 *
 * @public
 */
export type BreakingChangeDetector = (
  ctx: DiffContext,
  id: string,
) => BreakingChangeDraft[];
