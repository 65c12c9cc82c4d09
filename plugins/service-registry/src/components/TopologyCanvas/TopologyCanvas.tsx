import {
  KeyboardEvent,
  PointerEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles, Theme, useTheme } from '@material-ui/core/styles';
import ZoomInIcon from '@material-ui/icons/ZoomIn';
import ZoomOutIcon from '@material-ui/icons/ZoomOut';
import ZoomOutMapIcon from '@material-ui/icons/ZoomOutMap';
import { fitViewport, NODE_HEIGHT, NODE_WIDTH, Viewport } from './fitViewport';
import { NAMES_DRAWN_ABOVE_SCALE, READING_SCALE, startView } from './startView';
import { pinchViewport, ScreenPoint, zoomViewport } from './zoomViewport';
import { visibleBorderColor, visibleEdgeColor } from '../topologyStyles';
import { useUniqueId } from '../useUniqueId';

/**
 * A node drawn by {@link TopologyCanvas}, positioned by its centre.
 *
 * @public
 */
export interface CanvasNode {
  id: string;
  x: number;
  y: number;
  /** First line of the box. */
  label: string;
  /** Second line of the box (status, project, counts): the text that does not rely on colour. */
  detail?: string;
  /** Fill colour (the colouring category: project, owner or status). */
  fill: string;
  /** Border colour (the lifecycle status). */
  border: string;
  /** Border dash, so that the status is not told by colour alone. */
  borderStyle?: 'solid' | 'dashed' | 'dotted';
  /** How prominent the node is. */
  emphasis?: 'root' | 'selected' | 'highlight' | 'normal' | 'dim';
  /** True for a collapsed group: drawn as a stack. */
  group?: boolean;
  /** What screen readers announce when the node has keyboard focus. */
  description: string;
}

/**
 * An edge drawn by {@link TopologyCanvas}: `from` depends on `to` (the arrow points at `to`).
 *
 * @public
 */
export interface CanvasEdge {
  from: string;
  to: string;
  color: string;
  width: number;
  dashed?: boolean;
  dim?: boolean;
}

/**
 * Props of {@link TopologyCanvas}.
 *
 * @public
 */
export interface TopologyCanvasProps {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Height of the drawing area, in CSS pixels. */
  height: number | string;
  /** Accessible name of the graph. */
  ariaLabel: string;
  /** Changing it fits the whole graph into view. */
  fitKey?: string;
  /** Centres the view on this node (when it changes) and gives it keyboard focus. */
  centerOn?: string;
  /** Click, or Space on the focused node. */
  onNodeClick?: (id: string) => void;
  /** Double click, or Enter on the focused node. */
  onNodeActivate?: (id: string) => void;
  /** A click on the background. */
  onBackgroundClick?: () => void;
  /**
   * What the mouse wheel does over the drawing. `enabled` (the default, for a page that is the
   * map): it zooms. `enable-on-click` (for a card in a page that scrolls, as Backstage's catalog
   * graph card does): it scrolls the page, with a hint, until the drawing is clicked, and again
   * once the pointer leaves it. Either way, the wheel with Ctrl or Cmd held (a touchpad's pinch)
   * zooms, and so do the buttons, the keys and two fingers.
   */
  wheelZoom?: 'enabled' | 'enable-on-click';
  /**
   * Where the view starts when the graph (`fitKey`) changes. `graph` (the default): the whole
   * graph, fitted. `root` (for a service page): the same, unless the whole graph would be drawn too
   * small to read its names (a phone, a large neighbourhood); then the node with emphasis `root` is
   * shown legibly, centred, and the rest is reached by panning or zooming out. `start` (a map of
   * many services): the whole graph while it is drawn with its nodes' names, however small; where
   * it would be drawn without them (a phone, hundreds of services), its top left corner (a
   * left-to-right graph's first consumers) legibly. The fit button (and the 0 key) always shows
   * the whole graph. The view starts again when the drawing's width changes, until the reader
   * moves it (zooming, panning, fitting, centring on a node).
   */
  startAt?: 'graph' | 'root' | 'start';
  /**
   * When the graph (`fitKey`) changes, the drawing takes only the height its graph needs in the
   * view it starts with (never less than 120 px), so that a wide, shallow graph leaves no empty
   * band below it; `height`, which must then be a number of pixels, is the most it takes. Zooming
   * and panning do not change the height. When `height` changes (the window was resized), the
   * drawing takes the height it would start with now; a view the reader has not moved starts
   * again, a moved one stays where the reader put it.
   */
  heightFollowsGraph?: boolean;
  /**
   * With `heightFollowsGraph`, the least height of the drawing in pixels (default 120: room for
   * the zoom buttons); a whole graph that needs less is drawn in its middle.
   */
  minHeight?: number;
}

const DASHES: Record<NonNullable<CanvasNode['borderStyle']>, number[]> = {
  solid: [],
  dashed: [6, 3],
  dotted: [2, 3],
};

/** How much one zoom step (button, + or -) magnifies. */
const ZOOM_STEP = 1.25;

/** How long the hint that the wheel scrolls the page stays after the last turn of the wheel. */
const WHEEL_HINT_MS = 1500;

/** The hint of a drawing whose wheel scrolls the page, with the modifier of the reader's system. */
function wheelHintText(): string {
  const mac =
    typeof navigator !== 'undefined' &&
    /Mac|iPhone|iPad/.test(navigator.platform);
  return `Click the graph to zoom with the wheel, or hold ${
    mac ? '⌘' : 'Ctrl'
  }`;
}

const useStyles = makeStyles((theme: Theme) => ({
  root: {
    position: 'relative',
    width: '100%',
    overflow: 'hidden',
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.background.default,
  },
  surface: {
    width: '100%',
    height: '100%',
    cursor: 'grab',
    touchAction: 'none',
    outline: 'none',
    '&:focus-visible': {
      boxShadow: `inset 0 0 0 2px ${theme.palette.primary.main}`,
    },
  },
  canvas: { display: 'block', width: '100%', height: '100%' },
  controls: {
    position: 'absolute',
    top: theme.spacing(1),
    right: theme.spacing(1),
    display: 'flex',
    flexDirection: 'column',
  },
  wheelHint: {
    position: 'absolute',
    left: '50%',
    top: '50%',
    transform: 'translate(-50%, -50%)',
    maxWidth: '80%',
    padding: theme.spacing(1, 2),
    borderRadius: theme.shape.borderRadius,
    background: 'rgba(0, 0, 0, 0.75)',
    color: '#fff',
    textAlign: 'center',
    pointerEvents: 'none',
    ...theme.typography.body2,
  },
  srOnly: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

function truncate(
  ctx: CanvasRenderingContext2D,
  text: string,
  max: number,
): string {
  if (ctx.measureText(text).width <= max) return text;
  let end = text.length;
  while (end > 1 && ctx.measureText(`${text.slice(0, end)}…`).width > max) {
    end--;
  }
  return `${text.slice(0, end)}…`;
}

function roundRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
) {
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/**
 * Draws a dependency graph on a 2D canvas with pan (drag), zoom (wheel, pinch, +/-, buttons), fit
 * (0, button) and keyboard navigation (arrows move between nodes, Space selects, Enter opens).
 * Drawing is batched by edge style and culled to the viewport, and text is skipped when zoomed far
 * out, so thousands of nodes stay interactive.
 *
 * @public
 */
export function TopologyCanvas(props: TopologyCanvasProps) {
  const {
    nodes,
    edges,
    height,
    ariaLabel,
    fitKey,
    centerOn,
    onNodeClick,
    onNodeActivate,
    onBackgroundClick,
    wheelZoom = 'enabled',
    startAt = 'graph',
    heightFollowsGraph = false,
    minHeight,
  } = props;
  const classes = useStyles();
  const theme = useTheme<Theme>();
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewport = useRef<Viewport>({ scale: 1, tx: 0, ty: 0 });
  const size = useRef({ width: 0, height: 0 });
  const frame = useRef<number | undefined>(undefined);
  const frames = useRef(0);
  const drag = useRef<
    { x: number; y: number; tx: number; ty: number; moved: boolean } | undefined
  >(undefined);
  /** The pointers down on the drawing (fingers, a pressed mouse), at their client position. */
  const pointers = useRef(new Map<number, ScreenPoint>());
  /** A two-finger gesture: the view it started on, its two pointers and where they started. */
  const pinch = useRef<
    | {
        view: Viewport;
        ids: [number, number];
        from: [ScreenPoint, ScreenPoint];
      }
    | undefined
  >(undefined);
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  /** The height the drawing started with, when it follows its graph. */
  const [startHeight, setStartHeight] = useState<number | undefined>(undefined);
  /** The graph changed while the drawing had no width (a hidden tab): it starts once it has. */
  const startPending = useRef(false);
  /** The view the drawing last started with: while it is shown, the reader has not moved it. */
  const startedView = useRef<Viewport | undefined>(undefined);
  const instructionsId = useUniqueId('topology-help');

  const byId = useMemo(() => {
    const map = new Map<string, CanvasNode>();
    for (const n of nodes) map.set(n.id, n);
    return map;
  }, [nodes]);

  /**
   * Moves the view, and tells the tests how far it is zoomed (data-scale) and where the graph's
   * origin is drawn (data-origin, "x y" in CSS pixels from the drawing's top left corner).
   */
  const setView = useCallback((next: Viewport) => {
    viewport.current = next;
    if (containerRef.current) {
      containerRef.current.dataset.scale = next.scale.toFixed(3);
      containerRef.current.dataset.origin = `${next.tx.toFixed(
        1,
      )} ${next.ty.toFixed(1)}`;
    }
  }, []);

  /**
   * The colours as drawn in the theme, reaching 3:1 against what they are drawn on (edges against
   * the background, borders against their node's fill), computed once per colour and theme.
   */
  const drawnColors = useMemo(() => {
    const cache = new Map<string, string>();
    const cached = (key: string, compute: () => string) => {
      let color = cache.get(key);
      if (color === undefined) cache.set(key, (color = compute()));
      return color;
    };
    return {
      edge: (color: string) =>
        cached(`edge|${color}`, () => visibleEdgeColor(theme, color)),
      border: (color: string, fill: string) =>
        cached(`border|${color}|${fill}`, () =>
          visibleBorderColor(theme, color, fill),
        ),
    };
  }, [theme]);

  const draw = useCallback(() => {
    frame.current = undefined;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext?.('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const { width, height: h } = size.current;
    const { scale, tx, ty } = viewport.current;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, h);
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * tx, dpr * ty);

    // the visible rectangle, in graph units, with a node's margin
    const left = -tx / scale - NODE_WIDTH;
    const right = (width - tx) / scale + NODE_WIDTH;
    const top = -ty / scale - NODE_HEIGHT;
    const bottom = (h - ty) / scale + NODE_HEIGHT;
    const visible = (x: number, y: number) =>
      x >= left && x <= right && y >= top && y <= bottom;

    // edges, batched by style
    const batches = new Map<string, CanvasEdge[]>();
    for (const edge of edges) {
      const a = byId.get(edge.from);
      const b = byId.get(edge.to);
      if (!a || !b) continue;
      if (
        Math.max(a.x, b.x) < left ||
        Math.min(a.x, b.x) > right ||
        Math.max(a.y, b.y) < top ||
        Math.min(a.y, b.y) > bottom
      ) {
        continue;
      }
      const style = `${edge.color}|${edge.width}|${edge.dashed ? 1 : 0}|${
        edge.dim ? 1 : 0
      }`;
      let batch = batches.get(style);
      if (!batch) batches.set(style, (batch = []));
      batch.push(edge);
    }
    const arrows = scale > 0.35;
    for (const batch of batches.values()) {
      const first = batch[0];
      ctx.globalAlpha = first.dim ? 0.15 : 1;
      ctx.strokeStyle = drawnColors.edge(first.color);
      ctx.fillStyle = drawnColors.edge(first.color);
      ctx.lineWidth = first.width;
      ctx.setLineDash(first.dashed ? [6, 4] : []);
      ctx.beginPath();
      for (const edge of batch) {
        const a = byId.get(edge.from)!;
        const b = byId.get(edge.to)!;
        const forward = b.x > a.x;
        const sx = a.x + (forward ? NODE_WIDTH / 2 : -NODE_WIDTH / 2);
        const ex = b.x + (forward ? -NODE_WIDTH / 2 : NODE_WIDTH / 2);
        const bend = forward
          ? Math.max(30, (ex - sx) / 2)
          : Math.max(60, (sx - ex) / 2);
        ctx.moveTo(sx, a.y);
        if (forward) {
          ctx.bezierCurveTo(sx + bend, a.y, ex - bend, b.y, ex, b.y);
        } else {
          // a back edge (cycle or same layer): loop around
          ctx.bezierCurveTo(sx + bend, a.y - 60, ex - bend, b.y - 60, ex, b.y);
        }
      }
      ctx.stroke();
      if (arrows) {
        ctx.setLineDash([]);
        ctx.beginPath();
        for (const edge of batch) {
          const a = byId.get(edge.from)!;
          const b = byId.get(edge.to)!;
          const forward = b.x > a.x;
          const ex = b.x + (forward ? -NODE_WIDTH / 2 : NODE_WIDTH / 2);
          const dir = forward ? 1 : -1;
          ctx.moveTo(ex, b.y);
          ctx.lineTo(ex - 8 * dir, b.y - 4);
          ctx.lineTo(ex - 8 * dir, b.y + 4);
          ctx.closePath();
        }
        ctx.fill();
      }
    }
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);

    // nodes
    const text = scale > NAMES_DRAWN_ABOVE_SCALE;
    ctx.font = `500 13px ${theme.typography.fontFamily}`;
    ctx.textBaseline = 'middle';
    for (const node of nodes) {
      if (!visible(node.x, node.y)) continue;
      const x = node.x - NODE_WIDTH / 2;
      const y = node.y - NODE_HEIGHT / 2;
      ctx.globalAlpha = node.emphasis === 'dim' ? 0.25 : 1;
      if (node.group) {
        ctx.fillStyle = node.fill;
        ctx.strokeStyle = drawnColors.border(node.border, node.fill);
        ctx.lineWidth = 1;
        ctx.beginPath();
        roundRect(ctx, x + 6, y - 6, NODE_WIDTH, NODE_HEIGHT, 6);
        ctx.fill();
        ctx.stroke();
      }
      ctx.beginPath();
      roundRect(ctx, x, y, NODE_WIDTH, NODE_HEIGHT, 6);
      ctx.fillStyle = node.fill;
      ctx.fill();
      const strong =
        node.emphasis === 'root' ||
        node.emphasis === 'selected' ||
        node.emphasis === 'highlight';
      ctx.lineWidth = strong ? 3.5 : 2;
      let border =
        node.emphasis === 'highlight' ? theme.palette.error.main : node.border;
      if (node.emphasis === 'root' || node.emphasis === 'selected') {
        border = theme.palette.primary.main;
      }
      ctx.strokeStyle = drawnColors.border(border, node.fill);
      ctx.setLineDash(DASHES[node.borderStyle ?? 'solid']);
      ctx.stroke();
      ctx.setLineDash([]);
      if (node.id === focusId) {
        ctx.beginPath();
        roundRect(ctx, x - 5, y - 5, NODE_WIDTH + 10, NODE_HEIGHT + 10, 9);
        ctx.lineWidth = 2;
        ctx.strokeStyle = theme.palette.text.primary;
        ctx.stroke();
      }
      if (text) {
        ctx.fillStyle = '#111';
        ctx.font = `600 13px ${theme.typography.fontFamily}`;
        ctx.fillText(
          truncate(ctx, node.label, NODE_WIDTH - 16),
          x + 8,
          node.detail ? y + 13 : node.y,
        );
        if (node.detail) {
          ctx.font = `400 11px ${theme.typography.fontFamily}`;
          ctx.fillStyle = '#333';
          ctx.fillText(
            truncate(ctx, node.detail, NODE_WIDTH - 16),
            x + 8,
            y + 29,
          );
        }
      }
    }
    ctx.globalAlpha = 1;
    frames.current += 1;
    // read by the benchmark and the e2e tests: the graph has been drawn
    if (containerRef.current) {
      containerRef.current.dataset.frames = String(frames.current);
    }
  }, [nodes, edges, byId, focusId, theme, drawnColors]);

  const schedule = useCallback(() => {
    if (frame.current === undefined) {
      frame.current = requestAnimationFrame(draw);
    }
  }, [draw]);

  /** Takes the drawing's laid-out size; says what changed, or nothing when it did not. */
  const resize = useCallback(():
    | { width: boolean; height: boolean }
    | undefined => {
    const canvas = canvasRef.current;
    const container = containerRef.current;
    if (!canvas || !container) return undefined;
    const width = container.clientWidth;
    const h = container.clientHeight;
    const changed = {
      width: width !== size.current.width,
      height: h !== size.current.height,
    };
    if (!changed.width && !changed.height) return undefined;
    size.current = { width, height: h };
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(h * dpr);
    return changed;
  }, []);

  /** The view and the height (when it follows the graph) the drawing would start with now. */
  const startingView = useCallback(() => {
    const follows = heightFollowsGraph && typeof height === 'number';
    const begin = startView(
      nodes,
      size.current.width,
      follows ? height : size.current.height,
      {
        root:
          startAt === 'root'
            ? nodes.find(n => n.emphasis === 'root')
            : undefined,
        fromStart: startAt === 'start',
        heightFollowsGraph: follows,
        minHeight,
      },
    );
    return { view: begin.view, height: follows ? begin.height : undefined };
  }, [nodes, height, heightFollowsGraph, minHeight, startAt]);

  /** Starts the drawing's view (and height) for its graph. */
  const start = useCallback(() => {
    const begin = startingView();
    startPending.current = size.current.width === 0;
    setStartHeight(begin.height);
    setView(begin.view);
    startedView.current = begin.view;
    schedule();
  }, [startingView, schedule, setView]);

  // size + start when the graph (fitKey) changes
  useEffect(() => {
    resize();
    start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey]);

  // a new most height (the window was resized): the height the drawing would start with now, and
  // the view too unless the reader has moved it
  const shownHeight = useRef(height);
  useEffect(() => {
    if (shownHeight.current === height) return;
    shownHeight.current = height;
    resize();
    if (viewport.current === startedView.current) start();
    else setStartHeight(startingView().height);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [height]);

  useEffect(() => {
    schedule();
  }, [schedule]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      const changed = resize();
      if (!changed) return;
      // a view the reader has not moved starts again for a new width; not when the height changed
      // with it, which the drawing's own new height does (a page scroll bar coming or going with
      // it would otherwise start it again and again)
      const unmoved =
        viewport.current === startedView.current &&
        changed.width &&
        !changed.height;
      if ((startPending.current || unmoved) && size.current.width > 0) start();
      else schedule();
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [resize, schedule, start]);

  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const centre = useCallback(
    (id: string) => {
      const node = byId.get(id);
      if (!node) return;
      const v = viewport.current;
      const scale = Math.max(v.scale, READING_SCALE);
      setView({
        scale,
        tx: size.current.width / 2 - node.x * scale,
        ty: size.current.height / 2 - node.y * scale,
      });
      schedule();
    },
    [byId, schedule, setView],
  );

  useEffect(() => {
    if (centerOn) {
      centre(centerOn);
      setFocusId(centerOn);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [centerOn]);

  const zoom = useCallback(
    (factor: number, cx: number, cy: number) => {
      setView(zoomViewport(viewport.current, factor, cx, cy));
      schedule();
    },
    [schedule, setView],
  );
  const zoomAtCentre = (factor: number) =>
    zoom(factor, size.current.width / 2, size.current.height / 2);
  const fit = () => {
    setView(fitViewport(nodes, size.current.width, size.current.height));
    schedule();
  };

  // whether the wheel zooms now: always, or once the drawing is clicked (until the pointer leaves)
  const wheelMode = useRef(wheelZoom);
  wheelMode.current = wheelZoom;
  const wheelClicked = useRef(false);
  const [wheelHint, setWheelHint] = useState(false);
  const hintTimer = useRef<ReturnType<typeof setTimeout> | undefined>(
    undefined,
  );
  const hideWheelHint = useCallback(() => {
    clearTimeout(hintTimer.current);
    hintTimer.current = undefined;
    setWheelHint(false);
  }, []);
  useEffect(() => () => clearTimeout(hintTimer.current), []);

  // wheel zoom needs a non-passive listener to keep the page from scrolling
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const onWheel = (event: WheelEvent) => {
      const zooms =
        wheelMode.current === 'enabled' ||
        wheelClicked.current ||
        event.ctrlKey ||
        event.metaKey;
      if (!zooms) {
        // the page scrolls; the hint says how to zoom
        setWheelHint(true);
        clearTimeout(hintTimer.current);
        hintTimer.current = setTimeout(
          () => setWheelHint(false),
          WHEEL_HINT_MS,
        );
        return;
      }
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      zoom(
        Math.exp(-event.deltaY * 0.0015),
        event.clientX - rect.left,
        event.clientY - rect.top,
      );
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [zoom]);

  const hit = useCallback(
    (clientX: number, clientY: number): CanvasNode | undefined => {
      const canvas = canvasRef.current;
      if (!canvas) return undefined;
      const rect = canvas.getBoundingClientRect();
      const { scale, tx, ty } = viewport.current;
      const x = (clientX - rect.left - tx) / scale;
      const y = (clientY - rect.top - ty) / scale;
      for (let i = nodes.length - 1; i >= 0; i--) {
        const n = nodes[i];
        if (
          Math.abs(x - n.x) <= NODE_WIDTH / 2 &&
          Math.abs(y - n.y) <= NODE_HEIGHT / 2
        ) {
          return n;
        }
      }
      return undefined;
    },
    [nodes],
  );

  /** A drag of the view that starts at a client position (`moved`: no click when it ends). */
  const startDrag = (at: ScreenPoint, moved: boolean) => {
    drag.current = {
      x: at.x,
      y: at.y,
      tx: viewport.current.tx,
      ty: viewport.current.ty,
      moved,
    };
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    wheelClicked.current = true;
    hideWheelHint();
    const down = pointers.current;
    down.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (down.size === 1) {
      startDrag({ x: event.clientX, y: event.clientY }, false);
    } else if (down.size === 2 && !pinch.current) {
      // a second finger: the drag becomes a pinch, which ends in no click
      const [a, b] = [...down.entries()];
      pinch.current = {
        view: viewport.current,
        ids: [a[0], b[0]],
        from: [a[1], b[1]],
      };
      drag.current = undefined;
    }
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const down = pointers.current;
    if (down.has(event.pointerId)) {
      down.set(event.pointerId, { x: event.clientX, y: event.clientY });
    }
    const gesture = pinch.current;
    if (gesture) {
      const a = down.get(gesture.ids[0]);
      const b = down.get(gesture.ids[1]);
      if (!a || !b) return;
      const rect = canvasRef.current?.getBoundingClientRect();
      const local = (p: ScreenPoint) =>
        rect ? { x: p.x - rect.left, y: p.y - rect.top } : p;
      // (the view is in the drawing's pixels, from its top left corner)
      setView(
        pinchViewport(
          gesture.view,
          [local(gesture.from[0]), local(gesture.from[1])],
          [local(a), local(b)],
        ),
      );
      schedule();
      return;
    }
    const d = drag.current;
    if (!d) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    setView({ ...viewport.current, tx: d.tx + dx, ty: d.ty + dy });
    schedule();
  };
  /** A pointer lifted or lost: a pinch it was part of ends, the other finger dragging on. */
  const release = (pointerId: number): boolean => {
    const down = pointers.current;
    down.delete(pointerId);
    const gesture = pinch.current;
    if (!gesture) return false;
    if (gesture.ids.includes(pointerId)) {
      pinch.current = undefined;
      const [rest] = [...down.values()];
      if (rest) startDrag(rest, true);
    }
    return true;
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (release(event.pointerId)) return;
    const d = drag.current;
    drag.current = undefined;
    if (d?.moved) return;
    const node = hit(event.clientX, event.clientY);
    if (node) {
      setFocusId(node.id);
      onNodeClick?.(node.id);
    } else {
      onBackgroundClick?.();
    }
  };
  const onDoubleClick = (event: { clientX: number; clientY: number }) => {
    const node = hit(event.clientX, event.clientY);
    if (node) onNodeActivate?.(node.id);
  };

  const moveFocus = (dx: number, dy: number) => {
    const current = focusId ? byId.get(focusId) : undefined;
    if (!current) {
      const first = nodes.find(n => n.emphasis === 'root') ?? nodes[0];
      if (first) {
        setFocusId(first.id);
        centre(first.id);
      }
      return;
    }
    let best: CanvasNode | undefined;
    let bestScore = Infinity;
    for (const n of nodes) {
      if (n === current) continue;
      const vx = n.x - current.x;
      const vy = n.y - current.y;
      const along = vx * dx + vy * dy;
      if (along <= 0) continue;
      const across = Math.abs(vx * dy - vy * dx);
      const score = along + across * 3;
      if (score < bestScore) {
        bestScore = score;
        best = n;
      }
    }
    if (best) {
      setFocusId(best.id);
      centre(best.id);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // keys held with Ctrl, Cmd or Alt are the browser's: page zoom (Ctrl + `+` `-` `0`), back and
    // forward (Alt + arrows); Shift stays the map's (`+` is Shift + `=` on many keyboards)
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case 'ArrowRight':
        moveFocus(1, 0);
        break;
      case 'ArrowLeft':
        moveFocus(-1, 0);
        break;
      case 'ArrowUp':
        moveFocus(0, -1);
        break;
      case 'ArrowDown':
        moveFocus(0, 1);
        break;
      case 'Enter':
        if (focusId) onNodeActivate?.(focusId);
        break;
      case ' ':
        if (focusId) onNodeClick?.(focusId);
        break;
      case '+':
      case '=':
        zoomAtCentre(ZOOM_STEP);
        break;
      case '-':
        zoomAtCentre(1 / ZOOM_STEP);
        break;
      case '0':
        fit();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const focused = focusId ? byId.get(focusId) : undefined;

  /* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex --
     role="application" is the ARIA role of a widget with its own keyboard model (arrows move
     between nodes); jsx-a11y counts it as non-interactive */
  return (
    <div className={classes.root} style={{ height: startHeight ?? height }}>
      <div
        ref={containerRef}
        className={classes.surface}
        tabIndex={0}
        role="application"
        aria-label={ariaLabel}
        aria-describedby={instructionsId}
        data-testid="topology-canvas"
        data-nodes={nodes.length}
        data-edges={edges.length}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={event => {
          release(event.pointerId);
          drag.current = undefined;
        }}
        onPointerLeave={event => {
          release(event.pointerId);
          drag.current = undefined;
          wheelClicked.current = false;
        }}
        onDoubleClick={onDoubleClick}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvasRef} className={classes.canvas} aria-hidden />
      </div>
      {wheelHint && (
        // for the mouse only: the keyboard and the zoom buttons need no hint
        <div className={classes.wheelHint} aria-hidden data-testid="wheel-hint">
          {wheelHintText()}
        </div>
      )}
      <Paper className={classes.controls} elevation={2}>
        <Tooltip title="Zoom in (+)" placement="left">
          <IconButton
            size="small"
            aria-label="Zoom in"
            onClick={() => zoomAtCentre(ZOOM_STEP)}
          >
            <ZoomInIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Zoom out (-)" placement="left">
          <IconButton
            size="small"
            aria-label="Zoom out"
            onClick={() => zoomAtCentre(1 / ZOOM_STEP)}
          >
            <ZoomOutIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Fit the graph (0)" placement="left">
          <IconButton size="small" aria-label="Fit the graph" onClick={fit}>
            <ZoomOutMapIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Paper>
      <span id={instructionsId} className={classes.srOnly}>
        Arrow keys move between services, Space selects, Enter opens the service
        page, plus and minus zoom, 0 fits the graph. Drag to pan, pinch or use
        the zoom buttons to zoom.
      </span>
      <span className={classes.srOnly} aria-live="polite">
        {focused ? focused.description : ''}
      </span>
    </div>
  );
  /* eslint-enable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */
}
