import { runRule } from '../__testUtils__/registryOf';
import { overrideOfRetired } from './overrideOfRetired';

/** A global service `cart` of the given status, and project `shop`'s override of it. */
function registry(globalStatus: string, override: string[]) {
  return {
    'services/catalog.toml': [
      '[service.cart]',
      'version = "1.0.0"',
      `status = "${globalStatus}"`,
    ].join('\n'),
    'projects/shop/services.toml': [
      '[project]',
      '[service.cart]',
      ...override,
    ].join('\n'),
  };
}

describe('overrideOfRetired', () => {
  it("warns at a project's override that keeps a retired global service alive, at its status", () => {
    expect(
      runRule(overrideOfRetired, registry('retired', ['status = "ga"'])),
    ).toEqual([
      {
        severity: 'warning',
        code: 'lifecycle/override-of-retired',
        message:
          'In project "shop": Service "cart" has status "ga", but services/catalog.toml:1 retires it: the catalog shows the global declaration, and no retired service, so the service this project runs has no page and the dependencies on it lead nowhere. Retire it here too (status = "retired"), bring the global service back, or give this project\'s service an id of its own if it is another service.',
        file: 'projects/shop/services.toml',
        line: 3,
        column: 1,
        service: 'cart',
        project: 'shop',
      },
    ]);
  });

  it('says nothing of an override that leaves the service retired, nor of overrides of live services', () => {
    expect(
      runRule(overrideOfRetired, registry('retired', ['port = 8080'])),
    ).toEqual([]);
    expect(
      runRule(overrideOfRetired, registry('retired', ['status = "retired"'])),
    ).toEqual([]);
    expect(
      runRule(overrideOfRetired, registry('deprecated', ['status = "ga"'])),
    ).toEqual([]);
  });
});
