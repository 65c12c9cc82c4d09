export { validateRegistry } from './validateRegistry';
export { messageWithoutPositions } from './findingIdentity';
export { introducedFindings } from './introducedFindings';
export {
  findingArea,
  KNOWN_FINDING_CODES,
  KNOWN_FINDING_CODE_PREFIXES,
} from './findingCodes';
export { createValidationContext } from './context';
export { VALIDATION_RULES } from './rules';
export { detectSecret, redactSecrets } from './secrets/detectSecret';
export type { ArrayElement } from './secrets/commandArrays';
export { hideSecretValues } from './secrets/hideSecretValues';
export { LEFT_OUT_TOO_DEEP, MAX_SERVED_DEPTH } from './servedDepth';
export type {
  ValidateOptions,
  ValidationContext,
  ValidationRule,
} from './types';
export { describeSunset, todayUtc } from './dates';
export { migrationTarget } from './successors';
export { MAX_NESTING_DEPTH } from './secrets/valueScan';
