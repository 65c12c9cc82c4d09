/**
 * Frontend plugin for the TOML service registry.
 *
 * @packageDocumentation
 */
export { serviceRegistryPlugin } from './plugin';
