/**
 * The TOML service registry model shared by the service-registry plugins: loading, validation,
 * dependency graph, diff and entity mapping constants. Isomorphic: no Node.js APIs.
 *
 * @packageDocumentation
 */
export * from './model/types';
export * from './model/annotations';
export * from './model/units';
export {
  DEFAULT_BETA_CHANGE_NOTICE_DAYS,
  betaChangeNoticeDays,
  breakingChangeNoticeOf,
} from './model/breakingChangeNotice';
export type { BreakingChangeNotice } from './model/breakingChangeNotice';
export { getServiceForProject } from './model/getServiceForProject';
export { loadRegistry } from './load/buildRegistry';
export type { LoadRegistryOptions } from './load/LoadRegistryOptions';
export {
  duplicatedServices,
  keptDeclarationsOf,
} from './load/keptDeclarations';
export { parseTomlFile, stripBom } from './load/parseToml';
export {
  FILE_TOO_LARGE_CODE,
  isUnreadFileFinding,
  TOML_SYNTAX_CODE,
  unreadFileReason,
} from './load/unreadFileFinding';
export { formatByteSize } from './load/formatByteSize';
export { batchesByCost } from './util/batchesByCost';
export type { BatchLimits } from './util/batchesByCost';
export {
  declaredServiceHeaders,
  misspeltServiceHeaders,
} from './load/declaredServiceHeaders';
export { keyPosition } from './load/filePositions';
export type { ParsedTomlFile, ParseTomlResult } from './load/parseToml';
export { scanTomlPositions } from './load/positions';
export type { TomlKeyPosition } from './load/positions';
export { joinKeyPath } from './load/keyPath';
export type { KeyPathPart } from './load/keyPath';
export {
  classifyRegistryFile,
  isRegistryLayoutFolder,
  isTomlFileName,
  normalizeRegistryPath,
  intendedRegistryPath,
} from './load/classifyFile';
export type { RegistryFileKind } from './load/classifyFile';
export {
  isRegistryLayoutFile,
  registryRootBelow,
} from './load/registryRootBelow';
export { parseDependencyString } from './load/dependencies';
export { SERVICE_ID_PATTERN } from './load/fieldSpecs';
export { isSecretLookingKey } from './load/secrets';
export { hasControlCharacter } from './load/controlCharacters';
export {
  controlCharacterPattern,
  escapeControlCharacters,
} from './load/controlCharacterPattern';
export { mergeTables } from './load/mergeTables';
export * from './catalog';
export * from './graph';
export * from './validation';
export { alertRoutesOf } from './monitoring/alertRoutes';
export type { ServiceAlertRoutes } from './monitoring/alertRoutes';
export * from './diff';
export * from './report';
export * from './permissions';
export * from './sla';
export * from './deprecation';
export * from './api';
