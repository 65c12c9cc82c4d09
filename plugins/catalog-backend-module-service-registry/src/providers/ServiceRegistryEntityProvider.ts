import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { isError, stringifyError } from '@backstage/errors';
import { CatalogScmEvent } from '@backstage/plugin-catalog-node/alpha';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_REGISTRY_ID,
  catalogNameFindings,
  heldBackServiceFinding,
  isRegistryLayoutFile,
  isUnreadFileFinding,
  keptDeclarationsOf,
  LoadedRegistry,
  loadRegistry,
  ownerToEntityRef,
  RegistryFileInput,
  RegistryFinding,
  RegistryProject,
  redactSecrets,
  RegistryService,
} from '@service-registry/plugin-service-registry-common';
import {
  RegistrySnapshot,
  scheduleDurationMilliseconds,
  ServiceRegistrySnapshotService,
} from '@service-registry/plugin-service-registry-node';
import {
  ProviderRunStatus,
  ProviderStateStore,
} from '../database/ProviderStateStore';
import { computeDelta } from '../lib/computeDelta';
import { entityHash, filesHash } from '../lib/entityHash';
import { evaluateGuard } from '../lib/evaluateGuard';
import { withTimeout } from '../lib/withTimeout';
import { resolveClaims } from '../lib/resolveClaims';
import { checkEntities } from '../lib/checkEntities';
import {
  processingStage,
  RegistryProcessingError,
} from '../lib/processingStage';
import { heldBackServices } from '../lib/heldBackServices';
import { heldBackReferences } from '../lib/heldBackReferences';
import { nestedRegistryFile } from '../lib/registryLayoutFiles';
import { applyTransformers, TransformerError } from '../lib/applyTransformers';
import { relationTargetRef } from '../lib/relationTargetRef';
import { scmEventConcernsRegistry } from '../lib/scmEventConcernsRegistry';
import {
  CredentialIdLeftOut,
  MappedEntity,
  mapRegistryToEntities,
} from '../lib/mapRegistryToEntities';
import { credentialIdFinding } from '../lib/credentialIdFindings';
import { loadWithLastGoodFiles } from '../lib/loadWithLastGoodFiles';
import { ServiceRegistryRunMetrics } from '../lib/runMetrics';
import { notTakenReason, runSummary } from '../lib/runSummary';
import { RegistrySource } from './RegistrySource';
import { ServiceRegistryEntityProviderConfig } from './ServiceRegistryEntityProviderConfig';

/**
 * Context handed to an {@link ServiceRegistryEntityTransformer}.
 *
 * @public
 */
export interface ServiceRegistryEntityTransformerContext {
  /** The provider (registry) id. */
  providerId: string;
  /**
   * The service the entity was mapped from, for Components. Read it, do not change it: the same
   * record is published to the backend plugin (a changed owner would show there and not in the
   * catalog).
   */
  service?: Readonly<RegistryService>;
  /** The project the entity was mapped from, for project Systems (read-only, as `service`). */
  project?: Readonly<RegistryProject>;
  /**
   * The whole loaded registry, read-only as `service`: a service deleted from its maps would be
   * missing from the backend plugin's pages while the catalog still has it.
   */
  registry: LoadedRegistry;
}

/**
 * Changes or drops an entity before it is emitted: return the (possibly new) entity, or
 * undefined (or null) to leave it out of the catalog. An entity may be renamed or moved to another
 * namespace: the relation refs between the registry's entities (`spec.dependsOn`, `spec.system`,
 * `spec.owner`, …) that still name it as the mapping did are then written with its new ref.
 *
 * @public
 */
export type ServiceRegistryEntityTransformer = (
  entity: Entity,
  context: ServiceRegistryEntityTransformerContext,
) => Entity | undefined | null | Promise<Entity | undefined | null>;

/**
 * Annotation on the provider's status Resource: `ok`, `degraded` or `blocked`.
 *
 * @public
 */
export const ANNOTATION_INGESTION_STATE = 'service-registry.io/ingestion-state';

/**
 * Annotation on the provider's status Resource: the one-line summary of the last run.
 *
 * @public
 */
export const ANNOTATION_INGESTION_SUMMARY =
  'service-registry.io/ingestion-summary';

/**
 * What one refresh did.
 *
 * @public
 */
export interface ServiceRegistryRefreshResult {
  /**
   * Outcome, as stored and shown on the status Resource. A run that applied nothing because the
   * registry did not change reports the stored state and summary without findings (they stay on
   * the status Resource and in the store, from the run that found them).
   */
  status: ProviderRunStatus;
  /** The mutation applied: none (unchanged, not modified or blocked), a full one or a delta. */
  mutation: 'none' | 'full' | 'delta';
  /** Entities written (new or changed). */
  upserted: number;
  /** Entities removed. */
  removed: number;
  /** Entities whose content did not change. */
  unchanged: number;
}

/**
 * Dependencies of {@link ServiceRegistryEntityProvider}.
 *
 * @public
 */
export interface ServiceRegistryEntityProviderOptions {
  /** The provider's configuration (`catalog.providers.serviceRegistry.<id>`), read. */
  config: ServiceRegistryEntityProviderConfig;
  /** Where the registry's files are read from: a directory or a URL location. */
  source: RegistrySource;
  /** The provider's last good state between runs, in the catalog's database. */
  store: ProviderStateStore;
  /** Where runs, findings (with file, line and column) and refusals are logged. */
  logger: LoggerService;
  /** Schedules the provider's runs; without it, a run happens only when `refresh` or `requestRun` is called. */
  scheduler?: SchedulerService;
  /** Applied in order to every emitted entity, to change or leave out entities. */
  transformers?: ServiceRegistryEntityTransformer[];
  /** Where the last good registry is published for the service-registry backend plugin. */
  snapshots?: ServiceRegistrySnapshotService;
  /** Validation findings of a loaded registry (defaults to the loader's own findings). */
  validate?: (registry: LoadedRegistry) => RegistryFinding[];
  /**
   * Group names that other sources define (in the default namespace, in any case); no Group is
   * emitted for those.
   */
  findExistingGroups?: (providerId: string) => Promise<Set<string>>;
  /** Where each run is counted and timed (the module's: OpenTelemetry metrics). */
  metrics?: ServiceRegistryRunMetrics;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * How long to wait before asking for a run again when an SCM event arrives during a run (that
   * run may have read the registry before the change). Default 5 s.
   */
  scmEventRetryMs?: number;
  /**
   * How long a read of the registry may take before the run is blocked as if the source were
   * unreachable. Default: the schedule's `timeout`.
   */
  readTimeoutMs?: number;
  /**
   * How often a run applies a full mutation, even when the registry did not change (default one
   * hour); the first run of every instance does. The catalog rewrites only the entities whose
   * content differs, so this costs one comparison, and it brings back an entity that left the
   * catalog behind the provider's back: deleted by a person, or evicted while its registry's
   * provider was not configured.
   */
  fullMutationIntervalMs?: number;
  /**
   * The ids of every registry configured in this backend. Entities that the store still records
   * for another id are claims of that registry only while it is configured (a renamed or removed
   * registry leaves its records behind). Default: every id the store knows.
   */
  configuredIds?: ReadonlySet<string>;
  /**
   * How often a run blocked for the same reason as the run before it logs that again at warn
   * level (default one hour). A run that becomes blocked, or is blocked for another reason than
   * the run before it, logs at error level; the runs in between log at debug level.
   */
  blockedLogIntervalMs?: number;
  /**
   * Called once a run that stopped emitting some entities is applied and recorded, with their
   * refs: another registry may emit them too (the System of global services, an owner Group, a
   * service both declare), and takes them over at its next run.
   * `createServiceRegistryEntityProviders` starts the other registries' runs then, instead of
   * leaving the catalog without them until their next interval.
   */
  onEntitiesReleased?: (refs: readonly string[]) => void;
}

/**
 * The entities of a run made from services, by their refs: all but the Systems (projects, the
 * shared System) and Groups (owners) the registry emits, the status entity left out before.
 */
function countServiceRefs(refs: Iterable<string>): number {
  let count = 0;
  for (const ref of refs) {
    if (!ref.startsWith('system:') && !ref.startsWith('group:')) count++;
  }
  return count;
}

/**
 * The mapped entities without the owner Groups that no entity is owned by any more: a transformer
 * that gives a service another owner (a team of an org provider) would otherwise leave the
 * registry's Group of the owner as written, owning nothing.
 *
 * @param items - the entities after the transformers
 * @param statusOwner - the owner ref of the provider's status Resource, which the transformers do
 *   not see: its Group stays
 */
function withoutUnownedGroups(
  items: MappedEntity[],
  statusOwner: string,
): MappedEntity[] {
  const owners = new Set<string>([statusOwner.toLocaleLowerCase('en-US')]);
  for (const { entity } of items) {
    const owner = relationTargetRef(
      entity.spec?.owner,
      'group',
      entity.metadata.namespace ?? 'default',
    );
    // an owner that is no ref: the catalog refuses the entity, checkEntities says so
    if (owner !== undefined) owners.add(owner);
  }
  return items.filter(
    ({ entity, service, project, file }) =>
      service !== undefined ||
      project !== undefined ||
      file !== undefined ||
      entity.kind.toLocaleLowerCase('en-US') !== 'group' ||
      owners.has(stringifyEntityRef(entity).toLocaleLowerCase('en-US')),
  );
}

/** How a message about a target that is not the registry's folder says what it should be. */
const FOLDER_URL_HINT =
  'for a repository, a folder URL such as https://github.com/<org>/<repo>/tree/<branch>/<folder>';

/** Default of {@link ServiceRegistryEntityProviderOptions.fullMutationIntervalMs}. */
const DEFAULT_FULL_MUTATION_INTERVAL_MS = 60 * 60_000;

/** Default of {@link ServiceRegistryEntityProviderOptions.blockedLogIntervalMs}. */
const DEFAULT_BLOCKED_LOG_INTERVAL_MS = 60 * 60_000;

/** How long a read may take when the schedule's timeout is no duration (it always is, from config). */
const DEFAULT_READ_TIMEOUT_MS = 3 * 60_000;

function severityRank(severity: string) {
  return severity === 'error' ? 0 : 1;
}

/**
 * A file's path as a log line or a summary shows it: a credential in it (a project folder named
 * with a token) reads `(hidden)`. Findings keep the path as it is, to link to the file.
 */
function shownPath(file: string): string {
  return redactSecrets(file);
}

function formatFinding(
  f: RegistryFinding | ProviderRunStatus['findings'][number],
) {
  return `${shownPath(f.file)}:${f.line}:${f.column} ${f.severity} ${f.code}: ${
    f.message
  }`;
}

/** An interval in words, for a log line: `1 hour`, `30 minutes`, `90 seconds`. */
function formatInterval(ms: number): string {
  const plural = (n: number, unit: string) =>
    `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) {
    return plural(ms / 3_600_000, 'hour');
  }
  if (ms >= 60_000 && ms % 60_000 === 0) return plural(ms / 60_000, 'minute');
  return plural(Math.round(ms / 1000), 'second');
}

/**
 * Ingests one TOML service registry into the catalog.
 *
 * Each run reads the registry, maps it to entities and applies only what changed (a delta
 * mutation; a full mutation on the very first run). Nothing already ingested is lost on bad
 * input: a file that fails to parse is replaced by its last good content (kept in the catalog's
 * database), and an unreachable source, a registry that turns empty, or a removal of more than
 * `guard.maxRemovalShare` of the entities applies no mutation at all. The outcome of every run is
 * logged with `file:line:column` and shown on a status Resource entity
 * (`resource:default/service-registry-<id>`).
 *
 * @public
 */
export class ServiceRegistryEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private lastEtag?: string;
  /** The source hash of the last run this instance read (see `refresh`). */
  private lastSourceHash?: string;
  /** When this instance last applied a full mutation (ms since the epoch). */
  private lastFullMutationAt?: number;
  /** How long a read of the source may take: the schedule's timeout, or a test's. */
  private readonly readTimeoutMs: number;
  /** The groups other sources defined at this instance's last run (see `existingGroups`). */
  private lastExistingGroups?: Set<string>;
  private lastExistingGroupsKey?: string;
  private scmEventRetry?: ReturnType<typeof setTimeout>;
  /**
   * When this instance last logged a blocked run at error or warn level (ms since the epoch), to
   * log a run blocked for the same reason again only once per `blockedLogIntervalMs`.
   */
  private lastBlockedLogAt?: number;
  private readonly options: ServiceRegistryEntityProviderOptions;

  constructor(options: ServiceRegistryEntityProviderOptions) {
    this.options = options;
    this.readTimeoutMs =
      options.readTimeoutMs ??
      scheduleDurationMilliseconds(options.config.schedule.timeout) ??
      DEFAULT_READ_TIMEOUT_MS;
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.getProviderName} */
  getProviderName(): string {
    return `service-registry-provider:${this.options.config.id}`;
  }

  /**
   * Reacts to changes pushed to the registry's repository, as the catalog's SCM events service
   * delivers them (an SCM module, such as the GitHub or GitLab catalog module with its webhooks,
   * turns pushes and merges into such events): when one concerns a file of the registry or its
   * repository, the provider's scheduled run is started at once instead of at its next interval.
   * A registry in a local directory takes no events.
   *
   * @returns whether a run was asked for
   */
  async onScmEvents(events: CatalogScmEvent[]): Promise<boolean> {
    const { rootLocation } = this.options.source;
    if (!rootLocation.startsWith('url:')) return false;
    const target = rootLocation.slice('url:'.length);
    const event = events.find(e => scmEventConcernsRegistry(e, target));
    if (!event) return false;
    this.options.logger.info(
      `${this.getProviderName()}: the registry changed (${
        'url' in event ? event.url : event.fromUrl
      }, ${event.type}); reading it now`,
    );
    await this.runSoon();
    return true;
  }

  /**
   * Starts the scheduled run now (on whichever instance holds the task). While a run is going,
   * asks again a little later: that run may have read the registry before the change.
   */
  private async runSoon(): Promise<void> {
    const { scheduler, logger, scmEventRetryMs = 5000 } = this.options;
    if (!scheduler) {
      await this.refresh();
      return;
    }
    try {
      await scheduler.triggerTask(this.taskId);
    } catch (error) {
      if (isError(error) && error.name === 'ConflictError') {
        if (!this.scmEventRetry) {
          this.scmEventRetry = setTimeout(() => {
            this.scmEventRetry = undefined;
            this.runSoon().catch(e =>
              logger.warn(
                `${this.getProviderName()}: could not start a run: ${stringifyError(
                  e,
                )}`,
              ),
            );
          }, scmEventRetryMs);
          this.scmEventRetry.unref?.();
        }
        return;
      }
      logger.warn(
        `${this.getProviderName()}: could not start a run after a change of the registry; it runs at its next interval: ${stringifyError(
          error,
        )}`,
      );
    }
  }

  /**
   * Starts the scheduled run now, on whichever instance holds the task (without a scheduler, runs
   * it here); while a run is going, asks again a little later.
   */
  async requestRun(): Promise<void> {
    await this.runSoon();
  }

  /** Id of the scheduled task; trigger it to refresh now. */
  get taskId(): string {
    return `${this.getProviderName()}:refresh`;
  }

  /** The ref of the status Resource of this provider. */
  get statusEntityRef(): string {
    return `resource:default/service-registry-${this.options.config.id.toLowerCase()}`;
  }

  /** {@inheritDoc @backstage/plugin-catalog-node#EntityProvider.connect} */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const { scheduler, config, snapshots } = this.options;
    if (!scheduler) return;
    const schedule: SchedulerServiceTaskScheduleDefinition = config.schedule;
    await scheduler.scheduleTask({
      id: this.taskId,
      ...schedule,
      fn: async () => {
        await this.refresh();
      },
    });
    if (snapshots) {
      // Every instance keeps its own snapshot in step with the shared database, whichever
      // instance ran the ingestion.
      await scheduler.scheduleTask({
        id: `${this.getProviderName()}:snapshot-sync`,
        scope: 'local',
        frequency: { seconds: 15 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 1 },
        fn: async () => {
          await this.syncSnapshot();
        },
      });
    }
  }

  /**
   * Publishes the last good registry from the shared database when this instance's snapshot is
   * older than the last run (another instance ran it, or this one just started).
   */
  async syncSnapshot(): Promise<RegistrySnapshot | undefined> {
    const { snapshots, store, config } = this.options;
    if (!snapshots) return undefined;
    // the findings are read only when the snapshot is out of date
    const state = await store.getRunState(config.id);
    const current = snapshots.get(config.id);
    if (!state || (current && current.updatedAt >= state.updatedAt))
      return current;
    const status = await store.getStatus(config.id);
    if (!status) return current;
    // with the declarations of duplicated ids the run kept: the same registry, the same findings
    const [files, kept] = await Promise.all([
      store.getFiles(config.id),
      store.getKeptDeclarations(config.id),
    ]);
    const inputs = [...files].map(([path, text]) => ({ path, text }));
    const registry = loadRegistry(inputs, { preferredDeclarations: kept });
    return this.publish(registry, status, inputs);
  }

  private publish(
    registry: LoadedRegistry,
    status: ProviderRunStatus,
    files: RegistryFileInput[],
    validated?: RegistryFinding[],
  ) {
    const { snapshots, config, source, validate } = this.options;
    if (!snapshots) return undefined;
    // the findings the registry's own validation cannot make: why files were replaced by their
    // last good version (syntax errors, size), and entities the catalog could not take
    const kept = status.findings.filter(
      f => isUnreadFileFinding(f) || f.code.startsWith('catalog/'),
    );
    const findings =
      validated ?? (validate ? validate(registry) : registry.findings);
    const snapshot: RegistrySnapshot = {
      providerId: config.id,
      registry,
      files,
      findings: [
        ...(kept as RegistryFinding[]),
        ...findings.filter(f => !isUnreadFileFinding(f)),
      ],
      state: status.state,
      summary: status.summary,
      updatedAt: status.updatedAt,
      rootLocation: source.rootLocation,
    };
    snapshots.publish(snapshot);
    return snapshot;
  }

  /**
   * Reads the registry and applies what changed. Never throws for bad input. Each run is counted
   * and timed in `metrics`, if given.
   */
  async refresh(): Promise<ServiceRegistryRefreshResult> {
    const { metrics, config } = this.options;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let result: ServiceRegistryRefreshResult;
    try {
      result = await this.run();
    } catch (error) {
      metrics?.recordError(config.id, seconds());
      throw error;
    }
    metrics?.recordRun(config.id, result, seconds());
    return result;
  }

  /** One run of {@link ServiceRegistryEntityProvider.refresh}. */
  private async run(): Promise<ServiceRegistryRefreshResult> {
    if (!this.connection) {
      throw new Error(
        `${this.getProviderName()} is not connected to the catalog yet`,
      );
    }
    const { config, source, store } = this.options;
    const id = config.id;
    // the run's time limit (the schedule's timeout) counts from here: the transformers get what
    // the read and the load left of it
    const deadline = Date.now() + this.readTimeoutMs;

    // what the last run read and did, without its findings (a run with nothing to do is the
    // usual one, every few seconds: it should not parse every finding of a large registry)
    const previousState = await store.getRunState(id);
    // owner Groups are emitted only for owners no other source defines, so a Group that appears
    // or disappears elsewhere (an org provider) changes what this registry emits, even when the
    // registry itself stays the same
    const { groups: existingGroups, unknown: groupsUnknown } =
      await this.existingGroups();
    const groupsKey = existingGroups && [...existingGroups].sort().join('\n');
    const groupsChanged = groupsKey !== this.lastExistingGroupsKey;
    const startedAt = (this.options.now?.() ?? new Date()).getTime();
    // the first run of this instance, and then one an hour, applies a full mutation: it reads
    // and maps the registry even when it did not change
    const fullMutation =
      this.lastFullMutationAt === undefined ||
      startedAt - this.lastFullMutationAt >=
        (this.options.fullMutationIntervalMs ??
          DEFAULT_FULL_MUTATION_INTERVAL_MS);
    let files: RegistryFileInput[];
    let etag: string | undefined;
    try {
      // a run state without a source hash, or a blocked one, is to be run again in full (see
      // below), so the source is read even when it did not change
      // a source that never answers (a server that accepts the connection and then hangs) must
      // not hold the run, and with it every later run, for ever: it is an unreachable source
      // "not modified" is asked only about what the last applied run read: another instance
      // may have applied another version since this one last read (the scheduler runs the task
      // on one instance at a time, not always the same)
      const read = await withTimeout(
        source.read(
          previousState?.sourceHash &&
            previousState.sourceHash === this.lastSourceHash &&
            previousState.state !== 'blocked' &&
            !groupsChanged &&
            !fullMutation
            ? this.lastEtag
            : undefined,
        ),
        this.readTimeoutMs,
      );
      if (read.notModified) {
        const state = previousState;
        return this.noop(
          read.changing
            ? 'the registry was being changed while it was read; read again at the next run'
            : 'not modified since the last run',
          state
            ? { ...state, findings: [] }
            : this.status(
                'ok',
                read.changing
                  ? 'the registry was being changed while it was read; read again at the next run'
                  : 'not modified',
                [],
              ),
        );
      }
      files = read.files;
      etag = read.etag;
    } catch (error) {
      return this.block(
        `the registry at ${
          source.rootLocation
        } could not be read (${stringifyError(error)})`,
        [],
        undefined,
        { keeping: true },
      );
    }

    try {
      return await this.ingest({
        files,
        etag,
        previousState,
        existingGroups,
        groupsUnknown,
        groupsKey,
        fullMutation,
        deadline,
        startedAt,
      });
    } catch (error) {
      // a defect of the provider's own processing (see RegistryProcessingError): nothing is
      // applied, the catalog keeps what it holds, and the status Resource says why
      if (!(error instanceof RegistryProcessingError)) throw error;
      return this.block(
        `${error.message}: a defect of the service registry provider, not of the registry; report it with this message`,
        [],
        undefined,
        { keeping: true },
      );
    }
  }

  /**
   * What a run does with the registry it read: loads it (files that fail are kept at their last
   * good version), maps, checks and validates it, holds it to the guard, and applies the change.
   */
  private async ingest(read: {
    files: RegistryFileInput[];
    etag: string | undefined;
    previousState: Awaited<ReturnType<ProviderStateStore['getRunState']>>;
    existingGroups: Set<string> | undefined;
    /** Whether the catalog could not tell which groups other sources define, at any run yet. */
    groupsUnknown: boolean;
    groupsKey: string | undefined;
    fullMutation: boolean;
    deadline: number;
    startedAt: number;
  }): Promise<ServiceRegistryRefreshResult> {
    const { config, source, store } = this.options;
    const id = config.id;
    // refresh() checked that the provider is connected
    const connection = this.connection!;
    const {
      files,
      etag,
      previousState,
      existingGroups,
      groupsUnknown,
      groupsKey,
      fullMutation,
      deadline,
      startedAt,
    } = read;

    if (files.length === 0) {
      // a URL naming a folder the repository does not have, or a single file, reads as an empty
      // tree: no registry has no file at all
      return this.block(
        `the registry at ${source.rootLocation} holds no registry file (*.toml): check that the target names the registry's folder (${FOLDER_URL_HINT}); nothing was applied`,
        [],
      );
    }
    if (!files.some(file => isRegistryLayoutFile(file.path))) {
      // a repository root given where the registry is one of its folders reads every *.toml file
      // of the repository, none of them where the layout has it: no registry either
      const nested = nestedRegistryFile(files.map(file => file.path));
      return this.block(
        `the registry at ${
          source.rootLocation
        } holds no file of the registry layout (services/catalog.toml, projects/<project>/services.toml, policies/<name>.toml), only ${
          files.length
        } other *.toml ${
          files.length === 1 ? 'file' : 'files'
        }: check that the target names the registry's folder (${
          nested
            ? `${nested.file} is a registry file in the folder ${nested.folder}`
            : FOLDER_URL_HINT
        }); nothing was applied`,
        [],
      );
    }
    const sourceHash = filesHash([
      ...files,
      {
        path: '\0config',
        text: JSON.stringify({ ...config, schedule: undefined }),
      },
      ...(groupsKey === undefined
        ? []
        : [{ path: '\0groups', text: groupsKey }]),
    ]);
    // what this run read is remembered only once the catalog and the store agree with it: a run
    // that fails before (the catalog's database unavailable for a moment) leaves the last ETag
    // and groups as they were, so the next run reads and applies the change again
    const remember = () => {
      this.lastEtag = etag;
      this.lastSourceHash = sourceHash;
      this.lastExistingGroupsKey = groupsKey;
    };
    if (
      previousState?.sourceHash === sourceHash &&
      previousState.state !== 'blocked' &&
      !fullMutation
    ) {
      remember();
      return this.noop('the registry is as the last run applied it', {
        ...previousState,
        findings: [],
      });
    }

    // Files that fail to parse, and files whose declarations have new schema errors (a mistyped
    // value, an unknown status, an invalid id would otherwise drop the field, or the service, from
    // the catalog), are replaced by their last good content; their errors are kept.
    const load = await loadWithLastGoodFiles(files, {
      getFiles: paths => store.getFiles(id, paths),
      getKeptDeclarations: () => store.getKeptDeclarations(id),
    });
    const { registry, effectiveFiles, kept, dropped, keptInvalid, misspelt } =
      load;

    const previous = await store.getEntityHashes(id);
    previous.delete(this.statusEntityRef);
    let transformed: MappedEntity[];
    // the owner of the status Resource, the default owner's Group as the transformers named it
    let statusOwner: string;
    // the services and projects whose ids hold a credential, which the mapping leaves out
    const leftOut: CredentialIdLeftOut[] = [];
    try {
      ({ items: transformed, statusOwner } = await this.mapAndTransform(
        registry,
        existingGroups,
        deadline,
        // when the catalog cannot tell which groups other sources define, the owner Groups are
        // those of the last applied run: a team an org provider defines is not taken for one
        // nobody does (its Group would clash with the org provider's), nor a Group dropped
        groupsUnknown && previous.size > 0 ? previous : undefined,
        leftOut,
      ));
    } catch (error) {
      // an adopter's transformer that fails: nothing can be emitted safely, keep everything
      if (!(error instanceof TransformerError)) throw error;
      return this.block(error.message, [], sourceHash, { keeping: true });
    }
    const checked = await processingStage('checked', () =>
      checkEntities(transformed, {
        sharedSystem: config.sharedSystem,
      }),
    );
    // the registry's validation (missing dependencies, cycles, lifecycle, policies...) with the
    // loader's findings: the status Resource, the log and the backend plugin count the same errors
    const validated = this.options.validate
      ? processingStage('validated', () => this.options.validate!(registry))
      : registry.findings;
    const findings = [
      ...validated,
      ...leftOut.map(credentialIdFinding),
      ...checked.findings,
      ...processingStage('checked', () =>
        catalogNameFindings(registry, config.defaultOwner),
      ),
    ]
      .filter(f => f.severity !== 'info')
      .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));

    // an entity that another configured registry already emits stays theirs
    const claims = resolveClaims({
      providerId: id,
      next: checked.entities.map(item => ({
        item,
        entity: item.entity,
        ref: stringifyEntityRef(item.entity),
        hash: entityHash(item.entity),
      })),
      previous,
      others: await store.getOtherProvidersEntities(
        id,
        this.options.configuredIds,
      ),
    });
    const next = claims.kept;
    // the System of global services and the owner Groups are no declaration of their own: several
    // registries share them (the first one emits them); a declared service or project is an error
    const clashes = claims.taken.filter(
      t => t.item.item.service || t.item.item.project,
    );
    for (const { item, by } of clashes) {
      findings.unshift(this.clashFinding(item.item, item.ref, by));
    }
    const delta = computeDelta(previous, next);
    // a service moved into a file that is not taken as written, or into a misspelt table, stays
    // as the catalog has it
    const notTakenFiles = new Set([...kept, ...dropped, ...keptInvalid.keys()]);
    const held = heldBackServices(
      delta.removed,
      files,
      notTakenFiles,
      misspelt,
    );
    // and so do the Systems and Groups they may refer to (their project's System, their owner's
    // Group), which the run would remove with them: the Components' specs are not stored, only
    // their hashes, so no System or Group is removed while a service is held back
    const heldReferences = new Set(heldBackReferences(delta.removed, held));
    if (held.size > 0) {
      delta.removed = delta.removed.filter(
        ref => !held.has(ref) && !heldReferences.has(ref),
      );
    }

    const verdict = evaluateGuard({
      previousCount: previous.size,
      nextCount: next.length,
      previousServiceCount: countServiceRefs(previous.keys()),
      nextServiceCount: next.filter(n => n.item.service).length,
      removedCount: delta.removed.length,
      removedServiceCount: countServiceRefs(delta.removed),
      maxRemovalShare: config.maxRemovalShare,
      rejectEmpty: config.rejectEmpty,
    });
    if (!verdict.allowed) {
      return this.block(verdict.reason, findings, sourceHash);
    }

    const why = notTakenReason(load, findings);
    // the backend plugin's registry is the one taken, without the services held back: a warning
    // at each says why the catalog has it
    for (const [ref, where] of held) {
      findings.push(
        heldBackServiceFinding(
          ref,
          where,
          notTakenFiles.has(where.file)
            ? why(where.file)
            : 'its table is misspelt: write [service.<id>]',
        ),
      );
    }
    // why, and where: the summary is what a person reads first (the status Resource, the log)
    const summary = runSummary(
      {
        entityCount: next.length,
        fileCount: files.length,
        written: delta.upserted.length,
        removed: delta.removed.length,
        findings,
        load,
        leftOut,
        held,
        heldReferences,
      },
      why,
    );
    const status = this.status(
      kept.length || dropped.length || keptInvalid.size || held.size
        ? 'degraded'
        : 'ok',
      summary,
      findings,
      // while another registry holds some of its entities, every run is a full one: it takes them
      // over as soon as the other registry lets them go
      clashes.length ? undefined : sourceHash,
    );
    const statusEntity = this.statusEntity(status, statusOwner);
    const statusHash = entityHash(statusEntity);

    const firstRun = previous.size === 0;
    // a full mutation would remove the services held back (their entities are not at hand): such
    // a run is a delta, and the full mutation waits for the next run
    const full = firstRun || (fullMutation && held.size === 0);
    if (full) {
      await connection.applyMutation({
        type: 'full',
        entities: [...next.map(n => n.entity), statusEntity].map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
    } else {
      await connection.applyMutation({
        type: 'delta',
        added: [...delta.upserted.map(n => n.entity), statusEntity].map(
          entity => ({
            entity,
            locationKey: this.getProviderName(),
          }),
        ),
        removed: delta.removed.map(entityRef => ({
          entityRef,
          locationKey: this.getProviderName(),
        })),
      });
    }

    const hashes = new Map(next.map(n => [n.ref, n.hash]));
    // the entities held back keep the hashes of their last applied versions: the run that takes
    // their files writes or removes them
    for (const ref of [...held.keys(), ...heldReferences]) {
      hashes.set(ref, previous.get(ref)!);
    }
    hashes.set(this.statusEntityRef, statusHash);
    await store.commit(id, {
      files: effectiveFiles,
      entities: hashes,
      removed: delta.removed,
      // the declarations of duplicated ids this run kept, for the next run
      keptDeclarations: keptDeclarationsOf(registry),
    });
    await store.setStatus(id, status, statusOwner);
    remember();
    if (delta.removed.length > 0) {
      this.options.onEntitiesReleased?.(delta.removed);
    }
    // a full mutation that held services prevented waits for the next interval: every run until
    // the file is fixed would otherwise read and apply the whole registry again
    if (fullMutation) this.lastFullMutationAt = startedAt;
    this.publish(registry, status, effectiveFiles, validated);
    this.options.metrics?.recordRegistry?.(id, registry);
    this.log(status, previousState);
    return {
      status,
      mutation: full ? 'full' : 'delta',
      upserted: firstRun ? next.length : delta.upserted.length,
      removed: delta.removed.length,
      unchanged: firstRun ? 0 : delta.unchanged,
    };
  }

  /**
   * The Group names other sources define, for which no owner Group is emitted; asked on every
   * run (one catalog query). When the catalog cannot tell, the groups of this instance's last
   * run are used, or, before any, every owner Group is emitted.
   */
  private async existingGroups(): Promise<{
    groups: Set<string> | undefined;
    unknown: boolean;
  }> {
    const { config, findExistingGroups, logger } = this.options;
    if (!config.ownerGroups || !findExistingGroups) {
      return { groups: undefined, unknown: false };
    }
    try {
      // entity names compare case-insensitively: the catalog takes `Platform-Team` and
      // `platform-team` for one Group, and the owner Groups' names are lower case
      const found = await findExistingGroups(config.id);
      this.lastExistingGroups = new Set(
        [...found].map(name => name.toLocaleLowerCase('en-US')),
      );
    } catch (error) {
      logger.warn(
        `${this.getProviderName()}: could not list the groups other sources define, ${
          this.lastExistingGroups
            ? 'using those of its last run'
            : 'emitting the owner groups of the last applied run (all of them before any)'
        }: ${stringifyError(error)}`,
      );
    }
    return {
      groups: this.lastExistingGroups,
      unknown: this.lastExistingGroups === undefined,
    };
  }

  /**
   * Maps the registry and runs the transformers. With `emittedBefore` (the refs of the last
   * applied run), the only owner Groups are those it emitted. Also gives the owner of the status
   * Resource: the default owner's Group under the name the transformers gave it (the default
   * owner's ref when the provider does not emit that Group, or a transformer dropped it).
   */
  private async mapAndTransform(
    registry: LoadedRegistry,
    existingGroups: Set<string> | undefined,
    deadline: number,
    emittedBefore?: ReadonlyMap<string, string>,
    leftOut?: CredentialIdLeftOut[],
  ): Promise<{ items: MappedEntity[]; statusOwner: string }> {
    const { config, source, transformers = [] } = this.options;
    let mapped = processingStage('mapped', () =>
      mapRegistryToEntities(registry, {
        providerId: config.id,
        rootLocation: source.rootLocation,
        fileLocation: file => source.fileLocation(file),
        sharedSystem: config.sharedSystem,
        defaultOwner: config.defaultOwner,
        ownerGroups: config.ownerGroups,
        existingGroups,
        // the status Resource's owner: a Group the catalog has, as the registry's owners'
        providerOwners: [config.defaultOwner],
        onLeftOut: item => leftOut?.push(item),
      }),
    );
    if (emittedBefore) {
      mapped = mapped.filter(
        ({ entity, service, project, file }) =>
          service !== undefined ||
          project !== undefined ||
          file !== undefined ||
          entity.kind !== 'Group' ||
          emittedBefore.has(stringifyEntityRef(entity)),
      );
    }
    // each transformer keeps its own name, by which failures name it
    const transforms = transformers.map(transform => {
      const run = (entity: Entity, item: MappedEntity) =>
        transform(entity, {
          providerId: config.id,
          service: item.service,
          project: item.project,
          registry,
        });
      Object.defineProperty(run, 'name', { value: transform.name });
      return run;
    });
    if (transforms.length === 0) {
      return { items: mapped, statusOwner: this.statusOwnerRef };
    }
    // the default owner's Group, followed through the transformers by a mark its item keeps
    const ownerKey = this.statusOwnerRef.toLocaleLowerCase('en-US');
    const marked: Array<MappedEntity & { ownsStatus?: true }> = mapped.map(
      item =>
        item.service === undefined &&
        item.project === undefined &&
        item.file === undefined &&
        item.entity.kind === 'Group' &&
        stringifyEntityRef(item.entity).toLocaleLowerCase('en-US') === ownerKey
          ? { ...item, ownsStatus: true }
          : item,
    );
    const transformed = await applyTransformers(marked, transforms, {
      timeoutMs: this.readTimeoutMs,
      deadline,
      reservedRefs: new Set([this.statusEntityRef]),
    });
    const owner = transformed.find(item => item.ownsStatus);
    const statusOwner = owner
      ? stringifyEntityRef(owner.entity)
      : this.statusOwnerRef;
    return {
      items: withoutUnownedGroups(
        transformed.map(({ ownsStatus, ...item }) => item),
        statusOwner,
      ),
      statusOwner,
    };
  }

  private clashFinding(
    item: MappedEntity,
    ref: string,
    by: string,
  ): RegistryFinding {
    const source = item.service?.source ?? item.project?.source;
    const what = item.service
      ? `service "${item.service.id}"`
      : `project "${item.project?.id}"`;
    return {
      severity: 'error',
      code: 'catalog/claimed-by-other-registry',
      message: `${what} becomes ${ref}, which the registry "${by}" (catalog.providers.serviceRegistry.${by}) already puts in the catalog: it is left out of the registry "${this.options.config.id}". Remove or rename it in one of the two registries.`,
      file: source?.file ?? item.file ?? '',
      line: source?.line ?? 1,
      column: source?.column ?? 1,
      ...(item.service ? { service: item.service.id } : {}),
      ...(item.project ? { project: item.project.id } : {}),
    };
  }

  private status(
    state: ProviderRunStatus['state'],
    summary: string,
    findings: Array<RegistryFinding | ProviderRunStatus['findings'][number]>,
    sourceHash?: string,
  ): ProviderRunStatus {
    return {
      state,
      summary,
      findings: findings.map(f => ({
        severity: f.severity,
        code: f.code,
        message: f.message,
        file: f.file,
        line: f.line,
        column: f.column,
        ...(f.service ? { service: f.service } : {}),
        ...(f.project ? { project: f.project } : {}),
      })),
      sourceHash,
      updatedAt: (this.options.now?.() ?? new Date()).toISOString(),
    };
  }

  /** The status Resource showing `status`, owned by `owner` (see `statusOwnerRef`). */
  private statusEntity(status: ProviderRunStatus, owner: string): Entity {
    const { config, source } = this.options;
    const errors = status.findings.filter(f => f.severity === 'error');
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: `service-registry-${config.id.toLowerCase()}`,
        title: `Service registry: ${config.id}`,
        description: status.summary.slice(0, 1000),
        annotations: {
          [ANNOTATION_LOCATION]: source.rootLocation,
          [ANNOTATION_ORIGIN_LOCATION]: source.rootLocation,
          [ANNOTATION_REGISTRY_ID]: config.id,
          [ANNOTATION_INGESTION_STATE]: status.state,
          [ANNOTATION_INGESTION_SUMMARY]: status.summary.slice(0, 1000),
          'service-registry.io/ingestion-errors': String(errors.length),
        },
      },
      spec: {
        type: 'service-registry',
        owner,
      },
    };
  }

  /**
   * The owner of the status Resource as the mapping names it: the default owner, whose Group is
   * emitted as the registry's owners' are (see `MapRegistryOptions.providerOwners`). An entity
   * transformer may rename that Group: a run then gives the status Resource the Group's new ref,
   * which a run that applies nothing keeps (see `setStatus`).
   */
  private get statusOwnerRef(): string {
    // the config reader refuses a defaultOwner that leaves no ref
    return ownerToEntityRef(this.options.config.defaultOwner)!;
  }

  /**
   * Ends a run without applying it: only the status Resource changes. With `keeping`, the reason
   * is followed by what the catalog keeps meanwhile (the last good state, or, before any run was
   * applied, nothing).
   */
  private async block(
    reason: string,
    findings: Array<RegistryFinding | ProviderRunStatus['findings'][number]>,
    sourceHash?: string,
    options?: { keeping: boolean },
  ): Promise<ServiceRegistryRefreshResult> {
    const previous = await this.options.store.getEntityHashes(
      this.options.config.id,
    );
    previous.delete(this.statusEntityRef);
    let summary = reason;
    if (options?.keeping) {
      summary += previous.size
        ? '; kept the last good state'
        : '; nothing is ingested until it is fixed (no earlier run was applied)';
    }
    const status = this.status('blocked', summary, findings, sourceHash);
    // what the run before this one ended with (on any instance): a registry that stays blocked for
    // the same reason is not logged as an error on every run
    const before = await this.options.store.getRunState(this.options.config.id);
    await this.options.store.setStatus(this.options.config.id, status);
    const last = this.options.snapshots?.get(this.options.config.id);
    if (last) {
      this.options.snapshots!.publish({
        ...last,
        state: 'blocked',
        summary,
        updatedAt: status.updatedAt,
      });
    }
    if (this.connection) {
      // Only the status Resource changes: everything else keeps its last good state (before the
      // first applied run, the status Resource is all the catalog shows of this registry).
      await this.connection.applyMutation({
        type: 'delta',
        added: [
          {
            // owned as the last applied run (on any instance) emitted it
            entity: this.statusEntity(
              status,
              (await this.options.store.getStatusOwner(
                this.options.config.id,
              )) ?? this.statusOwnerRef,
            ),
            locationKey: this.getProviderName(),
          },
        ],
        removed: [],
      });
    }
    this.log(status, before);
    return {
      status,
      mutation: 'none',
      upserted: 0,
      removed: 0,
      unchanged: previous.size,
    };
  }

  /** A run with nothing to apply: logged at debug level, the state stays as it was. */
  private noop(
    why: string,
    status: ProviderRunStatus,
  ): ServiceRegistryRefreshResult {
    this.options.logger.debug(
      `${this.getProviderName()}: nothing to apply: ${why} (state ${
        status.state
      })`,
    );
    return { status, mutation: 'none', upserted: 0, removed: 0, unchanged: 0 };
  }

  /**
   * Logs the outcome of a run that applied a mutation or was blocked. A blocked run logs at error
   * level when the run before it (as stored: on any instance) was not blocked, or was blocked for
   * another reason (another summary); a run blocked for the same reason logs at debug level, and
   * at warn level once per `blockedLogIntervalMs` on this instance (so a registry that stays
   * blocked over a weekend does not fill the logs with the same error). The first run that is not
   * blocked after a blocked one logs so once, at info level.
   */
  private log(
    status: ProviderRunStatus,
    previous: Pick<ProviderRunStatus, 'state' | 'summary'> | undefined,
  ) {
    const { logger } = this.options;
    const name = this.getProviderName();
    const errors = status.findings.filter(f => f.severity === 'error');
    let findingLevel: 'warn' | 'debug' = 'warn';
    if (status.state === 'blocked') {
      const now = (this.options.now?.() ?? new Date()).getTime();
      const interval =
        this.options.blockedLogIntervalMs ?? DEFAULT_BLOCKED_LOG_INTERVAL_MS;
      if (
        previous?.state !== 'blocked' ||
        previous.summary !== status.summary
      ) {
        logger.error(`${name}: refresh blocked: ${status.summary}`);
        this.lastBlockedLogAt = now;
      } else if (
        this.lastBlockedLogAt === undefined ||
        now - this.lastBlockedLogAt >= interval
      ) {
        logger.warn(
          `${name}: refresh still blocked, for the same reason as the last run (logged at warn level once per ${formatInterval(
            interval,
          )} while it stays so): ${status.summary}`,
        );
        this.lastBlockedLogAt = now;
      } else {
        logger.debug(
          `${name}: refresh still blocked, for the same reason as the last run: ${status.summary}`,
        );
        findingLevel = 'debug';
      }
    } else {
      if (previous?.state === 'blocked') {
        logger.info(
          `${name}: refresh no longer blocked (the last run was blocked: ${previous.summary})`,
        );
        this.lastBlockedLogAt = undefined;
      }
      if (status.state === 'degraded') {
        logger.warn(`${name}: ${status.summary}`);
      } else {
        logger.info(`${name}: ${status.summary}`);
      }
    }
    for (const finding of errors.slice(0, 50)) {
      logger[findingLevel](`${name}: ${formatFinding(finding)}`);
    }
    if (errors.length > 50) {
      logger[findingLevel](`${name}: … and ${errors.length - 50} more errors`);
    }
  }
}
