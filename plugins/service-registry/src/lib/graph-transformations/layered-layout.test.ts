import { layeredLayout } from './layered-layout';

describe('layeredLayout', () => {
  it('puts consumers left of their providers', () => {
    const layout = layeredLayout(
      ['web', 'api', 'db', 'auth'],
      [
        { from: 'web', to: 'api' },
        { from: 'api', to: 'db' },
        { from: 'api', to: 'auth' },
        { from: 'web', to: 'auth' },
      ],
    );
    const x = (id: string) => layout.positions.get(id)!.x;
    expect(x('web')).toBeLessThan(x('api'));
    expect(x('api')).toBeLessThan(x('db'));
    // longest path: auth sits in the layer after api, not next to web
    expect(layout.layers.get('auth')).toBe(2);
  });

  it('pulls a consumer nobody depends on next to its nearest provider', () => {
    const layout = layeredLayout(
      ['web', 'api', 'db', 'cron'],
      [
        { from: 'web', to: 'api' },
        { from: 'api', to: 'db' },
        { from: 'cron', to: 'db' },
      ],
    );
    expect(layout.layers.get('cron')).toBe(1);
    expect(layout.layers.get('web')).toBe(0);
  });

  it('terminates on cycles and gives every node a distinct position', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const layout = layeredLayout(ids, [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'a' },
      { from: 'c', to: 'c' },
    ]);
    const points = ids.map(id => layout.positions.get(id)!);
    expect(new Set(points.map(p => `${p.x},${p.y}`)).size).toBe(4);
  });

  it('lays out 2,000 nodes and 6,000 edges quickly', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `s${i}`);
    const edges = Array.from({ length: 6000 }, (_, i) => ({
      from: ids[(i * 7919) % 2000],
      to: ids[(i * 104729 + 13) % 2000],
    }));
    const layout = layeredLayout(ids, edges);
    expect(layout.positions.size).toBe(2000);
  });
});
