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
  RegistryDiff,
  ServiceChange,
  ServiceImpactSummary,
} from './types';
