import { isRegistryLayoutFile, registryRootBelow } from './registryRootBelow';

describe('isRegistryLayoutFile', () => {
  it('takes the files of the layout, also with .toml in another case', () => {
    expect(isRegistryLayoutFile('services/catalog.toml')).toBe(true);
    expect(isRegistryLayoutFile('projects/shop/services.TOML')).toBe(true);
    expect(isRegistryLayoutFile('policies/sla.toml')).toBe(true);
    expect(isRegistryLayoutFile('rustfmt.toml')).toBe(false);
    expect(isRegistryLayoutFile('registry/services/catalog.toml')).toBe(false);
  });
});

describe('registryRootBelow', () => {
  it('names the shallowest folder below which a path is a file of the layout', () => {
    expect(registryRootBelow('registry/services/catalog.toml')).toEqual({
      folder: 'registry',
      rest: 'services/catalog.toml',
    });
    expect(
      registryRootBelow('deploy/registry/projects/shop/services.toml'),
    ).toEqual({
      folder: 'deploy/registry',
      rest: 'projects/shop/services.toml',
    });
  });

  it('is undefined for a file of the layout itself or a file of no registry', () => {
    expect(registryRootBelow('services/catalog.toml')).toBeUndefined();
    expect(registryRootBelow('tools/rustfmt.toml')).toBeUndefined();
  });
});
