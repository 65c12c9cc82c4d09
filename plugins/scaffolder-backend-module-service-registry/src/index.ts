/***/
/**
 * The service-registry module for @backstage/plugin-scaffolder-backend.
 *
 * @packageDocumentation
 */

export { scaffolderModuleServiceRegistry as default } from './module';
