/**
 * Format-preserving edits of registry files: add a service, set fields of a service. Each
 * function returns the new text, with every byte outside the edit unchanged, or throws a
 * {@link RegistryEditError}; the result is re-parsed and checked before it is returned.
 */
export { addServiceTable, renderServiceBlock } from './addServiceTable';
export type { AddServiceTableOptions } from './addServiceTable';
export { setServiceFields } from './setServiceFields';
export type { SetServiceFieldsOptions } from './setServiceFields';
export { RegistryEditError } from './editSupport';
export {
  renderTomlKey,
  renderTomlDottedKey,
  renderTomlValue,
} from './renderToml';
export type { TomlEditValue } from './renderToml';
