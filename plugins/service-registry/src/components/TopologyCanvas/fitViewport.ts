import type { CanvasNode } from './TopologyCanvas';

/** Width of a node box, in graph units. */
export const NODE_WIDTH = 180;
/** Height of a node box, in graph units. */
export const NODE_HEIGHT = 40;

/** Where the graph is drawn: screen = graph × scale + (tx, ty), in CSS pixels. */
export interface Viewport {
  scale: number;
  tx: number;
  ty: number;
}

/**
 * The view that shows every node of a graph in a drawing of `width` × `height` CSS pixels: never
 * magnified beyond 1.25, centred across, at the top, and clear of the zoom buttons in the top
 * right corner.
 */
export function fitViewport(
  nodes: Pick<CanvasNode, 'x' | 'y'>[],
  width: number,
  height: number,
): Viewport {
  if (nodes.length === 0 || width === 0 || height === 0) {
    return { scale: 1, tx: width / 2, ty: height / 2 };
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x - NODE_WIDTH / 2);
    maxX = Math.max(maxX, n.x + NODE_WIDTH / 2);
    minY = Math.min(minY, n.y - NODE_HEIGHT / 2);
    maxY = Math.max(maxY, n.y + NODE_HEIGHT / 2);
  }
  // the zoom buttons sit in the top right corner: the fitted graph keeps clear of them
  const pad = 24;
  const padRight = 56;
  const roomX = width - pad - padRight;
  const scale = Math.min(
    1.25,
    roomX / Math.max(1, maxX - minX),
    (height - 2 * pad) / Math.max(1, maxY - minY),
  );
  // centred across, at the top: a wide graph in a tall drawing starts where the reader looks
  return {
    scale,
    tx: pad + roomX / 2 - ((minX + maxX) / 2) * scale,
    ty: pad - minY * scale,
  };
}
