export {
  ENTITY_NAME_PATTERN,
  isEntityName,
  ownerNameProblem,
  ownerToEntityName,
  ownerToEntityRef,
} from './entityNames';
export { normaliseTag } from './catalogTag';
export { catalogNameFindings } from './catalogNameFindings';
export { projectSystemFindings } from './projectSystemFindings';
export { sharedSystemFindings } from './sharedSystemFindings';
export {
  HELD_BACK_SERVICE_CODE,
  heldBackServiceFinding,
  heldBackServiceReason,
} from './heldBackServiceFinding';
export {
  PROJECT_ENTITY_QUERY,
  REGISTRY_ENTITY_FIELDS,
  SERVICE_ENTITY_FIELDS,
  SERVICE_ENTITY_QUERY,
  SHARED_SYSTEM_ENTITY_QUERY,
  projectEntityRefOf,
  registryEntityBatches,
  registryEntityFilter,
  registryIdClaimedBy,
  serviceEntityBatches,
  serviceEntityFilter,
  serviceEntityRefOf,
  serviceIdClaimedBy,
  serviceIdOfEntityRef,
} from './serviceEntityQuery';
export type { RegistryEntityQuery } from './serviceEntityQuery';
