export {
  serviceRegistryReadPermission,
  serviceRegistryPermissions,
} from './permissions';
