export {
  NewServiceIdField,
  validateNewServiceField,
} from './NewServiceIdField';
export type { NewServiceIdFieldOptions } from './NewServiceIdField';
export { validateNewServiceId } from './validateNewServiceId';
