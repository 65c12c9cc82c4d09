/**
 * The TOML service registry model shared by the service-registry plugins: loading, validation,
 * dependency graph, diff and entity mapping constants. Isomorphic: no Node.js APIs.
 *
 * @packageDocumentation
 */
export {};
