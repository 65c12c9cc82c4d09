/*
 * The format-preserving editor of the node library, re-exported for the actions.
 */
export {
  addServiceTable,
  setServiceFields,
  renderTomlValue,
  RegistryEditError,
} from '@service-registry/plugin-service-registry-node';
export type { TomlEditValue } from '@service-registry/plugin-service-registry-node';
