import { RegistryGraphNode } from '../../api/types';

/** Status of a node for display and filters: its lifecycle status, `missing` or `unknown`. */
export type NodeStatus =
  | 'development'
  | 'beta'
  | 'ga'
  | 'maintenance'
  | 'deprecated'
  | 'retired'
  | 'missing'
  | 'unknown';

const KNOWN = new Set([
  'development',
  'beta',
  'ga',
  'maintenance',
  'deprecated',
  'retired',
]);

/** The display status of a node: `missing` when no file declares it. */
export function nodeStatus(node: RegistryGraphNode): NodeStatus {
  if (!node.declared) return 'missing';
  if (node.status && KNOWN.has(node.status)) return node.status as NodeStatus;
  return 'unknown';
}

/** True for the statuses the views call out (text + colour): anything but a healthy service. */
export function isFlaggedStatus(status: NodeStatus): boolean {
  return (
    status === 'deprecated' ||
    status === 'retired' ||
    status === 'development' ||
    status === 'missing'
  );
}

/** The owner without a leading `@`, or undefined. */
export function normalizeOwner(owner: string | undefined): string | undefined {
  const trimmed = owner?.trim().replace(/^@/, '');
  return trimmed ? trimmed : undefined;
}
