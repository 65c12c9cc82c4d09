import { fitViewport, NODE_HEIGHT, NODE_WIDTH, Viewport } from './fitViewport';

/** The screen rectangle the nodes take in a view. */
function drawnBox(nodes: { x: number; y: number }[], v: Viewport) {
  const xs = nodes.map(n => n.x);
  const ys = nodes.map(n => n.y);
  return {
    left: (Math.min(...xs) - NODE_WIDTH / 2) * v.scale + v.tx,
    right: (Math.max(...xs) + NODE_WIDTH / 2) * v.scale + v.tx,
    top: (Math.min(...ys) - NODE_HEIGHT / 2) * v.scale + v.ty,
    bottom: (Math.max(...ys) + NODE_HEIGHT / 2) * v.scale + v.ty,
  };
}

describe('fitViewport', () => {
  // seven layers of consumers → providers, three rows: much wider than tall
  const wide = [0, 1, 2, 3, 4, 5, 6].flatMap(layer =>
    [0, 1, 2].map(row => ({ x: 1000 + layer * 240, y: -300 + row * 56 })),
  );

  it('draws a wide graph across the whole width, at the top of a tall drawing, clear of the zoom buttons', () => {
    const v = fitViewport(wide, 800, 640);
    const box = drawnBox(wide, v);
    expect(box.left).toBeCloseTo(24);
    // the zoom buttons take the top right corner: the graph ends 56 px before the edge
    expect(box.right).toBeCloseTo(800 - 56);
    expect(box.top).toBeCloseTo(24);
    expect(box.bottom).toBeLessThan(640 / 2);
  });

  it('draws a tall graph over the whole height, centred across', () => {
    const tall = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(row => ({
      x: 0,
      y: row * 56,
    }));
    const v = fitViewport(tall, 800, 300);
    const box = drawnBox(tall, v);
    expect(box.top).toBeCloseTo(24);
    expect(box.bottom).toBeCloseTo(300 - 24);
    expect((box.left + box.right) / 2).toBeCloseTo(24 + (800 - 24 - 56) / 2);
  });

  it('does not magnify a small graph beyond 1.25', () => {
    expect(fitViewport([{ x: 0, y: 0 }], 1200, 600).scale).toBe(1.25);
  });

  it('keeps the identity scale while the drawing is not measured', () => {
    expect(fitViewport(wide, 0, 0).scale).toBe(1);
    expect(fitViewport([], 800, 600).scale).toBe(1);
  });
});
