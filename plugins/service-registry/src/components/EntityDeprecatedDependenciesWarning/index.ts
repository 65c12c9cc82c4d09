export { EntityDeprecatedDependenciesWarning } from './EntityDeprecatedDependenciesWarning';
export type { EntityDeprecatedDependenciesWarningProps } from './EntityDeprecatedDependenciesWarning';
