import type { CanvasNode } from './TopologyCanvas';
import {
  FIT_PAD,
  FIT_PAD_RIGHT,
  fitViewport,
  graphBounds,
  Viewport,
} from './fitViewport';

/**
 * Below this scale a node's name is drawn smaller than about 6.5 px: a drawing that starts at its
 * root shows the root legibly instead of the whole graph.
 */
export const LEGIBLE_FIT_SCALE = 0.5;

/**
 * At this scale or below, the drawing leaves out the nodes' names (they would be under about
 * 6 px): a map that starts `fromStart` shows its corner legibly instead of the whole graph.
 */
export const NAMES_DRAWN_ABOVE_SCALE = 0.45;

/** The scale at which one node is shown to be read: its name at about 10 px. */
export const READING_SCALE = 0.8;

/** The least height of a drawing whose height follows its graph: room for the zoom buttons. */
export const MIN_FOLLOWED_HEIGHT = 120;

/** Options of {@link startView}. */
export interface StartViewOptions {
  /**
   * The node the drawing is about (a service page's own service). When the whole graph would be
   * drawn too small to read, the view shows this node legibly, with what fits around it.
   */
  root?: Pick<CanvasNode, 'x' | 'y'>;
  /**
   * Without a `root` (a map of many services): when the whole graph would be drawn without its
   * names (at {@link NAMES_DRAWN_ABOVE_SCALE} or below), the view shows its top left corner
   * legibly instead (where a left-to-right graph starts: its first consumers), and the rest is
   * reached by panning. A map keeps its overview as long as it names its nodes, even small.
   */
  fromStart?: boolean;
  /** The drawing is no taller than the graph needs (never below `minHeight`). */
  heightFollowsGraph?: boolean;
  /**
   * With `heightFollowsGraph`, the least height of the drawing (default
   * {@link MIN_FOLLOWED_HEIGHT}); a whole graph that needs less is centred in it.
   */
  minHeight?: number;
}

/** Where a drawing starts: its view, and its height in CSS pixels. */
export interface StartView {
  view: Viewport;
  height: number;
}

/**
 * The offset along one axis that draws the graph's extent `lo`…`hi` (graph units) at `scale` in
 * the drawing's room `from`…`to` (CSS pixels): an extent that fits is centred or put at the start
 * of the room; a larger one is centred on `at`, without leaving room empty beyond its ends.
 */
function offset(
  from: number,
  to: number,
  lo: number,
  hi: number,
  scale: number,
  at: number,
  fits: 'centre' | 'start',
): number {
  if ((hi - lo) * scale <= to - from) {
    return fits === 'start'
      ? from - lo * scale
      : (from + to) / 2 - ((lo + hi) / 2) * scale;
  }
  const centred = (from + to) / 2 - at * scale;
  return Math.min(from - lo * scale, Math.max(to - hi * scale, centred));
}

/**
 * The view a drawing of `width` CSS pixels, at most `maxHeight` high, starts with when its graph
 * changes: the whole graph as {@link fitViewport} fits it, unless a `root` is given and the whole
 * graph would be drawn below {@link LEGIBLE_FIT_SCALE} (a phone, a large neighbourhood); then the
 * root is shown at {@link READING_SCALE}, centred, and the rest can be reached by panning (with
 * `fromStart` and no root, the graph's top left corner, in the drawing's top left corner, where
 * the whole graph would be drawn without names). With
 * `heightFollowsGraph`, the height is what the graph takes in that view, so that a wide, shallow
 * graph leaves no empty band below it.
 */
export function startView(
  nodes: Pick<CanvasNode, 'x' | 'y'>[],
  width: number,
  maxHeight: number,
  options: StartViewOptions = {},
): StartView {
  const whole = fitViewport(nodes, width, maxHeight);
  if (nodes.length === 0 || width === 0 || maxHeight === 0) {
    return { view: whole, height: maxHeight };
  }
  const bounds = graphBounds(nodes);
  // (the top left corner, centred on, is drawn at the drawing's: the graph is larger than it)
  const corner =
    options.fromStart && whole.scale <= NAMES_DRAWN_ABOVE_SCALE
      ? { x: bounds.minX, y: bounds.minY }
      : undefined;
  const root = options.root ?? corner;
  const view: Viewport =
    root && whole.scale < LEGIBLE_FIT_SCALE
      ? {
          scale: READING_SCALE,
          tx: offset(
            FIT_PAD,
            width - FIT_PAD_RIGHT,
            bounds.minX,
            bounds.maxX,
            READING_SCALE,
            root.x,
            'centre',
          ),
          ty: offset(
            FIT_PAD,
            maxHeight - FIT_PAD,
            bounds.minY,
            bounds.maxY,
            READING_SCALE,
            root.y,
            'start',
          ),
        }
      : whole;
  if (!options.heightFollowsGraph) return { view, height: maxHeight };
  const needed = Math.ceil(
    (bounds.maxY - bounds.minY) * view.scale + 2 * FIT_PAD,
  );
  const height = Math.min(
    maxHeight,
    Math.max(options.minHeight ?? MIN_FOLLOWED_HEIGHT, needed),
  );
  // (a whole graph lower than the drawing: in its middle, not along its top)
  return {
    view:
      view === whole && height > needed
        ? { ...view, ty: view.ty + (height - needed) / 2 }
        : view,
    height,
  };
}
