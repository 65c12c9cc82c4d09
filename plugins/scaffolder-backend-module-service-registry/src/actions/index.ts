export { createServiceRegistryAddServiceAction } from './addService';
export type { ServiceRegistryAddServiceActionOptions } from './addService';
export { createServiceRegistryDeprecateServiceAction } from './deprecateService';
export type { ServiceRegistryDeprecateServiceActionOptions } from './deprecateService';
export { createServiceRegistryUpdateServiceAction } from './updateService';
export type { ServiceRegistryUpdateServiceActionOptions } from './updateService';
export { createServiceRegistryValidateAction } from './validate';
export { createServiceRegistryFetchAction } from './fetchRegistry';
export type { ServiceRegistryFetchActionOptions } from './fetchRegistry';
export { createServiceRegistryPublishBranchAction } from './publishBranch';
export type { ServiceRegistryPublishBranchActionOptions } from './publishBranch';
export {
  createServiceRegistryResolveReviewersAction,
  GITHUB_MAX_REVIEWERS,
} from './resolveReviewers';
export type {
  ServiceRegistryResolveReviewersActionOptions,
  UnresolvedApprover,
  UnresolvedApproverReason,
} from './resolveReviewers';
export { createServiceRegistryActions } from './createServiceRegistryActions';
export type { ServiceRegistryActionsOptions } from './createServiceRegistryActions';
