import { RegistryGraphNode } from '../api/types';
import { nodeStatus, normalizeOwner } from '../lib/graph-transformations';
import {
  serviceProjectLabel,
  serviceProjectPhrase,
} from '../lib/serviceProjectLabel';
import { CanvasNode } from './TopologyCanvas';
import { STATUS_STYLES } from './topologyStyles';

/** The words that describe a service, for its box and for screen readers. */
export function describeService(node: RegistryGraphNode): {
  detail: string;
  description: string;
} {
  const status = nodeStatus(node);
  const style = STATUS_STYLES[status];
  const detail = [
    status === 'ga' ? undefined : style.label,
    node.declared ? serviceProjectLabel(node.project) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const owner = normalizeOwner(node.owner);
  const description = [
    node.name && node.name !== node.id ? `${node.name} (${node.id})` : node.id,
    style.label,
    node.declared ? serviceProjectPhrase(node.project) : undefined,
    owner ? `owner ${owner}` : undefined,
    node.tier ? `tier ${node.tier}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return { detail: detail || 'GA', description };
}

/** A service as a canvas node. */
export function serviceCanvasNode(
  node: RegistryGraphNode,
  position: { x: number; y: number },
  fill: string,
  emphasis: CanvasNode['emphasis'] = 'normal',
): CanvasNode {
  const style = STATUS_STYLES[nodeStatus(node)];
  const { detail, description } = describeService(node);
  return {
    id: node.id,
    x: position.x,
    y: position.y,
    label: node.id,
    detail,
    fill,
    border: style.border,
    borderStyle: style.borderStyle,
    emphasis,
    description,
  };
}
