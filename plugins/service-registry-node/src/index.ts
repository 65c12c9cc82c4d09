/**
 * Node.js helpers for the TOML service registry: reading a registry from a directory or a URL
 * location, and format-preserving edits.
 *
 * @packageDocumentation
 */
export {};
