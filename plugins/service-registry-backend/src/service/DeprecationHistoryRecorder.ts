import { LoggerService } from '@backstage/backend-plugin-api';
import {
  dependencyGraphOf,
  computeDeprecations,
} from '@service-registry/plugin-service-registry-common';
import {
  RegistrySnapshot,
  ServiceRegistrySnapshotService,
} from '@service-registry/plugin-service-registry-node';
import { DeprecationHistoryStore } from '../database/DeprecationHistoryStore';

/**
 * Records the migration progress of deprecated services at every registry ingestion: subscribes
 * to the snapshots the catalog provider publishes and stores, per deprecated service, its
 * consumers left (see {@link DeprecationHistoryStore.record} for when a row is stored). Snapshots
 * are recorded one after the other, in publish order; a failure is logged, never thrown.
 */
export class DeprecationHistoryRecorder {
  private queue: Promise<void> = Promise.resolve();
  private unsubscribe?: () => void;

  constructor(
    private readonly options: {
      store: DeprecationHistoryStore;
      logger: LoggerService;
    },
  ) {}

  /**
   * Records the snapshots already published, then every later one.
   *
   * @param snapshots - the snapshot service
   */
  start(snapshots: ServiceRegistrySnapshotService): void {
    for (const snapshot of snapshots.list()) this.enqueue(snapshot);
    this.unsubscribe = snapshots.subscribe(snapshot => this.enqueue(snapshot));
  }

  /** Stops listening and waits for the recordings under way. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.idle();
  }

  /** Resolves when every snapshot received so far is recorded. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Queues one snapshot. */
  enqueue(snapshot: RegistrySnapshot): void {
    this.queue = this.queue.then(async () => {
      try {
        const stored = await this.record(snapshot);
        if (stored.length > 0) {
          this.options.logger.debug(
            `Recorded the consumers left of ${stored.join(', ')} in registry "${
              snapshot.providerId
            }"`,
          );
        }
      } catch (error) {
        this.options.logger.warn(
          `Could not record the migration progress of registry "${snapshot.providerId}": ${error}`,
        );
      }
    });
  }

  /**
   * Records one snapshot now: the deprecations as of the day of its ingestion.
   *
   * @returns the services a row was stored for
   */
  async record(snapshot: RegistrySnapshot): Promise<string[]> {
    const parsed = new Date(snapshot.updatedAt);
    const at = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
    const records = computeDeprecations(
      snapshot.registry,
      dependencyGraphOf(snapshot.registry),
      at.toISOString().slice(0, 10),
    );
    return this.options.store.record(
      snapshot.providerId,
      at.toISOString(),
      records.map(r => ({
        service: r.service,
        consumers: r.consumers.length,
        optionalConsumers: r.optionalConsumers.length,
        status: r.status,
      })),
    );
  }
}
