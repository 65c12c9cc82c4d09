import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  keptDeclarationsOf,
  loadRegistry,
  DeprecationRecord,
  LoadedRegistry,
  redactSecrets,
  RegistryFileInput,
  ReminderResponse,
  serviceEntityRefOf,
} from '@service-registry/plugin-service-registry-common';
import {
  RegistrySnapshot,
  ServiceRegistrySnapshotService,
} from '@service-registry/plugin-service-registry-node';
import {
  ConsumerNoticeStore,
  NoticeDelivery,
} from '../database/ConsumerNoticeStore';
import {
  isInCatalog,
  planConsumerNotices,
  planDeprecationNotices,
} from '../lib/planConsumerNotices';
import { ConsumerNotice } from '../lib/types';

/**
 * The notifications' topic: users can filter and mute by it.
 *
 * @public
 */
export const NOTIFICATION_TOPIC = 'service-registry';

const DEPRECATION_PREFIX = 'deprecation/';
const BREAKING_PREFIX = 'breaking/';
/** How long a told breaking change is remembered (against a second instance telling it). */
const BREAKING_MEMORY_MS = 30 * 86_400_000;
/** The longest name the catalog gives an entity. */
const ENTITY_NAME_LENGTH = 63;

/**
 * What one run of the notifier did.
 *
 * @public
 */
export interface ConsumerNotifierRun {
  /** The registry. */
  registryId: string;
  /**
   * `first`: no baseline yet, so what is true now was recorded as known and nobody was told;
   * `changed`: the registry changed since the baseline (breaking changes were looked for);
   * `unchanged`: only deprecation stages were looked at;
   * `settled`: nothing was looked at, since the snapshot holds the very registry of the last run,
   * on the same day, and that run left nothing to tell (a blocked provider publishes its last
   * good registry again at each run);
   * `stale`: nothing was looked at, since the snapshot is older (by its `updatedAt`, the
   * ingestion's time) than the one consumers were last told about (another backend instance,
   * ahead of this one, told it).
   */
  mode: 'first' | 'changed' | 'unchanged' | 'settled' | 'stale';
  /** The notices planned, with the breaking-change notices earlier runs still owe. */
  planned: number;
  /** The notices sent (a notice is sent once per owner of new consumers). */
  sent: ConsumerNotice[];
  /**
   * Notices that could not be sent (they are tried again at the next run; a breaking change is
   * kept until told, for 30 days at most).
   */
  failed: number;
  /**
   * Deliveries put off because the consumer's catalog entity has no owner to route to yet
   * (they are tried again at the next run).
   */
  deferred: number;
}

/**
 * A reminder sent by {@link ConsumerNotifier.remind}.
 *
 * @public
 */
export type ReminderResult = Omit<ReminderResponse, 'registry' | 'service'>;

/**
 * Options of {@link ConsumerNotifier}.
 *
 * @public
 */
export interface ConsumerNotifierOptions {
  /** Where deliveries and baselines are kept. */
  store: ConsumerNoticeStore;
  /** Backstage's notification service. */
  notifications: NotificationService;
  /** The logger. */
  logger: LoggerService;
  /**
   * Of the given consuming services of a registry (its catalog provider's id), the ones whose
   * catalog entities have an owner the notifications backend can route to, each with the refs of
   * those entities: its notices are addressed to them. A consumer left out (its entity not
   * ingested or not processed yet, e.g. added in the same registry change) is not told now but
   * at a later run. The module's own check (`reachableInCatalog`) finds a consumer's Component
   * by its `service-registry.io/service-id` and `service-registry.io/registry-id` annotations
   * (a transformer may have renamed or moved it), else as `component:default/<id>`.
   * Default: every consumer, at `component:default/<id>`.
   */
  reachable?: (
    consumers: string[],
    registryId: string,
  ) => Promise<ReadonlyMap<string, readonly string[]>>;
  /** The clock (tests). */
  now?: () => Date;
}

/** {@link keptDeclarationsOf} as stored with a baseline: undefined when no id is declared twice. */
function keptOf(registry: LoadedRegistry): Record<string, string> | undefined {
  const kept = keptDeclarationsOf(registry);
  return kept.size > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * Tells the owners of consuming services what they should know about the services they depend
 * on (see {@link planConsumerNotices}), through Backstage notifications addressed to the
 * consuming services' catalog entities (the notifications backend routes them to the entities'
 * owners). Runs on each registry snapshot the catalog provider publishes and on a schedule (so
 * that a sunset coming near is told without a registry change), one run at a time; each
 * (notice, consumer) is told once, whichever backend instance runs. A failure is logged, never
 * thrown.
 *
 * @public
 */
export class ConsumerNotifier {
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe?: () => void;
  /** Per registry: the registry and day of the last run that left nothing to tell. */
  private readonly settled = new Map<
    string,
    { registry: LoadedRegistry; day: string }
  >();

  /** Per registry: the ids too long for an entity name, as last logged. */
  private readonly loggedLongIds = new Map<string, string>();

  constructor(private readonly options: ConsumerNotifierOptions) {}

  /**
   * Runs on the snapshots already published, then on every later one.
   *
   * @param snapshots - the snapshot service
   */
  start(snapshots: ServiceRegistrySnapshotService): void {
    for (const snapshot of snapshots.list()) void this.enqueue(snapshot);
    this.unsubscribe = snapshots.subscribe(snapshot => {
      void this.enqueue(snapshot);
    });
  }

  /** Stops listening and waits for the runs under way. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.idle();
  }

  /** Resolves when every run queued so far has ended. */
  async idle(): Promise<void> {
    await this.queue;
  }

  /**
   * Queues a run on one snapshot.
   *
   * @returns the run, or undefined when it failed (the failure is logged)
   */
  enqueue(
    snapshot: RegistrySnapshot,
  ): Promise<ConsumerNotifierRun | undefined> {
    const run = this.queue.then(async () => {
      try {
        return await this.run(snapshot);
      } catch (error) {
        this.options.logger.warn(
          `Could not notify the consumers of registry "${snapshot.providerId}": ${error}`,
        );
        return undefined;
      }
    });
    this.queue = run;
    return run;
  }

  /**
   * Queues a run on each snapshot the service holds (the scheduled check of sunsets).
   *
   * @returns the runs that did not fail
   */
  async checkAll(
    snapshots: ServiceRegistrySnapshotService,
  ): Promise<ConsumerNotifierRun[]> {
    const runs = await Promise.all(snapshots.list().map(s => this.enqueue(s)));
    return runs.filter((r): r is ConsumerNotifierRun => r !== undefined);
  }

  /**
   * Reminds, now, the owners of every consumer of a deprecated (or retired) service where its
   * migration stands: the deprecation notice at its current stage, titled "Reminder:" and naming
   * who sent it. At most once per service and day, across backend instances; the reminder is not
   * recorded when nobody could be reminded.
   *
   * @param snapshot - the registry
   * @param record - the deprecated service's migration record, as of today
   * @param by - entity ref of the user who asks
   * @throws ConflictError when its consumers were reminded today already, when none of them can be
   *   reached through the catalog, or when the service's id is longer than an entity name (63
   *   characters: the day's reminder could not be recorded)
   */
  async remind(
    snapshot: RegistrySnapshot,
    record: DeprecationRecord,
    by: string,
  ): Promise<ReminderResult> {
    const { store } = this.options;
    const registryId = snapshot.providerId;
    const service = record.service;
    if (service.length > ENTITY_NAME_LENGTH) {
      throw new ConflictError(
        `The consumers of ${service} cannot be reminded: its id is longer than the ${ENTITY_NAME_LENGTH} characters of a catalog entity name (rename it in the registry)`,
      );
    }
    const at = (this.options.now?.() ?? new Date()).toISOString();
    const day = at.slice(0, 10);
    const notices = planDeprecationNotices(record, snapshot.registry, day);
    const reachable = await this.reachableOf(registryId, deliveriesOf(notices));
    const deferred = [...new Set(notices.flatMap(n => n.consumers))].filter(
      c => !reachable.has(c),
    );
    const toRemind = notices
      .map(n => ({
        ...n,
        consumers: n.consumers.filter(c => reachable.has(c)),
      }))
      .filter(n => n.consumers.length > 0);
    if (toRemind.length === 0) {
      throw new ConflictError(
        `No consumer of ${service} can be reminded: none is in the catalog with an owner`,
      );
    }
    if (!(await store.recordReminder(registryId, service, { at, by }))) {
      const last = await store.lastReminder(registryId, service);
      throw new ConflictError(
        `The consumers of ${service} were reminded today already${
          last ? `, by ${last.by} at ${last.at.slice(11, 16)} UTC` : ''
        }: one reminder a day`,
      );
    }
    const notified: ReminderResult['notified'] = [];
    let lastError: unknown;
    for (const notice of toRemind) {
      try {
        await this.options.notifications.send({
          recipients: {
            type: 'entity',
            entityRef: entityRefsOf(notice.consumers, reachable),
          },
          payload: {
            // a guide URL or a name as written may hold a credential
            title: redactSecrets(`Reminder: ${notice.title}`),
            description: redactSecrets(
              `${notice.description} (Reminder sent by ${by}.)`,
            ),
            link: notice.link,
            severity: notice.severity,
            topic: NOTIFICATION_TOPIC,
            scope: `service-registry:${registryId}:reminder/${service}/${day}:${
              notice.owner ?? ''
            }`,
          },
        });
        notified.push({ owner: notice.owner, consumers: notice.consumers });
      } catch (error) {
        lastError = error;
        this.options.logger.warn(
          `Could not remind the owners of ${notice.consumers.join(
            ', ',
          )} about ${service}: ${error}`,
        );
      }
    }
    if (notified.length === 0) {
      await store.forgetReminder(registryId, service, day);
      throw lastError;
    }
    this.options.logger.info(
      `${by} reminded the owners of the consumers of ${service} in registry "${registryId}"`,
    );
    return { at, by, notified, deferred };
  }

  /** One run, now (callers queue it). */
  private async run(snapshot: RegistrySnapshot): Promise<ConsumerNotifierRun> {
    const { store, logger } = this.options;
    const registryId = snapshot.providerId;
    const now = this.options.now?.() ?? new Date();
    const at = now.toISOString();
    const today = at.slice(0, 10);
    const settled = this.settled.get(registryId);
    if (settled?.registry === snapshot.registry && settled.day === today) {
      return {
        registryId,
        mode: 'settled',
        planned: 0,
        sent: [],
        failed: 0,
        deferred: 0,
      };
    }
    this.settled.delete(registryId);
    this.logLongIds(registryId, snapshot.registry);
    const files = snapshot.files ? [...snapshot.files] : undefined;
    const fingerprint = files && fingerprintOf(files);
    const snapshotAt = isoTimeOf(snapshot.updatedAt);
    const mark = await store.getBaselineMark(registryId);
    const known = mark?.fingerprint;
    if (mark?.snapshotAt && snapshotAt && snapshotAt < mark.snapshotAt) {
      logger.info(
        `Consumer notifications of registry "${registryId}" skip the snapshot of ${snapshotAt}: consumers were told about the one of ${mark.snapshotAt} already`,
      );
      return {
        registryId,
        mode: 'stale',
        planned: 0,
        sent: [],
        failed: 0,
        deferred: 0,
      };
    }

    if (known === undefined) {
      const notices = planConsumerNotices({ head: snapshot.registry, today });
      await store.claim(registryId, deliveriesOf(notices), at);
      // without the files (a publisher that does not keep them), breaking changes cannot be
      // looked for; the empty baseline still ends the first run
      await store.setBaseline(
        registryId,
        {
          fingerprint: fingerprint ?? 'none',
          files: files ?? [],
          keptDeclarations: keptOf(snapshot.registry),
          snapshotAt,
        },
        at,
      );
      logger.info(
        `Consumer notifications of registry "${registryId}" start from the registry as it is now: ${notices.length} current notices recorded as known, none sent`,
      );
      return {
        registryId,
        mode: 'first',
        planned: notices.length,
        sent: [],
        failed: 0,
        deferred: 0,
      };
    }

    let base: LoadedRegistry | undefined;
    if (fingerprint && fingerprint !== known) {
      const baseline = await store.getBaseline(registryId);
      // with the declarations it kept of duplicated ids, which path order alone may not keep
      base =
        baseline &&
        loadRegistry(baseline.files, {
          preferredDeclarations: baseline.keptDeclarations
            ? new Map(Object.entries(baseline.keptDeclarations))
            : undefined,
        });
    }
    const planned = planConsumerNotices({
      head: snapshot.registry,
      base,
      today,
    });
    // breaking changes found at an earlier change but not told then: the baseline moved on, so
    // they are not found again
    const owed = await this.owed(registryId, snapshot.registry, planned, now);
    const notices = [...planned, ...owed.notices];
    // what was told already is not looked up in the catalog again
    const untold = await store.untold(registryId, deliveriesOf(notices));
    const reachable = await this.reachableOf(registryId, untold);
    const routable = untold.filter(d => reachable.has(d.consumer));
    const deferred = untold.length - routable.length;
    const claimed = new Set(
      (await store.claim(registryId, routable, at)).map(pairOf),
    );
    const sent: ConsumerNotice[] = [];
    const unsent = new Set<string>();
    let failed = 0;
    for (const notice of notices) {
      const deliveries = deliveriesOf([notice]).filter(d =>
        claimed.has(pairOf(d)),
      );
      if (deliveries.length === 0) continue;
      try {
        await this.send(
          registryId,
          notice,
          entityRefsOf(
            deliveries.map(d => d.consumer),
            reachable,
          ),
        );
        sent.push(notice);
      } catch (error) {
        failed += 1;
        for (const d of deliveries) unsent.add(pairOf(d));
        await store.release(registryId, deliveries);
        logger.warn(
          `Could not send the notice "${
            notice.title
          }" of registry "${registryId}" to the owners of ${deliveries
            .map(c => c.consumer)
            .join(', ')}: ${error}`,
        );
      }
    }
    // a breaking change not told (the send failed, or the consumer has no owner to route to yet)
    // is kept until it is; one told (here, or by another instance) is owed no more
    const untoldPairs = new Set(untold.map(pairOf));
    const stillOwed = (d: NoticeDelivery) =>
      unsent.has(pairOf(d)) ||
      (untoldPairs.has(pairOf(d)) && !reachable.has(d.consumer));
    await store.keepPending(
      registryId,
      notices
        .filter(n => n.kind === 'breaking-change')
        .flatMap(notice =>
          deliveriesOf([notice])
            .filter(stillOwed)
            .map(d => ({ consumer: d.consumer, notice })),
        ),
      at,
    );
    await store.dropPending(registryId, [
      ...owed.gone,
      ...owed.pairs.filter(d => !stillOwed(d)),
    ]);
    if (base && files && fingerprint) {
      await store.setBaseline(
        registryId,
        {
          fingerprint,
          files,
          keptDeclarations: keptOf(snapshot.registry),
          snapshotAt,
        },
        at,
      );
    }
    await store.forgetOthers(
      registryId,
      DEPRECATION_PREFIX,
      new Set(notices.filter(n => n.kind === 'deprecation').map(n => n.key)),
    );
    await store.forgetOlder(
      registryId,
      BREAKING_PREFIX,
      new Date(now.getTime() - BREAKING_MEMORY_MS).toISOString(),
    );
    if (sent.length > 0) {
      logger.info(
        `Told the owners of consuming services of registry "${registryId}": ${[
          ...new Set(sent.map(n => n.title)),
        ].join('; ')}`,
      );
    }
    if (failed === 0 && deferred === 0) {
      this.settled.set(registryId, { registry: snapshot.registry, day: today });
    }
    return {
      registryId,
      mode: base ? 'changed' : 'unchanged',
      planned: notices.length,
      sent,
      failed,
      deferred,
    };
  }

  /**
   * The breaking-change notices earlier runs still owe, as notices per key and owner, leaving out
   * the consumers a notice planned now covers already; those owed longer than a told breaking
   * change is remembered are forgotten (logged), and those to consumers the catalog no longer
   * has (removed, retired) are returned as `gone`.
   */
  private async owed(
    registryId: string,
    head: LoadedRegistry,
    planned: ConsumerNotice[],
    now: Date,
  ): Promise<{
    notices: ConsumerNotice[];
    pairs: NoticeDelivery[];
    gone: NoticeDelivery[];
  }> {
    const { store, logger } = this.options;
    const expired = await store.forgetPendingOlder(
      registryId,
      new Date(now.getTime() - BREAKING_MEMORY_MS).toISOString(),
    );
    if (expired > 0) {
      logger.warn(
        `Consumer notifications of registry "${registryId}" gave up ${expired} breaking-change ${
          expired === 1 ? 'delivery' : 'deliveries'
        } not told in 30 days (the notifications backend failing, or consumers without an owner in the catalog)`,
      );
    }
    const plannedPairs = new Set(deliveriesOf(planned).map(pairOf));
    const groups = new Map<string, ConsumerNotice>();
    const pairs: NoticeDelivery[] = [];
    const gone: NoticeDelivery[] = [];
    for (const { consumer, notice } of await store.pending(registryId)) {
      const delivery = { key: notice.key, consumer };
      if (!isInCatalog(head, consumer)) {
        gone.push(delivery);
        continue;
      }
      pairs.push(delivery);
      if (plannedPairs.has(pairOf(delivery))) continue;
      const group = `${notice.key}\u0000${notice.owner ?? ''}`;
      const owedNotice = groups.get(group) ?? { ...notice, consumers: [] };
      owedNotice.consumers.push(consumer);
      groups.set(group, owedNotice);
    }
    return { notices: [...groups.values()], pairs, gone };
  }

  /**
   * Logs, once per registry until they change, the service ids longer than an entity name: the
   * catalog has no entity for them, so they are told nothing (see `planConsumerNotices`).
   */
  private logLongIds(registryId: string, registry: LoadedRegistry): void {
    const ids = [...registry.services.keys()]
      .filter(id => id.length > ENTITY_NAME_LENGTH)
      .join(', ');
    if (ids === (this.loggedLongIds.get(registryId) ?? '')) return;
    this.loggedLongIds.set(registryId, ids);
    if (ids) {
      this.options.logger.warn(
        `Services of registry "${registryId}" whose id is longer than ${ENTITY_NAME_LENGTH} characters are told nothing (the catalog has no entity for them): ${ids}`,
      );
    }
  }

  /**
   * The consumers of these deliveries that the notifications backend can route to, with the refs
   * of their catalog entities.
   */
  private async reachableOf(
    registryId: string,
    deliveries: NoticeDelivery[],
  ): Promise<ReadonlyMap<string, readonly string[]>> {
    const consumers = [...new Set(deliveries.map(d => d.consumer))];
    if (!this.options.reachable || consumers.length === 0) {
      return new Map(consumers.map(c => [c, [serviceEntityRefOf(c)]]));
    }
    return this.options.reachable(consumers, registryId);
  }

  private async send(
    registryId: string,
    notice: ConsumerNotice,
    entityRef: string[],
  ): Promise<void> {
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef },
      payload: {
        // a guide URL or a name as written may hold a credential
        title: redactSecrets(notice.title),
        description: redactSecrets(notice.description),
        link: notice.link,
        severity: notice.severity,
        topic: NOTIFICATION_TOPIC,
        // one notification per notice and owner: telling it again (a new consumer of the same
        // owner) replaces it instead of adding a second one
        scope: `service-registry:${registryId}:${notice.key}:${
          notice.owner ?? ''
        }`,
      },
    });
  }
}

/** The catalog entities of these consumers, in their order, each once. */
function entityRefsOf(
  consumers: string[],
  reachable: ReadonlyMap<string, readonly string[]>,
): string[] {
  return [...new Set(consumers.flatMap(c => reachable.get(c) ?? []))];
}

function pairOf(delivery: NoticeDelivery): string {
  return `${delivery.key}\u0000${delivery.consumer}`;
}

function deliveriesOf(notices: ConsumerNotice[]): NoticeDelivery[] {
  return notices.flatMap(n =>
    n.consumers.map(consumer => ({ key: n.key, consumer })),
  );
}

/** A snapshot's `updatedAt` as a comparable ISO time, undefined when it is not a time. */
function isoTimeOf(updatedAt: string): string | undefined {
  const time = new Date(updatedAt);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** SHA-256 of the files' paths and texts, in path order. */
function fingerprintOf(files: RegistryFileInput[]): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path, 'en'));
  for (const file of sorted) {
    hash.update(file.path).update('\u0000').update(file.text).update('\u0000');
  }
  return hash.digest('hex');
}
