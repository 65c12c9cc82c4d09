import { BreakingChangeDetector } from '../types';
import { quoted, requiredConsumers } from './requiredConsumers';

/**
 * `service-removed`: a service base declares, head does not, and that services still in head
 * required. Positioned at its header in base.
 */
export const serviceRemoved: BreakingChangeDetector = (ctx, id) => {
  const before = ctx.base.services.get(id);
  if (!before || ctx.head.services.has(id)) return [];
  const consumers = requiredConsumers(ctx.baseGraph, ctx.head, id);
  if (consumers.length === 0) return [];
  return [
    {
      kind: 'service-removed',
      service: id,
      message: `Service "${id}" was removed while ${consumers.length} service${
        consumers.length === 1 ? '' : 's'
      } still require${consumers.length === 1 ? 's' : ''} it (${quoted(
        consumers,
      )}): deprecate it first (status = "deprecated", sunset_date, replacement_service), migrate its consumers, and remove it once nothing requires it.`,
      position: before.source,
      related: consumers,
    },
  ];
};
