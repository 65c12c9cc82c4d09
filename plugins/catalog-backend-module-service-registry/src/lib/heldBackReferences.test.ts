import { heldBackReferences } from './heldBackReferences';

describe('heldBackReferences', () => {
  const removed = [
    'group:default/payments-team',
    'component:default/payments-api',
    'component:default/gone',
    'system:default/payments',
    'system:default/old',
  ];
  const held = new Map([['component:default/payments-api', {}]]);

  it('keeps every System and Group the run would remove while it holds back a service', () => {
    expect(heldBackReferences(removed, held)).toEqual([
      'system:default/old',
      'system:default/payments',
      'group:default/payments-team',
    ]);
  });

  it('keeps nothing when no service is held back', () => {
    expect(heldBackReferences(removed, new Map())).toEqual([]);
  });
});
