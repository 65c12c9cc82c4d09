export {
  computeDeprecation,
  computeDeprecations,
  countDeprecations,
  deprecatedDependenciesOf,
} from './computeDeprecations';
export { migrationHint } from './migrationHint';
export { AT_RISK_DAYS, DEPRECATION_STATUSES } from './types';
export type {
  DeprecatedDependenciesResponse,
  DeprecatedDependency,
  DeprecationConsumer,
  DeprecationCounts,
  DeprecationDetailResponse,
  DeprecationHistoryPoint,
  DeprecationHistoryResponse,
  DeprecationRecord,
  DeprecationStatus,
  DeprecationsResponse,
  ReplacementInfo,
} from './types';
