export { validateRegistry } from './validateRegistry';
export { createValidationContext } from './context';
export { VALIDATION_RULES } from './rules';
export { detectSecret, redactSecrets } from './secrets/detectSecret';
export { hideSecretValues } from './secrets/hideSecretValues';
export type {
  ValidateOptions,
  ValidationContext,
  ValidationRule,
} from './types';
export { describeSunset, todayUtc } from './dates';
