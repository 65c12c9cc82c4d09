export { diffRegistries, BREAKING_CHANGE_DETECTORS } from './diffRegistries';
export { fieldChanges } from './fieldChanges';
export type {
  BreakingChange,
  BreakingChangeDetector,
  BreakingChangeDraft,
  BreakingChangeKind,
  DiffContext,
  DiffOptions,
  DiffScope,
  FieldChange,
  OptionalConsumer,
  RegistryDiff,
  ServiceChange,
  ServiceImpactSummary,
  SlaImpact,
  SlaImpactConsumer,
  SlaWeakening,
} from './types';
