export {
  ownerNameProblem,
  ownerToEntityName,
  ownerToEntityRef,
} from './entityNames';
export { normaliseTag } from './catalogTag';
export { catalogNameFindings } from './catalogNameFindings';
