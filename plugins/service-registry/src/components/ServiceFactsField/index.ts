export { ServiceFactsField } from './ServiceFactsField';
export type { ServiceFactsFieldOptions } from './ServiceFactsField';
