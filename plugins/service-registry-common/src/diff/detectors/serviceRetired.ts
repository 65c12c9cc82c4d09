import { BreakingChangeDetector } from '../types';
import { quoted, requiredConsumers } from './requiredConsumers';

/**
 * `service-retired`: a service whose status became `retired` while services still require it.
 */
export const serviceRetired: BreakingChangeDetector = (ctx, id) => {
  const before = ctx.base.services.get(id);
  const after = ctx.head.services.get(id);
  if (!before || !after) return [];
  if (after.status !== 'retired' || before.status === 'retired') return [];
  const consumers = requiredConsumers(ctx.baseGraph, ctx.head, id);
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
      position: after.positions.status ?? after.source,
      related: consumers,
    },
  ];
};
