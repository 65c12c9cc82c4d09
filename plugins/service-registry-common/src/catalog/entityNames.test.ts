import { ownerToEntityName, ownerToEntityRef } from './entityNames';

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

describe('ownerToEntityRef', () => {
  it.each([
    ['@platform-team', 'group:default/platform-team'],
    ['Platform Team', 'group:default/platform-team'],
    ['user:Jane', 'user:default/jane'],
    ['group:ops/SRE', 'group:ops/sre'],
    // a ref whose name or namespace has nothing a name can hold: not its kind or namespace
    ['user:Ана', undefined],
    ['group:ops/Платёж', undefined],
    ['group:Платёж/ops', undefined],
    ['@@@', undefined],
  ])('%p becomes %p', (owner, ref) => {
    expect(ownerToEntityRef(owner)).toBe(ref);
  });
});
