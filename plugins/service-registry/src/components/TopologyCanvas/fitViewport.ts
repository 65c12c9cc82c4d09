import type { CanvasNode } from './TopologyCanvas';

/** Width of a node box, in graph units. */
export const NODE_WIDTH = 180;
/** Height of a node box, in graph units. */
export const NODE_HEIGHT = 40;

/** The room a fitted graph leaves at the drawing's edges, in CSS pixels. */
export const FIT_PAD = 24;
/** The room a fitted graph leaves at the right edge, clear of the zoom buttons, in CSS pixels. */
export const FIT_PAD_RIGHT = 56;

/** Where the graph is drawn: screen = graph × scale + (tx, ty), in CSS pixels. */
export interface Viewport {
  scale: number;
  tx: number;
  ty: number;
}

/** The rectangle the node boxes of a graph take, in graph units. */
export interface GraphBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The rectangle the node boxes take (of a graph with at least one node). */
export function graphBounds(nodes: Pick<CanvasNode, 'x' | 'y'>[]): GraphBounds {
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
  return { minX, minY, maxX, maxY };
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
  const { minX, minY, maxX, maxY } = graphBounds(nodes);
  const roomX = width - FIT_PAD - FIT_PAD_RIGHT;
  const scale = Math.min(
    1.25,
    roomX / Math.max(1, maxX - minX),
    (height - 2 * FIT_PAD) / Math.max(1, maxY - minY),
  );
  // centred across, at the top: a wide graph in a tall drawing starts where the reader looks
  return {
    scale,
    tx: FIT_PAD + roomX / 2 - ((minX + maxX) / 2) * scale,
    ty: FIT_PAD - minY * scale,
  };
}
