import type { Viewport } from './fitViewport';

/** The least magnification of the drawing: a graph of thousands of nodes still fits. */
export const MIN_SCALE = 0.02;
/** The greatest magnification of the drawing. */
export const MAX_SCALE = 4;

/** A point on the drawing, in CSS pixels from its top left corner. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/**
 * The view magnified by `factor` (kept within {@link MIN_SCALE} and {@link MAX_SCALE}) about the
 * point `(cx, cy)` of the drawing, which stays where it is on the screen.
 */
export function zoomViewport(
  view: Viewport,
  factor: number,
  cx: number,
  cy: number,
): Viewport {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
  const k = scale / view.scale;
  return { scale, tx: cx - (cx - view.tx) * k, ty: cy - (cy - view.ty) * k };
}

const distance = (a: ScreenPoint, b: ScreenPoint) =>
  Math.hypot(a.x - b.x, a.y - b.y);
const midpoint = (a: ScreenPoint, b: ScreenPoint): ScreenPoint => ({
  x: (a.x + b.x) / 2,
  y: (a.y + b.y) / 2,
});

/**
 * The view during a two-finger gesture that started on `view` with the fingers at `from` and has
 * them now at `to`: magnified by how far the fingers spread apart (or pinched together), and
 * moved with them, so that the point of the graph that was between the fingers stays between them.
 */
export function pinchViewport(
  view: Viewport,
  from: readonly [ScreenPoint, ScreenPoint],
  to: readonly [ScreenPoint, ScreenPoint],
): Viewport {
  const spread = distance(from[0], from[1]);
  // two fingers on one spot give no scale to go by: the gesture only moves the view
  const factor = spread > 0 ? distance(to[0], to[1]) / spread : 1;
  const start = midpoint(from[0], from[1]);
  const now = midpoint(to[0], to[1]);
  const zoomed = zoomViewport(view, factor, start.x, start.y);
  return {
    scale: zoomed.scale,
    tx: zoomed.tx + now.x - start.x,
    ty: zoomed.ty + now.y - start.y,
  };
}
