import { classifyRegistryFile, intendedRegistryPath } from './classifyFile';

describe('classifyRegistryFile', () => {
  it.each([
    ['services/catalog.toml', { kind: 'catalog' }],
    [
      'projects/shop/services.toml',
      { kind: 'project', project: 'shop', file: 'services' },
    ],
    ['policies/sla.toml', { kind: 'policy', name: 'sla' }],
    ['projects/shop/services.TOML', { kind: 'unknown' }],
    ['notes/readme.toml', { kind: 'unknown' }],
  ])('%s is %p', (path, kind) => {
    expect(classifyRegistryFile(path)).toEqual(kind);
  });
});

describe('intendedRegistryPath', () => {
  it.each([
    ['projects/shop/services.TOML', 'projects/shop/services.toml'],
    ['services/catalog.Toml', 'services/catalog.toml'],
    ['policies/sla.TOML', 'policies/sla.toml'],
    // a layout file already, or no layout file in any case
    ['projects/shop/services.toml', undefined],
    ['notes/readme.TOML', undefined],
    ['projects/shop/service.TOML', undefined],
  ])('%s means %p', (path, intended) => {
    expect(intendedRegistryPath(path)).toBe(intended);
  });
});
