import {
  loadRegistry,
  RegistryFileInput,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import {
  InMemoryServiceRegistrySnapshotService,
  RegistrySnapshot,
} from '@service-registry/plugin-service-registry-node';

/**
 * The snapshot the catalog provider would publish for these registry files: loaded, validated on
 * 2026-11-22 (the tests' day), state `ok`.
 */
export function snapshotOfFiles(
  files: RegistryFileInput[],
  overrides: Partial<Omit<RegistrySnapshot, 'registry' | 'findings'>> = {},
): RegistrySnapshot {
  const registry = loadRegistry(files);
  return {
    providerId: 'default',
    registry,
    findings: validateRegistry(registry, { today: '2026-11-22' }),
    state: 'ok',
    summary: 'test',
    updatedAt: '2026-11-22T00:00:00.000Z',
    rootLocation: 'file:/registry',
    ...overrides,
  };
}

/** A snapshot service holding the snapshot of these files ({@link snapshotOfFiles}). */
export function publishedFiles(
  files: RegistryFileInput[],
  overrides: Partial<Omit<RegistrySnapshot, 'registry' | 'findings'>> = {},
): InMemoryServiceRegistrySnapshotService {
  const snapshots = new InMemoryServiceRegistrySnapshotService();
  snapshots.publish(snapshotOfFiles(files, overrides));
  return snapshots;
}
