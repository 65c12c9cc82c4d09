import { relationTargetRef } from './relationTargetRef';

describe('relationTargetRef', () => {
  it('reads a short ref in the field kind and the holder namespace, as the catalog does', () => {
    expect(relationTargetRef('shop', 'system', 'platform')).toBe(
      'system:platform/shop',
    );
    expect(relationTargetRef('Team-A', 'group', 'default')).toBe(
      'group:default/team-a',
    );
  });

  it('keeps the kind and namespace a full ref names, in lower case', () => {
    expect(
      relationTargetRef('Component:Default/Shop-API', undefined, 'platform'),
    ).toBe('component:default/shop-api');
  });

  it('gives nothing for a value that is no ref', () => {
    expect(relationTargetRef('shop-api', undefined, 'default')).toBeUndefined();
    expect(relationTargetRef(42, 'group', 'default')).toBeUndefined();
    expect(relationTargetRef(undefined, 'group', 'default')).toBeUndefined();
  });
});
