import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { RegistrySnapshot } from './RegistrySnapshot';

/**
 * Holds the last good snapshot of every ingested registry in this backend process. The catalog
 * provider publishes; the service-registry backend plugin reads.
 *
 * @public
 */
export interface ServiceRegistrySnapshotService {
  /** Replaces the snapshot of a registry and notifies subscribers. */
  publish(snapshot: RegistrySnapshot): void;
  /** The snapshot of one registry (`default` when omitted), if any was published. */
  get(providerId?: string): RegistrySnapshot | undefined;
  /** Every published snapshot. */
  list(): RegistrySnapshot[];
  /** Calls the listener after each publish; returns the unsubscribe function. */
  subscribe(listener: (snapshot: RegistrySnapshot) => void): () => void;
}

/**
 * An in-memory {@link ServiceRegistrySnapshotService}.
 *
 * @public
 */
export class InMemoryServiceRegistrySnapshotService
  implements ServiceRegistrySnapshotService
{
  private readonly snapshots = new Map<string, RegistrySnapshot>();
  private readonly listeners = new Set<(snapshot: RegistrySnapshot) => void>();

  /** {@inheritDoc ServiceRegistrySnapshotService.publish} */
  publish(snapshot: RegistrySnapshot): void {
    this.snapshots.set(snapshot.providerId, snapshot);
    for (const listener of this.listeners) listener(snapshot);
  }

  /** {@inheritDoc ServiceRegistrySnapshotService.get} */
  get(providerId = 'default'): RegistrySnapshot | undefined {
    return this.snapshots.get(providerId);
  }

  /** {@inheritDoc ServiceRegistrySnapshotService.list} */
  list(): RegistrySnapshot[] {
    return [...this.snapshots.values()];
  }

  /** {@inheritDoc ServiceRegistrySnapshotService.subscribe} */
  subscribe(listener: (snapshot: RegistrySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/**
 * The root-scoped service shared by the catalog provider (which publishes) and the
 * service-registry backend plugin (which serves), so that a registry is parsed once per change,
 * not once per request.
 *
 * @public
 */
export const serviceRegistrySnapshotServiceRef =
  createServiceRef<ServiceRegistrySnapshotService>({
    id: 'service-registry.snapshot',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => new InMemoryServiceRegistrySnapshotService(),
      }),
  });
