/*
 * Indexing lives in the common package, with the neighbourhood walk the backend's
 * `GET /graph?service=&depth=` answers with: these are its names here.
 */
export { indexRegistryGraph as indexGraph } from '@service-registry/plugin-service-registry-common';
export type { IndexedRegistryGraph as IndexedGraph } from '@service-registry/plugin-service-registry-common';
