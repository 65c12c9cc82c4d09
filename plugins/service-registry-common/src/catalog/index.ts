export {
  ENTITY_NAME_PATTERN,
  isEntityName,
  ownerNameProblem,
  ownerToEntityName,
  ownerToEntityRef,
} from './entityNames';
export { normaliseTag } from './catalogTag';
export { catalogNameFindings } from './catalogNameFindings';
export { sharedSystemFindings } from './sharedSystemFindings';
