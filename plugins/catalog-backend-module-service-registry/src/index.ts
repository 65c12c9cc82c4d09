/**
 * The service-registry entity provider module for the catalog backend.
 *
 * @packageDocumentation
 */
export { catalogModuleServiceRegistryEntityProvider as default } from './module';
