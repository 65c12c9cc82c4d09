import {
  ENTITY_NAME_PATTERN,
  isEntityName,
  ownerToEntityName,
  ownerToEntityRef,
} from './entityNames';

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

describe('isEntityName', () => {
  it.each(['shared', 'Global.Services_2', 'a', '9', 'x'.repeat(63), 'a-b.c_d'])(
    'takes %s, a name the catalog takes',
    name => {
      expect(isEntityName(name)).toBe(true);
      expect(ENTITY_NAME_PATTERN.test(name)).toBe(true);
    },
  );

  it.each([
    '',
    '-x',
    'x-',
    '.x',
    'x_',
    'a b',
    'ñandú',
    'a/b',
    'x'.repeat(64),
    'shared\n',
  ])('refuses %j, which the catalog refuses', name => {
    expect(isEntityName(name)).toBe(false);
  });
});
