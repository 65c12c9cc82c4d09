import { keyPosition } from '../../load/filePositions';
import { comparedServices } from '../scope';
import { BreakingChangeDetector } from '../types';

/**
 * `port-changed`: the port of a service changed or was removed; consumers configured with the
 * old one lose it.
 */
export const portChanged: BreakingChangeDetector = (ctx, id) => {
  const { before, after } = comparedServices(ctx, id);
  if (!before || !after || before.port === undefined) return [];
  if (after.port === before.port) return [];
  const now = after.port === undefined ? 'no port' : `port ${after.port}`;
  return [
    {
      kind: 'port-changed',
      service: id,
      message: `Service "${id}" moves from port ${before.port} to ${now}: consumers that call it on ${before.port} break. Serve both ports during a migration window, or coordinate the change with its consumers.`,
      position: keyPosition(after, 'port') ?? after.source,
    },
  ];
};
