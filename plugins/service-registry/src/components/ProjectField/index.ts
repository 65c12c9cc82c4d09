export { ProjectField, validateProjectField } from './ProjectField';
export type { ProjectFieldOptions } from './ProjectField';
export { validateRegistryProject } from './validateRegistryProject';
