/**
 * Scaffolder actions for the TOML service registry: fetch the registry, add, deprecate and update
 * services in place, validate the change with its impact report, publish a branch, and resolve the
 * change's required approvers to the reviewers of its pull or merge request.
 *
 * @packageDocumentation
 */

export { scaffolderModuleServiceRegistry as default } from './module';
export * from './actions';
