export type { RegistrySnapshot } from './RegistrySnapshot';
export {
  serviceRegistrySnapshotServiceRef,
  InMemoryServiceRegistrySnapshotService,
  type ServiceRegistrySnapshotService,
} from './serviceRegistrySnapshotServiceRef';
export {
  chooseRegistryId,
  chooseRegistrySnapshot,
  configuredRegistryIds,
} from './chooseRegistrySnapshot';
