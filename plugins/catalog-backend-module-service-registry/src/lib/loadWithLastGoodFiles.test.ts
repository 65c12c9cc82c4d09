import {
  RegistryFileInput,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { LastGoodState, loadWithLastGoodFiles } from './loadWithLastGoodFiles';

const CATALOG = 'services/catalog.toml';
const SHOP = 'projects/shop/services.toml';

/** What earlier runs applied, as the provider's store keeps it. */
function lastGood(
  files: Record<string, string>,
  keptDeclarations?: Map<string, string>,
): LastGoodState & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    async getFiles(paths) {
      asked.push(paths);
      return new Map(
        paths.filter(p => p in files).map(p => [p, files[p]] as const),
      );
    },
    async getKeptDeclarations() {
      return keptDeclarations;
    },
  };
}

function read(files: Record<string, string>): RegistryFileInput[] {
  return Object.entries(files).map(([path, text]) => ({ path, text }));
}

const GOOD_CATALOG = '[service.auth]\nowner = "platform"\nport = 8080\n';
const GOOD_SHOP =
  '[project]\nname = "Shop"\n\n[service.cart]\nowner = "shop"\ndependencies.requires = ["auth"]\n';

describe('loadWithLastGoodFiles', () => {
  it('takes every file as read when all of them load, without asking for a last good version', async () => {
    const state = lastGood({});
    const load = await loadWithLastGoodFiles(
      read({ [CATALOG]: GOOD_CATALOG, [SHOP]: GOOD_SHOP }),
      state,
    );
    expect([...load.registry.services.keys()].sort()).toEqual(['auth', 'cart']);
    expect(load.kept).toEqual([]);
    expect(load.dropped).toEqual([]);
    expect(state.asked).toEqual([]);
  });

  it("keeps a file that does not parse at its last good version, with the new version's syntax error", async () => {
    const broken =
      '[project]\nname = "Shop"\n\n[service.cart\nowner = "shop"\n';
    const load = await loadWithLastGoodFiles(
      read({ [CATALOG]: GOOD_CATALOG, [SHOP]: broken }),
      lastGood({ [SHOP]: GOOD_SHOP }),
    );
    expect(load.kept).toEqual([SHOP]);
    expect(load.registry.services.get('cart')?.owner).toBe('shop');
    expect(load.effectiveFiles).toContainEqual({ path: SHOP, text: GOOD_SHOP });
    expect(load.registry.findings[0]).toMatchObject({
      code: 'toml/syntax',
      file: SHOP,
      line: 4,
    });
  });

  it("does not call a service missing that only the kept file's new version declares", async () => {
    // the new version adds wishlist, which another project already requires, and breaks
    const broken =
      '[project]\nname = "Shop"\n\n[service.cart]\nowner = "shop"\n\n[service.wishlist]\nport = = 1\n';
    const load = await loadWithLastGoodFiles(
      read({
        [CATALOG]: GOOD_CATALOG,
        [SHOP]: broken,
        'projects/web/services.toml':
          '[service.storefront]\ndependencies.requires = ["wishlist", "ghost"]\n',
      }),
      lastGood({ [SHOP]: GOOD_SHOP }),
    );
    expect(load.kept).toEqual([SHOP]);
    expect(load.registry.services.has('wishlist')).toBe(false);
    expect([...load.registry.unreadServices!]).toEqual([
      ['wishlist', { file: SHOP, line: 7, column: 1 }],
    ]);
    // the syntax error is the finding; the dependency on ghost, which no version declares, stays
    const findings = validateRegistry(load.registry, { today: '2026-12-07' });
    expect(
      findings
        .filter(f => f.severity === 'error')
        .map(f => [f.code, f.file, f.message.match(/requires "(\w+)"/)?.[1]]),
    ).toEqual([
      ['toml/syntax', SHOP, undefined],
      ['dependency/missing-required', 'projects/web/services.toml', 'ghost'],
    ]);
  });

  it('leaves out a file that does not parse and was never applied, still reporting its error', async () => {
    const load = await loadWithLastGoodFiles(
      read({ [CATALOG]: GOOD_CATALOG, [SHOP]: '[service.cart\n' }),
      lastGood({}),
    );
    expect(load.dropped).toEqual([SHOP]);
    expect(load.kept).toEqual([]);
    expect(load.effectiveFiles.map(f => f.path)).toEqual([CATALOG]);
    expect(load.registry.services.has('cart')).toBe(false);
    expect(
      load.registry.findings.filter(f => f.code === 'toml/syntax'),
    ).toHaveLength(1);
  });

  it('keeps a services file emptied where its last good version declared services, and says so', async () => {
    const load = await loadWithLastGoodFiles(
      read({ [CATALOG]: GOOD_CATALOG, [SHOP]: '# nothing left\n' }),
      lastGood({ [SHOP]: GOOD_SHOP }),
    );
    expect(load.kept).toEqual([SHOP]);
    expect([...load.keptEmptied]).toEqual([SHOP]);
    expect(load.registry.services.has('cart')).toBe(true);
    expect(load.registry.findings[0]).toMatchObject({
      severity: 'warning',
      code: 'catalog/file-emptied',
      file: SHOP,
    });
  });

  it('takes an emptied file as read when its last good version declared no service', async () => {
    const load = await loadWithLastGoodFiles(
      read({ [CATALOG]: GOOD_CATALOG, [SHOP]: '' }),
      lastGood({ [SHOP]: '[project]\nname = "Shop"\n' }),
    );
    expect(load.kept).toEqual([]);
    expect(load.effectiveFiles).toContainEqual({ path: SHOP, text: '' });
  });

  it('keeps a file at its last good version when its new version brings schema errors, reporting only the new ones', async () => {
    const mistyped = GOOD_SHOP.replace('owner = "shop"', 'owner = 42');
    const load = await loadWithLastGoodFiles(
      read({ [CATALOG]: GOOD_CATALOG, [SHOP]: mistyped }),
      lastGood({ [SHOP]: GOOD_SHOP }),
    );
    expect([...load.keptInvalid.keys()]).toEqual([SHOP]);
    expect(load.keptInvalid.get(SHOP)).toMatchObject({ file: SHOP, line: 5 });
    expect(load.registry.services.get('cart')?.owner).toBe('shop');
    const shopErrors = load.registry.findings.filter(
      f => f.file === SHOP && f.severity === 'error',
    );
    expect(shopErrors).toHaveLength(1);
    expect(shopErrors[0].message).toContain('owner');
  });

  it('takes a file with schema errors as read when its last good version had them already', async () => {
    const mistyped = GOOD_SHOP.replace('owner = "shop"', 'owner = 42');
    const load = await loadWithLastGoodFiles(
      read({
        [CATALOG]: GOOD_CATALOG,
        [SHOP]: `${mistyped}\n[service.orders]\nowner = "shop"\n`,
      }),
      lastGood({ [SHOP]: mistyped }),
    );
    expect(load.keptInvalid.size).toBe(0);
    expect(load.registry.services.has('orders')).toBe(true);
  });

  it('keeps the last good version of a layout file saved as .TOML, naming the file found instead', async () => {
    const load = await loadWithLastGoodFiles(
      read({
        [CATALOG]: GOOD_CATALOG,
        'projects/shop/services.TOML': GOOD_SHOP,
      }),
      lastGood({ [SHOP]: GOOD_SHOP }),
    );
    expect(load.kept).toEqual([SHOP]);
    expect([...load.keptForMisnamed]).toEqual([
      [SHOP, 'projects/shop/services.TOML'],
    ]);
    expect(load.registry.services.has('cart')).toBe(true);
  });

  it('remembers the files that hold a misspelt [services.<id>] table', async () => {
    const load = await loadWithLastGoodFiles(
      read({ [CATALOG]: '[services.auth]\nowner = "platform"\n' }),
      lastGood({}),
    );
    expect([...load.misspelt]).toEqual([CATALOG]);
  });

  it('keeps a duplicated service id with the project whose declaration was ingested first', async () => {
    const other = 'projects/other/services.toml';
    const cart = '[project]\n\n[service.cart]\nowner = "x"\n';
    const before = read({ [SHOP]: GOOD_SHOP });
    const state = lastGood({ [SHOP]: GOOD_SHOP }, new Map([['cart', SHOP]]));
    // "other" sorts before "shop": without the last run, its declaration would be the one kept
    const load = await loadWithLastGoodFiles(
      [...read({ [other]: cart }), ...before],
      state,
    );
    expect(load.registry.services.get('cart')?.source.file).toBe(SHOP);
    expect(load.registry.findings).toContainEqual(
      expect.objectContaining({ code: 'service/duplicate-id', file: other }),
    );
  });
});
