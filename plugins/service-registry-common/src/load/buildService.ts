import {
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
} from './fieldCheck';
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
  stringSpec,
  tierSpec,
  urlSpec,
} from './fieldSpecs';
import { parseDependencyList } from './dependencies';
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
  /** Positions relative to the service. */
  positions: Record<string, SourcePosition>;
  /** The `[service.<id>]` header. */
  source: SourcePosition;
  /** The declaring project, if any. */
  project?: string;
  /** Files that contributed. */
  definedIn: string[];
}

function readGovernance(
  ctx: CheckContext,
  value: unknown,
): ServiceGovernance | undefined {
  const table = checkTable(ctx, value, ['governance']);
  if (!table) return undefined;
  checkUnknownFields(ctx, table, GOVERNANCE_KEYS, ['governance']);
  return {
    approvers:
      checkField(
        ctx,
        table.approvers,
        ['governance', 'approvers'],
        stringArraySpec,
      ) ?? [],
    changeLog: checkField(
      ctx,
      table.change_log,
      ['governance', 'change_log'],
      stringSpec,
    ),
    breakChangesNotice: checkField(
      ctx,
      table.break_changes_notice,
      ['governance', 'break_changes_notice'],
      countSpec,
    ),
  };
}

function readMigration(
  ctx: CheckContext,
  value: unknown,
): ServiceMigration | undefined {
  const table = checkTable(ctx, value, ['migration']);
  if (!table) return undefined;
  checkUnknownFields(ctx, table, MIGRATION_KEYS, ['migration']);
  return {
    guideUrl: checkField(
      ctx,
      table.guide_url,
      ['migration', 'guide_url'],
      urlSpec,
    ),
    supportUntil: checkField(
      ctx,
      table.support_until,
      ['migration', 'support_until'],
      dateSpec,
    ),
    migrationDifficulty: checkField(
      ctx,
      table.migration_difficulty,
      ['migration', 'migration_difficulty'],
      difficultySpec,
    ),
    estimatedEffortHours: checkField(
      ctx,
      table.estimated_effort_hours,
      ['migration', 'estimated_effort_hours'],
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
 */
export function buildService(
  decl: ServiceDeclaration,
  ctx: CheckContext,
  projectTier: ServiceTier | undefined,
): RegistryService {
  const t = decl.raw;
  checkUnknownFields(
    ctx,
    t,
    SERVICE_KEYS,
    [],
    'move free-form values under metadata',
  );
  const dependencies = checkTable(ctx, t.dependencies, ['dependencies']) ?? {};
  checkUnknownFields(ctx, dependencies, DEPENDENCY_KEYS, ['dependencies']);
  const consumers = checkTable(ctx, t.consumers, ['consumers']) ?? {};
  checkUnknownFields(ctx, consumers, CONSUMER_KEYS, ['consumers']);
  const sla = checkTable(ctx, t.sla, ['sla']);
  const tier = checkField(ctx, t.tier, ['tier'], tierSpec);
  return {
    id: decl.id,
    name: checkField(ctx, t.name, ['name'], stringSpec) ?? decl.id,
    description: checkField(ctx, t.description, ['description'], stringSpec),
    type: checkField(ctx, t.type, ['type'], stringSpec),
    owner: checkField(ctx, t.owner, ['owner'], stringSpec),
    version: checkField(ctx, t.version, ['version'], semverSpec),
    status: checkField(ctx, t.status, ['status'], statusSpec),
    tier,
    effectiveTier: tier ?? projectTier,
    port: checkField(ctx, t.port, ['port'], portSpec),
    tags: checkField(ctx, t.tags, ['tags'], stringArraySpec) ?? [],
    repository: checkField(ctx, t.repository, ['repository'], urlSpec),
    compatVersionMin: checkField(
      ctx,
      t.compat_version_min,
      ['compat_version_min'],
      semverSpec,
    ),
    compatWith:
      checkField(ctx, t.compat_with, ['compat_with'], stringArraySpec) ?? [],
    deprecationDate: checkField(
      ctx,
      t.deprecation_date,
      ['deprecation_date'],
      dateSpec,
    ),
    sunsetDate: checkField(ctx, t.sunset_date, ['sunset_date'], dateSpec),
    replacementService: checkField(
      ctx,
      t.replacement_service,
      ['replacement_service'],
      idSpec,
    ),
    dependencies: {
      requires: parseDependencyList(
        ctx,
        dependencies.requires,
        ['dependencies', 'requires'],
        false,
      ),
      optional: parseDependencyList(
        ctx,
        dependencies.optional,
        ['dependencies', 'optional'],
        true,
      ),
    },
    consumers: {
      projects:
        checkField(
          ctx,
          consumers.projects,
          ['consumers', 'projects'],
          stringArraySpec,
        ) ?? [],
      requiredBy:
        checkField(
          ctx,
          consumers.required_by,
          ['consumers', 'required_by'],
          stringArraySpec,
        ) ?? [],
    },
    governance: readGovernance(ctx, t.governance),
    migration: readMigration(ctx, t.migration),
    sla: sla ? parseSlaValues(ctx, sla, ['sla']) : undefined,
    metadata: checkTable(ctx, t.metadata, ['metadata']) ?? {},
    project: decl.project,
    source: decl.source,
    positions: decl.positions,
    definedIn: decl.definedIn,
    raw: t,
    releases: [],
    monitoring: [],
    overriddenBy: [],
  };
}
