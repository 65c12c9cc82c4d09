import { ownerToEntityName } from './entityNames';

describe('ownerToEntityName', () => {
  it.each([
    ['@platform-team', 'platform-team'],
    ['Platform Team', 'platform-team'],
    ['group:default/payments', 'payments'],
    ['@@@', undefined],
    [undefined, undefined],
  ])('%p becomes %p', (owner, name) => {
    expect(ownerToEntityName(owner)).toBe(name);
  });
});
