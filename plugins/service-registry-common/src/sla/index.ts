export { evaluateSla } from './evaluateSla';
export { compareSlaWithPolicy } from './compareWithPolicy';
export type { SlaPolicyComparison } from './compareWithPolicy';
export {
  describeEffectiveSla,
  effectiveSlaOf,
  effectiveSlaValue,
  slaPolicyOf,
} from './effectiveSla';
export type { EffectiveSlaValue } from './effectiveSla';
export {
  DEPENDENCY_SLA_TARGETS,
  dependencySlaShortfalls,
} from './dependencySla';
export type { DependencySlaShortfall } from './dependencySla';
export { allowedDowntimePer30Days } from './allowedDowntime';
export { filterSlaOverview, slaOverview } from './slaOverview';
export { toOpenSlo, openSloName } from './openSlo';
export type {
  OpenSloDocument,
  OpenSloMetricSource,
  OpenSloObjective,
  ToOpenSloOptions,
} from './openSlo';
export { sloDocumentsToYaml } from './yaml';
export {
  formatSlaTarget,
  isWeakerSlaValue,
  NUMERIC_SLA_TARGETS,
} from './targets';
export {
  compareSupportHours,
  ROUND_THE_CLOCK_SUPPORT,
  SUPPORT_HOURS_LEVELS,
  supportHoursAtLeast,
  supportHoursLevel,
} from './supportHours';
export type { SupportHoursLevel } from './supportHours';
export type { NumericSlaField, NumericSlaTarget } from './targets';
export { SLA_COMPLIANCE_VALUES, SLA_TARGET_STATUSES } from './types';
export type {
  AllowedDowntime,
  SlaCompliance,
  SlaComplianceCounts,
  SlaEvaluation,
  SlaOverview,
  SlaOverviewOptions,
  SlaOverviewProject,
  SlaOverviewResponse,
  SlaOverviewService,
  SlaOverviewTier,
  SlaServiceResponse,
  SlaTargetEvaluation,
  SlaTargetStatus,
} from './types';
