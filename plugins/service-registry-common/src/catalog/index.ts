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
  SERVICE_ENTITY_FIELDS,
  serviceEntityBatches,
  serviceEntityFilter,
  serviceEntityRefOf,
  serviceIdClaimedBy,
  serviceIdOfEntityRef,
} from './serviceEntityQuery';
