import { computeDelta } from './computeDelta';

describe('computeDelta', () => {
  it('keeps unchanged entities out and lists new, changed and removed ones', () => {
    const previous = new Map([
      ['component:default/a', 'h1'],
      ['component:default/b', 'h2'],
      ['component:default/c', 'h3'],
    ]);
    const delta = computeDelta(previous, [
      { ref: 'component:default/a', hash: 'h1' },
      { ref: 'component:default/b', hash: 'changed' },
      { ref: 'component:default/d', hash: 'h4' },
    ]);
    expect(delta.upserted.map(e => e.ref)).toEqual([
      'component:default/b',
      'component:default/d',
    ]);
    expect(delta.removed).toEqual(['component:default/c']);
    expect(delta.unchanged).toBe(1);
  });
});
