import { keyPosition } from '../../load/filePositions';
import { comparedServices } from '../scope';
import { BreakingChangeDetector } from '../types';
import { quoted, requiredConsumers } from './requiredConsumers';

/**
 * `service-retired`: a service whose status became `retired` while services still require it
 * (required it in base and still do in head; retired consumers do not count, see
 * `requiredConsumers`).
 */
export const serviceRetired: BreakingChangeDetector = (ctx, id) => {
  const { before, after } = comparedServices(ctx, id);
  if (!before || !after) return [];
  if (after.status !== 'retired' || before.status === 'retired') return [];
  const consumers = requiredConsumers(ctx, id, 'service-retired');
  if (consumers.length === 0) return [];
  return [
    {
      kind: 'service-retired',
      service: id,
      message: `Service "${id}" was retired while ${consumers.length} service${
        consumers.length === 1 ? '' : 's'
      } still require${consumers.length === 1 ? 's' : ''} it (${quoted(
        consumers,
      )}): migrate them${
        after.replacementService ? ` to "${after.replacementService}"` : ''
      } first, or keep it deprecated until they have.`,
      position: keyPosition(after, 'status') ?? after.source,
      related: consumers,
    },
  ];
};
