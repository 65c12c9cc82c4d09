/**
 * Scaffolder actions for the TOML service registry: fetch the registry, add, deprecate and update
 * services in place, validate the change with its impact report, and publish a branch.
 *
 * @packageDocumentation
 */

export { scaffolderModuleServiceRegistry as default } from './module';
export * from './actions';
