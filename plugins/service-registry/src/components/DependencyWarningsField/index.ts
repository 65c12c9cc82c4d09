export { DependencyWarningsField } from './DependencyWarningsField';
export type { DependencyWarningsFieldOptions } from './DependencyWarningsField';
