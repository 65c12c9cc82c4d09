/**
 * Node.js helpers for the TOML service registry: reading a registry from a directory or a URL
 * location, format-preserving edits, and migrating a plugin's database.
 *
 * @packageDocumentation
 */
export { readRegistryDirectory } from './read/readRegistryDirectory';
export { registryDirectoryStamp } from './read/registryDirectoryStamp';
export type { RegistryDirectoryStamp } from './read/registryDirectoryStamp';
export { readRegistryFromUrl } from './read/readRegistryFromUrl';
export { decodeRegistryFile } from './read/decodeRegistryFile';
export type { ReadRegistryFromUrlResult } from './read/readRegistryFromUrl';
export { loadRegistryFromDirectory } from './read/loadRegistryFromDirectory';
export { readDocumentsOnDisk } from './read/readDocumentsOnDisk';
export type { DocumentOnDisk } from './read/readDocumentsOnDisk';
export { readTaskSchedule } from './config/readTaskSchedule';
export { scheduleDurationMilliseconds } from './config/scheduleDurationMilliseconds';
export { migrateUnderLock } from './database/migrateUnderLock';
export type { MigrateUnderLockOptions } from './database/migrateUnderLock';
export * from './snapshot';
export * from './edit';
export {
  noSuchService,
  parseRequest,
  registryIdSchema,
  serviceIdSchema,
} from './http/parseRequest';
export { runGit, runGitForBytes } from './git/runGit';
export type { RunGitOptions } from './git/runGit';
export { listRemoteBranches } from './git/listRemoteBranches';
export type { RemoteBranches } from './git/listRemoteBranches';
export { RegistryThread } from './thread/RegistryThread';
export { PendingChangesReader } from './pending/PendingChangesReader';
export type { PendingChangesReaderOptions } from './pending/PendingChangesReader';
