export {
  serviceRegistryReadPermission,
  serviceRegistryRemindPermission,
  serviceRegistryPermissions,
} from './permissions';
