import {
  DependencyRef,
  RegistryService,
  ServiceGovernance,
  ServiceMigration,
  ServiceTier,
  SourcePosition,
} from '../model/types';
import {
  CheckContext,
  checkField,
  checkTable,
  checkUnknownFields,
  pathLabel,
  report,
} from './fieldCheck';
import { describeValue } from './describeValue';
import {
  countSpec,
  amountSpec,
  dateSpec,
  difficultySpec,
  idSpec,
  portSpec,
  semverSpec,
  statusSpec,
  stringArraySpec,
  versionOrRangeArraySpec,
  tierSpec,
  urlSpec,
} from './fieldSpecs';
import { checkText, checkTextList } from './controlCharacters';
import { parseDependencyList } from './dependencies';
import { KeyPathPart } from './keyPath';
import type { FilePositionIndex } from './filePositions';
import { Deferred, LAZY_POSITIONS } from './lazy';
import { DependencyElements } from './positions';
import { parseSlaValues } from './slaValues';

const SERVICE_KEYS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'type',
  'owner',
  'version',
  'status',
  'tier',
  'port',
  'tags',
  'repository',
  'compat_version_min',
  'compat_with',
  'deprecation_date',
  'sunset_date',
  'replacement_service',
  'dependencies',
  'consumers',
  'governance',
  'migration',
  'sla',
  'metadata',
]);
const DEPENDENCY_KEYS: ReadonlySet<string> = new Set(['requires', 'optional']);
const CONSUMER_KEYS: ReadonlySet<string> = new Set(['projects', 'required_by']);
const GOVERNANCE_KEYS: ReadonlySet<string> = new Set([
  'approvers',
  'change_log',
  'break_changes_notice',
]);
const MIGRATION_KEYS: ReadonlySet<string> = new Set([
  'guide_url',
  'support_until',
  'migration_difficulty',
  'estimated_effort_hours',
]);

/**
 * One service as a file declares it (or as a project override merges it).
 */
export interface ServiceDeclaration {
  /** The id. */
  id: string;
  /** The table as written (merged, for an override view). */
  raw: Record<string, unknown>;
  /**
   * Positions relative to the service, computed on demand (they may need a scan of the file;
   * may be resolved more than once).
   */
  positions: Deferred<Record<string, SourcePosition>>;
  /** The `[service.<id>]` header. */
  source: SourcePosition;
  /** The declaring project, if any. */
  project?: string;
  /** Files that contributed. */
  definedIn: string[];
  /**
   * Where the elements of the dependency lists are written, when already known (see
   * {@link FilePositionIndex.dependencyElements}); else their positions are looked up lazily.
   */
  dependencyElements?: DependencyElements;
}

/** An absent sub-table. */
const NO_FIELDS: Record<string, unknown> = Object.freeze({});

/*
 * What a service without the field gets: one frozen empty list or table shared by all (the lists
 * of a loaded registry are read-only; releases, monitoring and overriddenBy, which loading adds
 * to, are the service's own).
 */
const NO_STRINGS = Object.freeze([]) as unknown as string[];
const NO_DEPENDENCIES = Object.freeze([]) as unknown as DependencyRef[];
const NO_CONSUMERS: RegistryService['consumers'] = Object.freeze({
  projects: NO_STRINGS,
  requiredBy: NO_STRINGS,
});
const NO_METADATA: Record<string, unknown> = Object.freeze({});

const AT_CONSUMERS_PROJECTS: readonly KeyPathPart[] = ['consumers', 'projects'];
const AT_CONSUMERS_REQUIRED_BY: readonly KeyPathPart[] = [
  'consumers',
  'required_by',
];

function consumersOf(
  ctx: CheckContext,
  consumers: Record<string, unknown>,
): RegistryService['consumers'] {
  const projects = checkField(
    ctx,
    consumers.projects,
    AT_CONSUMERS_PROJECTS,
    stringArraySpec,
  );
  const requiredBy = checkField(
    ctx,
    consumers.required_by,
    AT_CONSUMERS_REQUIRED_BY,
    stringArraySpec,
  );
  if (projects === undefined && requiredBy === undefined) return NO_CONSUMERS;
  return {
    projects: projects ?? NO_STRINGS,
    requiredBy: requiredBy ?? NO_STRINGS,
  };
}

function dependencyList(
  ctx: CheckContext,
  value: unknown,
  path: readonly KeyPathPart[],
  optional: boolean,
  file: string,
  elements: readonly number[] | undefined,
): DependencyRef[] {
  if (value === undefined) return NO_DEPENDENCIES;
  return parseDependencyList(ctx, value, path, optional, file, elements);
}

// Paths of the fields, relative to the service (allocated once).
const AT_SERVICE: readonly KeyPathPart[] = [];
const AT_COMPAT_VERSION_MIN: readonly KeyPathPart[] = ['compat_version_min'];
const AT_COMPAT_WITH: readonly KeyPathPart[] = ['compat_with'];
const AT_CONSUMERS: readonly KeyPathPart[] = ['consumers'];
const AT_DEPENDENCIES: readonly KeyPathPart[] = ['dependencies'];
const AT_DEPENDENCIES_OPTIONAL: readonly KeyPathPart[] = [
  'dependencies',
  'optional',
];
const AT_DEPENDENCIES_REQUIRES: readonly KeyPathPart[] = [
  'dependencies',
  'requires',
];
const AT_DEPRECATION_DATE: readonly KeyPathPart[] = ['deprecation_date'];
const AT_DESCRIPTION: readonly KeyPathPart[] = ['description'];
const AT_GOVERNANCE: readonly KeyPathPart[] = ['governance'];
const AT_GOVERNANCE_APPROVERS: readonly KeyPathPart[] = [
  'governance',
  'approvers',
];
const AT_GOVERNANCE_BREAK_CHANGES_NOTICE: readonly KeyPathPart[] = [
  'governance',
  'break_changes_notice',
];
const AT_GOVERNANCE_CHANGE_LOG: readonly KeyPathPart[] = [
  'governance',
  'change_log',
];
const AT_METADATA: readonly KeyPathPart[] = ['metadata'];
const AT_MIGRATION: readonly KeyPathPart[] = ['migration'];
const AT_MIGRATION_ESTIMATED_EFFORT_HOURS: readonly KeyPathPart[] = [
  'migration',
  'estimated_effort_hours',
];
const AT_MIGRATION_GUIDE_URL: readonly KeyPathPart[] = [
  'migration',
  'guide_url',
];
const AT_MIGRATION_MIGRATION_DIFFICULTY: readonly KeyPathPart[] = [
  'migration',
  'migration_difficulty',
];
const AT_MIGRATION_SUPPORT_UNTIL: readonly KeyPathPart[] = [
  'migration',
  'support_until',
];
const AT_NAME: readonly KeyPathPart[] = ['name'];
const AT_OWNER: readonly KeyPathPart[] = ['owner'];
const AT_PORT: readonly KeyPathPart[] = ['port'];
const AT_REPLACEMENT_SERVICE: readonly KeyPathPart[] = ['replacement_service'];
const AT_REPOSITORY: readonly KeyPathPart[] = ['repository'];
const AT_SLA: readonly KeyPathPart[] = ['sla'];
const AT_STATUS: readonly KeyPathPart[] = ['status'];
const AT_SUNSET_DATE: readonly KeyPathPart[] = ['sunset_date'];
const AT_TAGS: readonly KeyPathPart[] = ['tags'];
const AT_TIER: readonly KeyPathPart[] = ['tier'];
const AT_TYPE: readonly KeyPathPart[] = ['type'];
const AT_VERSION: readonly KeyPathPart[] = ['version'];

/**
 * The approvers that name someone: an empty or blank entry (`approvers = ["", "@team"]`) is
 * reported at the entry (`schema/invalid-value`) and left out, so that no one is asked to approve
 * as `""`, and a critical service whose entries are all blank has no approvers. The list as it
 * is when no entry is blank.
 */
function namedApprovers(
  ctx: CheckContext,
  approvers: string[] | undefined,
): string[] {
  if (approvers === undefined) return [];
  if (!approvers.some(isBlank)) return approvers;
  return approvers.filter((approver, i) => {
    if (!isBlank(approver)) return true;
    const at = [...AT_GOVERNANCE_APPROVERS, i];
    report(
      ctx,
      'error',
      'schema/invalid-value',
      `${ctx.subject}: ${pathLabel(
        at,
      )} must name an approver (a team or a person, e.g. "@platform-team"), got ${describeValue(
        approver,
        'approvers',
      )}; it is ignored.`,
      at,
    );
    return false;
  });
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function readGovernance(
  ctx: CheckContext,
  value: unknown,
): ServiceGovernance | undefined {
  const table = checkTable(ctx, value, AT_GOVERNANCE);
  if (!table) return undefined;
  checkUnknownFields(ctx, table, GOVERNANCE_KEYS, AT_GOVERNANCE);
  return {
    approvers: namedApprovers(
      ctx,
      checkField(
        ctx,
        table.approvers,
        AT_GOVERNANCE_APPROVERS,
        stringArraySpec,
      ),
    ),
    changeLog: checkText(ctx, table.change_log, AT_GOVERNANCE_CHANGE_LOG),
    breakChangesNotice: checkField(
      ctx,
      table.break_changes_notice,
      AT_GOVERNANCE_BREAK_CHANGES_NOTICE,
      countSpec,
    ),
  };
}

function readMigration(
  ctx: CheckContext,
  value: unknown,
): ServiceMigration | undefined {
  const table = checkTable(ctx, value, AT_MIGRATION);
  if (!table) return undefined;
  checkUnknownFields(ctx, table, MIGRATION_KEYS, AT_MIGRATION);
  return {
    guideUrl: checkField(ctx, table.guide_url, AT_MIGRATION_GUIDE_URL, urlSpec),
    supportUntil: checkField(
      ctx,
      table.support_until,
      AT_MIGRATION_SUPPORT_UNTIL,
      dateSpec,
    ),
    migrationDifficulty: checkField(
      ctx,
      table.migration_difficulty,
      AT_MIGRATION_MIGRATION_DIFFICULTY,
      difficultySpec,
    ),
    estimatedEffortHours: checkField(
      ctx,
      table.estimated_effort_hours,
      AT_MIGRATION_ESTIMATED_EFFORT_HOURS,
      amountSpec,
    ),
  };
}

/**
 * Checks a service declaration and builds its typed form. Invalid values are reported through
 * the context and left out of the typed fields (they stay in `raw`).
 *
 * @param decl - the declaration
 * @param ctx - where to report (a context without `report` builds silently)
 * @param projectTier - the tier of the service's project, inherited when the service has none
 * @param projectOwner - the owner of the service's project, inherited when the service has none
 */
export function buildService(
  decl: ServiceDeclaration,
  ctx: CheckContext,
  projectTier: ServiceTier | undefined,
  projectOwner: string | undefined,
): RegistryService {
  const t = decl.raw;
  checkUnknownFields(
    ctx,
    t,
    SERVICE_KEYS,
    AT_SERVICE,
    'move free-form values under metadata',
  );
  const dependencies =
    checkTable(ctx, t.dependencies, AT_DEPENDENCIES) ?? NO_FIELDS;
  checkUnknownFields(ctx, dependencies, DEPENDENCY_KEYS, AT_DEPENDENCIES);
  const consumers = checkTable(ctx, t.consumers, AT_CONSUMERS) ?? NO_FIELDS;
  checkUnknownFields(ctx, consumers, CONSUMER_KEYS, AT_CONSUMERS);
  const sla = checkTable(ctx, t.sla, AT_SLA);
  const tier = checkField(ctx, t.tier, AT_TIER, tierSpec);
  const file = decl.source.file;
  const elements = decl.dependencyElements;
  const service = {
    id: decl.id,
    // free text: without control characters (reported), see checkText
    name: checkText(ctx, t.name, AT_NAME) ?? decl.id,
    description: checkText(ctx, t.description, AT_DESCRIPTION),
    type: checkText(ctx, t.type, AT_TYPE),
    owner: checkText(ctx, t.owner, AT_OWNER),
    version: checkField(ctx, t.version, AT_VERSION, semverSpec),
    status: checkField(ctx, t.status, AT_STATUS, statusSpec),
    tier,
    effectiveTier: tier ?? projectTier,
    port: checkField(ctx, t.port, AT_PORT, portSpec),
    tags: checkTextList(ctx, t.tags, AT_TAGS) ?? NO_STRINGS,
    repository: checkField(ctx, t.repository, AT_REPOSITORY, urlSpec),
    compatVersionMin: checkField(
      ctx,
      t.compat_version_min,
      AT_COMPAT_VERSION_MIN,
      semverSpec,
    ),
    compatWith:
      checkField(ctx, t.compat_with, AT_COMPAT_WITH, versionOrRangeArraySpec) ??
      NO_STRINGS,
    deprecationDate: checkField(
      ctx,
      t.deprecation_date,
      AT_DEPRECATION_DATE,
      dateSpec,
    ),
    sunsetDate: checkField(ctx, t.sunset_date, AT_SUNSET_DATE, dateSpec),
    replacementService: checkField(
      ctx,
      t.replacement_service,
      AT_REPLACEMENT_SERVICE,
      idSpec,
    ),
    dependencies: {
      requires: dependencyList(
        ctx,
        dependencies.requires,
        AT_DEPENDENCIES_REQUIRES,
        false,
        file,
        elements?.requires,
      ),
      optional: dependencyList(
        ctx,
        dependencies.optional,
        AT_DEPENDENCIES_OPTIONAL,
        true,
        file,
        elements?.optional,
      ),
    },
    consumers: consumersOf(ctx, consumers),
    governance: readGovernance(ctx, t.governance),
    migration: readMigration(ctx, t.migration),
    sla: sla ? parseSlaValues(ctx, sla, AT_SLA) : undefined,
    metadata: checkTable(ctx, t.metadata, AT_METADATA) ?? NO_METADATA,
    project: decl.project,
    source: decl.source,
  } as RegistryService;
  // computed when first read, in the place of the plain property (same key order)
  LAZY_POSITIONS.define(service, decl.positions);
  service.effectiveOwner = service.owner ?? projectOwner;
  service.definedIn = decl.definedIn;
  service.raw = t;
  service.releases = [];
  service.monitoring = [];
  service.overriddenBy = [];
  return service;
}
