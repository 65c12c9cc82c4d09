import { Viewport } from './fitViewport';
import {
  MAX_SCALE,
  MIN_SCALE,
  pinchViewport,
  zoomViewport,
} from './zoomViewport';

/** Where a point of the graph is drawn in the view. */
const onScreen = (view: Viewport, x: number, y: number) => ({
  x: x * view.scale + view.tx,
  y: y * view.scale + view.ty,
});
/** The point of the graph drawn at a point of the screen. */
const inGraph = (view: Viewport, x: number, y: number) => ({
  x: (x - view.tx) / view.scale,
  y: (y - view.ty) / view.scale,
});

describe('zoomViewport', () => {
  it('magnifies about a point of the drawing, which stays where it was', () => {
    const view = { scale: 0.5, tx: 30, ty: -20 };
    const under = inGraph(view, 200, 150);
    const zoomed = zoomViewport(view, 2, 200, 150);
    expect(zoomed.scale).toBe(1);
    expect(onScreen(zoomed, under.x, under.y)).toEqual({ x: 200, y: 150 });
  });

  it(`keeps the magnification between ${MIN_SCALE} and ${MAX_SCALE}`, () => {
    const view = { scale: 1, tx: 0, ty: 0 };
    expect(zoomViewport(view, 100, 10, 10).scale).toBe(MAX_SCALE);
    expect(zoomViewport(view, 1e-6, 10, 10).scale).toBe(MIN_SCALE);
    // at the limit, zooming further leaves the view as it is
    const most = { scale: MAX_SCALE, tx: 12, ty: 34 };
    expect(zoomViewport(most, 1.25, 100, 100)).toEqual(most);
  });
});

describe('pinchViewport', () => {
  const view = { scale: 1, tx: 40, ty: 10 };
  /** Two fingers on a line at y = 100, `spread` pixels either side of x = 150. */
  const fingersApart = (spread: number) =>
    [
      { x: 150 - spread, y: 100 },
      { x: 150 + spread, y: 100 },
    ] as const;

  it('magnifies by how far the fingers spread, about the point between them', () => {
    const between = inGraph(view, 150, 100);
    for (const [to, scale] of [
      [100, 2],
      [25, 0.5],
    ]) {
      const zoomed = pinchViewport(view, fingersApart(50), fingersApart(to));
      expect(zoomed.scale).toBe(scale);
      expect(onScreen(zoomed, between.x, between.y)).toEqual({
        x: 150,
        y: 100,
      });
    }
  });

  it('moves the graph with the fingers: the point between them follows them', () => {
    const between = inGraph(view, 150, 100);
    const moved = pinchViewport(
      view,
      fingersApart(50),
      // the same spread, turned a quarter and 60 px lower
      [
        { x: 150, y: 110 },
        { x: 150, y: 210 },
      ],
    );
    expect(moved.scale).toBeCloseTo(1, 10);
    const drawn = onScreen(moved, between.x, between.y);
    expect(drawn.x).toBeCloseTo(150, 10);
    expect(drawn.y).toBeCloseTo(160, 10);
  });

  it('keeps within the limits, and only moves the view when the fingers started on one spot', () => {
    const far = pinchViewport(view, fingersApart(0.5), fingersApart(500));
    expect(far.scale).toBe(MAX_SCALE);
    const same = pinchViewport(view, fingersApart(0), [
      { x: 170, y: 130 },
      { x: 230, y: 130 },
    ]);
    expect(same).toEqual({ scale: 1, tx: 90, ty: 40 });
  });
});
