import { cycleEdges } from './cycle-edges';
import { edgeKey } from './edge-key';

describe('cycleEdges', () => {
  it('turns closed cycle paths into edge and node sets', () => {
    const { edges, nodes } = cycleEdges([
      ['a', 'b', 'c', 'a'],
      ['x', 'x'],
    ]);
    expect([...nodes].sort()).toEqual(['a', 'b', 'c', 'x']);
    expect(edges.has(edgeKey('a', 'b'))).toBe(true);
    expect(edges.has(edgeKey('c', 'a'))).toBe(true);
    expect(edges.has(edgeKey('x', 'x'))).toBe(true);
    expect(edges.has(edgeKey('b', 'a'))).toBe(false);
  });
});
