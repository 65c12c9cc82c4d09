import { NODE_HEIGHT, NODE_WIDTH, Viewport } from './fitViewport';
import {
  LEGIBLE_FIT_SCALE,
  MIN_FOLLOWED_HEIGHT,
  NAMES_DRAWN_ABOVE_SCALE,
  READING_SCALE,
  startView,
} from './startView';

/** Where a node's box is drawn in a view, in CSS pixels. */
function drawn(node: { x: number; y: number }, v: Viewport) {
  return {
    left: (node.x - NODE_WIDTH / 2) * v.scale + v.tx,
    right: (node.x + NODE_WIDTH / 2) * v.scale + v.tx,
    top: (node.y - NODE_HEIGHT / 2) * v.scale + v.ty,
    bottom: (node.y + NODE_HEIGHT / 2) * v.scale + v.ty,
  };
}

/** Layers of consumers → providers 240 apart, rows 56 apart, as the layered layout places them. */
function grid(layers: number, rows: number) {
  return Array.from({ length: layers }, (_, layer) =>
    Array.from({ length: rows }, (__, row) => ({
      x: layer * 240,
      y: row * 56,
    })),
  ).flat();
}

describe('startView', () => {
  // a service page's neighbourhood three hops each way: seven layers, three rows
  const hood = grid(7, 3);
  const root = hood[3 * 3 + 1]; // the middle layer's middle row

  it('fits the whole graph where it reads, and the drawing keeps its height unless asked', () => {
    const { view, height } = startView(hood, 1200, 640, { root });
    expect(view.scale).toBeGreaterThanOrEqual(LEGIBLE_FIT_SCALE);
    expect(drawn(hood[0], view).left).toBeCloseTo(24);
    expect(drawn(hood[hood.length - 1], view).right).toBeCloseTo(1200 - 56);
    expect(height).toBe(640);
  });

  it('takes no more height than a wide, shallow graph needs', () => {
    const { view, height } = startView(hood, 1200, 640, {
      heightFollowsGraph: true,
    });
    // three rows, drawn from 24 px down, and 24 px below the last
    expect(drawn(hood[0], view).top).toBeCloseTo(24);
    expect(height).toBe(Math.ceil(drawn(hood[2], view).bottom + 24));
    expect(height).toBeLessThan(200);
  });

  it('never makes a drawing lower than the zoom buttons need, nor taller than asked', () => {
    expect(
      startView([{ x: 0, y: 0 }], 1200, 640, { heightFollowsGraph: true })
        .height,
    ).toBe(MIN_FOLLOWED_HEIGHT);
    const tall = grid(2, 30);
    const { view, height } = startView(tall, 1200, 360, {
      heightFollowsGraph: true,
    });
    expect(height).toBe(360);
    expect(drawn(tall[29], view).bottom).toBeCloseTo(360 - 24);
  });

  it('keeps the least height it is given, a whole graph that needs less in its middle', () => {
    const { view, height } = startView(hood, 1200, 640, {
      heightFollowsGraph: true,
      minHeight: 480,
    });
    expect(height).toBe(480);
    const top = drawn(hood[0], view).top;
    const bottom = drawn(hood[2], view).bottom;
    expect(top).toBeGreaterThan(24);
    // (as much room above as below, give or take the pixel the height is rounded up to)
    expect(Math.abs(top - (480 - bottom))).toBeLessThanOrEqual(1);
    // a graph that needs more than the least height takes what it needs, up to the most
    const tall = grid(2, 30);
    expect(
      startView(tall, 1200, 640, { heightFollowsGraph: true, minHeight: 480 })
        .height,
    ).toBe(640);
  });

  it('on a phone, shows the root legibly, centred, instead of the whole graph too small to read', () => {
    // a 390 px phone's card: the whole graph would be drawn at a third of its size
    expect(startView(hood, 326, 360).view.scale).toBeLessThan(
      LEGIBLE_FIT_SCALE,
    );
    const { view, height } = startView(hood, 326, 360, {
      root,
      heightFollowsGraph: true,
    });
    expect(view.scale).toBe(READING_SCALE);
    const box = drawn(root, view);
    // centred in the room left of the zoom buttons, whole
    expect((box.left + box.right) / 2).toBeCloseTo((24 + 326 - 56) / 2);
    expect(box.left).toBeGreaterThan(0);
    expect(box.right).toBeLessThan(326);
    // the three rows fit at that scale: from the top, and the drawing only as high as they need
    expect(drawn(hood[0], view).top).toBeCloseTo(24);
    expect(height).toBe(Math.ceil(drawn(hood[2], view).bottom + 24));
  });

  it('does not scroll past the end of the graph to centre a root at its edge', () => {
    const consumer = hood[1]; // the leftmost layer
    const { view } = startView(hood, 326, 360, { root: consumer });
    expect(drawn(consumer, view).left).toBeCloseTo(24);
    const provider = hood[hood.length - 1];
    const right = startView(hood, 326, 360, { root: provider }).view;
    expect(drawn(provider, right).right).toBeCloseTo(326 - 56);
  });

  it('centres a root among more rows than the drawing holds', () => {
    const column = grid(3, 40);
    const middle = column[40 + 20];
    const { view, height } = startView(column, 1200, 360, {
      root: middle,
      heightFollowsGraph: true,
    });
    expect(view.scale).toBe(READING_SCALE);
    const box = drawn(middle, view);
    expect((box.top + box.bottom) / 2).toBeCloseTo(180);
    expect(height).toBe(360);
  });

  it('from its start, shows a map too small to read with its top left corner legible, and a map that reads whole', () => {
    // the portal's map on a phone: six layers of eight rows in a 342 × 484 drawing
    const map = grid(6, 8);
    const { view } = startView(map, 342, 484, { fromStart: true });
    expect(view.scale).toBe(READING_SCALE);
    // the first consumer in the drawing's top left corner, the next layer partly in sight
    expect(drawn(map[0], view).left).toBeCloseTo(24);
    expect(drawn(map[0], view).top).toBeCloseTo(24);
    expect(drawn(map[8], view).left).toBeLessThan(342);
    // on a wide screen the same map reads whole: fitted, as without the option
    expect(startView(map, 1400, 540, { fromStart: true }).view).toEqual(
      startView(map, 1400, 540).view,
    );
    // and so it does where its names are small but drawn (a laptop: just above 0.45)
    const laptop = startView(map, 80 + 1380 * 0.47, 540, { fromStart: true });
    expect(laptop.view.scale).toBeCloseTo(0.47);
    expect(laptop.view.scale).toBeGreaterThan(NAMES_DRAWN_ABOVE_SCALE);
    expect(laptop.view.scale).toBeLessThan(LEGIBLE_FIT_SCALE);
    // a root, when there is one, comes first
    const { view: rooted } = startView(map, 342, 484, {
      root: map[8 * 3 + 4],
      fromStart: true,
    });
    expect(drawn(map[0], rooted).left).toBeLessThan(0);
  });

  it('keeps the whole graph when there is no root to show', () => {
    expect(startView(hood, 326, 360).view.scale).toBeLessThan(
      LEGIBLE_FIT_SCALE,
    );
    expect(startView([], 326, 360, { root }).height).toBe(360);
    expect(startView(hood, 0, 360, { root }).view.scale).toBe(1);
  });
});
