export { diffRegistries, BREAKING_CHANGE_DETECTORS } from './diffRegistries';
export { fieldChanges } from './fieldChanges';
export { CHANGE_RISKS, CHANGE_TYPES, classifyChange } from './changeType';
export type {
  ChangeClassification,
  ChangeRisk,
  ChangeType,
  ChangeTypeReason,
} from './changeType';
export { needsMigrationGuide } from './migrationGuideOf';
export { preferBaseDeclarations } from './preferBaseDeclarations';
export { reviewRegistryChange } from './reviewRegistryChange';
export type { RegistryChangeReview } from './reviewRegistryChange';
export { baseAsInHead } from './baseAsInHead';
export { unreadFilesOf } from './unreadFiles';
export type { UnreadFileFacts } from './unreadFiles';
export { approverKey, uniqueApprovers } from './uniqueApprovers';
export type {
  ApprovalReason,
  ApprovalReasonKind,
  ApprovalSubject,
  BreakingApprovalReason,
  BreakingChange,
  BreakingChangeDetector,
  BreakingChangeDraft,
  BreakingChangeKind,
  ConfigChangeApprovalReason,
  DiffContext,
  DiffOptions,
  DiffScope,
  FeatureRelease,
  FieldChange,
  OptionalConsumer,
  PolicyChange,
  PolicyChangeApprovalReason,
  ProjectChange,
  ProjectChangeApprovalReason,
  RegistryDiff,
  RequiredApproval,
  ServiceChange,
  ServiceImpactSummary,
  SlaImpact,
  SlaImpactConsumer,
  SlaWeakening,
  UnreadBaseFile,
  UnreadHeadFile,
  VersionBumpApprovalReason,
} from './types';
