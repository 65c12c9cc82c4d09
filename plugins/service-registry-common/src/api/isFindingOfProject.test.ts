import { loadRegistry } from '../load/buildRegistry';
import { RegistryFinding } from '../model/types';
import { isFindingOfProject } from './isFindingOfProject';
import { GLOBAL_PROJECT_ID } from './projectSummaryResponse';

const registry = loadRegistry([
  { path: 'services/catalog.toml', text: '[service.auth]\n' },
  { path: 'projects/shop/services.toml', text: '[project]\n[service.cart]\n' },
  { path: 'projects/global/services.toml', text: '[project]\n[service.g]\n' },
]);

const finding = (about: Partial<RegistryFinding>): RegistryFinding => ({
  severity: 'warning',
  code: 'x/y',
  message: '',
  file: 'policies/sla.toml',
  line: 1,
  column: 1,
  ...about,
});

describe('isFindingOfProject', () => {
  it("counts a finding about a project or one of its services as the project's", () => {
    const cart = finding({
      service: 'cart',
      file: 'projects/shop/services.toml',
    });
    expect(isFindingOfProject(registry, cart, 'shop')).toBe(true);
    expect(isFindingOfProject(registry, cart, GLOBAL_PROJECT_ID)).toBe(false);
    expect(
      isFindingOfProject(registry, finding({ project: 'shop' }), 'shop'),
    ).toBe(true);
    expect(isFindingOfProject(registry, finding({}), 'shop')).toBe(false);
  });

  it("counts findings of services/catalog.toml and of global services as the global services', not a project named global's", () => {
    const auth = finding({ service: 'auth', file: 'services/catalog.toml' });
    const inCatalog = finding({ file: 'services/catalog.toml' });
    expect(isFindingOfProject(registry, auth, GLOBAL_PROJECT_ID)).toBe(true);
    expect(isFindingOfProject(registry, inCatalog, GLOBAL_PROJECT_ID)).toBe(
      true,
    );
    expect(isFindingOfProject(registry, auth, 'global')).toBe(false);
    const g = finding({
      service: 'g',
      project: 'global',
      file: 'projects/global/services.toml',
    });
    expect(isFindingOfProject(registry, g, 'global')).toBe(true);
    expect(isFindingOfProject(registry, g, GLOBAL_PROJECT_ID)).toBe(false);
  });
});
