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

  it('magnifies by how far the fingers spread, about the point between them', () => {
    const between = inGraph(view, 150, 100);
    const spread = pinchViewport(
      view,
      [
        { x: 100, y: 100 },
        { x: 200, y: 100 },
      ],
      [
        { x: 50, y: 100 },
        { x: 250, y: 100 },
      ],
    );
    expect(spread.scale).toBe(2);
    expect(onScreen(spread, between.x, between.y)).toEqual({ x: 150, y: 100 });

    const pinched = pinchViewport(
      view,
      [
        { x: 100, y: 100 },
        { x: 200, y: 100 },
      ],
      [
        { x: 125, y: 100 },
        { x: 175, y: 100 },
      ],
    );
    expect(pinched.scale).toBe(0.5);
    expect(onScreen(pinched, between.x, between.y)).toEqual({
      x: 150,
      y: 100,
    });
  });

  it('moves the graph with the fingers: the point between them follows them', () => {
    const between = inGraph(view, 150, 100);
    const moved = pinchViewport(
      view,
      [
        { x: 100, y: 100 },
        { x: 200, y: 100 },
      ],
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
    const far = pinchViewport(
      view,
      [
        { x: 100, y: 100 },
        { x: 101, y: 100 },
      ],
      [
        { x: 0, y: 100 },
        { x: 1000, y: 100 },
      ],
    );
    expect(far.scale).toBe(MAX_SCALE);
    const same = pinchViewport(
      view,
      [
        { x: 100, y: 100 },
        { x: 100, y: 100 },
      ],
      [
        { x: 120, y: 130 },
        { x: 180, y: 130 },
      ],
    );
    expect(same).toEqual({ scale: 1, tx: 90, ty: 40 });
  });
});
