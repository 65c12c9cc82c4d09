import { resolveClaims } from './resolveClaims';

const refs = (...r: string[]) => r.map(ref => ({ ref }));

describe('resolveClaims', () => {
  it('leaves to another registry what it already emits', () => {
    const result = resolveClaims({
      providerId: 'lab',
      next: refs('component:default/a', 'component:default/b'),
      previous: new Map(),
      others: new Map([['component:default/b', 'main']]),
    });
    expect(result.kept).toEqual(refs('component:default/a'));
    expect(result.taken).toEqual([
      { item: { ref: 'component:default/b' }, by: 'main' },
    ]);
  });

  it('settles an entity both emitted before on the id that sorts first, on both sides', () => {
    const both = {
      next: refs('component:default/b'),
      previous: new Map([['component:default/b', 'h']]),
    };
    expect(
      resolveClaims({
        ...both,
        providerId: 'lab',
        others: new Map([['component:default/b', 'main']]),
      }).kept,
    ).toHaveLength(1);
    expect(
      resolveClaims({
        ...both,
        providerId: 'main',
        others: new Map([['component:default/b', 'lab']]),
      }).kept,
    ).toHaveLength(0);
  });
});
