export type { RegistrySnapshot } from './RegistrySnapshot';
export {
  serviceRegistrySnapshotServiceRef,
  InMemoryServiceRegistrySnapshotService,
  type ServiceRegistrySnapshotService,
} from './serviceRegistrySnapshotServiceRef';
export {
  chooseRegistrySnapshot,
  configuredRegistryIds,
} from './chooseRegistrySnapshot';
