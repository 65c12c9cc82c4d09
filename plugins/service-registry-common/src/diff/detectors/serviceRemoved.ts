import { comparedServices } from '../scope';
import { BreakingChangeDetector } from '../types';
import { quoted, requiredConsumers } from './requiredConsumers';

/**
 * `service-removed`: a service base declares, head does not, and that services of base still
 * require in head (consumers that drop it, are removed or retired, in the same change do not
 * count, nor do retired services still listing it: see `requiredConsumers`).
 * Positioned at its header in base.
 */
export const serviceRemoved: BreakingChangeDetector = (ctx, id) => {
  const { before, after } = comparedServices(ctx, id);
  if (!before || after) return [];
  const consumers = requiredConsumers(ctx, id, 'service-removed');
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
