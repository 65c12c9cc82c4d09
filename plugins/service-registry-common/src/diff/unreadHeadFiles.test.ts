import { loadRegistry } from '../load/buildRegistry';
import { tooLargeRegistryFile } from '../model/registryFileSize';
import { validateRegistry } from '../validation/validateRegistry';
import { diffRegistries } from './diffRegistries';
import { preferBaseDeclarations } from './preferBaseDeclarations';

const TODAY = '2026-01-20';

const CATALOG = [
  '[service.auth]',
  'owner = "@platform"',
  'version = "1.0.0"',
  'port = 80',
  '[service.gateway]',
  'owner = "@edge"',
  'dependencies.requires = ["shop-api"]',
].join('\n');

const SHOP = [
  '[project]',
  'owner = "@shop-team"',
  '[service.auth]',
  'port = 81',
  '[service.shop-api]',
  'version = "1.0.0"',
  'port = 8090',
  'sla.availability = "99.9%"',
  'dependencies.requires = ["auth@^1.0"]',
  '[service.shop-worker]',
  'dependencies.requires = ["shop-api"]',
].join('\n');

const CART = [
  '[project]',
  'owner = "@cart-team"',
  '[service.cart-api]',
  'sla.availability = "99.9%"',
  'dependencies.requires = ["shop-api"]',
].join('\n');

const GOVERNANCE = [
  '[change_control]',
  'breaking_changes_require = ["@platform-team"]',
  'version_bumps_require = ["@maintainer"]',
  'config_changes_require = ["@ops-team"]',
].join('\n');

const BASE_FILES: Record<string, string> = {
  'services/catalog.toml': CATALOG,
  'projects/shop/services.toml': SHOP,
  'projects/cart/services.toml': CART,
  'policies/governance.toml': GOVERNANCE,
};

/** The shop's file with its port written as two values: the file does not parse. */
const BROKEN_SHOP = SHOP.replace('port = 8090', 'port = 8090 8091');

const filesOf = (files: Record<string, string>) =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

/** Loads head as the CLI and the scaffolder do: with base's declarations of duplicated ids kept. */
function load(files: Record<string, string>, base = loadRegistry([])) {
  const inputs = filesOf(files);
  return preferBaseDeclarations(base, loadRegistry(inputs), inputs);
}

const base = load(BASE_FILES);

describe('diffRegistries with a file of head that does not parse', () => {
  const head = load({
    ...BASE_FILES,
    'projects/shop/services.toml': BROKEN_SHOP,
  });
  const diff = diffRegistries(base, head, { today: TODAY });

  it('does not report its services as removed or changed, nor anything they would bring', () => {
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(diff.breakingChanges).toEqual([]);
    expect(diff.impactByService).toEqual([]);
    expect(diff.slaImpacts).toEqual([]);
    expect(diff.requiredApprovals).toEqual([]);
  });

  it('says that the file does not parse in head and that its services were compared as in base', () => {
    const syntax = head.findings.find(f => f.code === 'toml/syntax')!;
    expect(diff.unreadHeadFiles).toEqual([
      {
        file: 'projects/shop/services.toml',
        code: 'toml/syntax',
        reason: 'does not parse',
        position: {
          file: 'projects/shop/services.toml',
          line: syntax.line,
          column: syntax.column,
        },
        comparedAsInBase: true,
        // the project's override of a global service included
        services: ['auth', 'shop-api', 'shop-worker'],
      },
    ]);
  });

  it('leaves head as it is: the syntax error is still an error of head', () => {
    expect(head.failedFiles).toEqual(['projects/shop/services.toml']);
    expect(head.services.has('shop-api')).toBe(false);
    expect(
      validateRegistry(head, { today: TODAY })
        .filter(f => f.severity === 'error')
        .map(f => [f.code, f.file]),
    ).toContainEqual(['toml/syntax', 'projects/shop/services.toml']);
  });

  it('still finds the other changes, counting the consumers the file declares in base', () => {
    const bumped = load({
      ...BASE_FILES,
      'services/catalog.toml': CATALOG.replace(
        'version = "1.0.0"',
        'version = "2.0.0"',
      ),
      'projects/shop/services.toml': BROKEN_SHOP,
    });
    const withBump = diffRegistries(base, bumped, { today: TODAY });
    expect(withBump.changed.map(c => [c.service, c.project])).toEqual([
      ['auth', undefined],
    ]);
    expect(withBump.removed).toEqual([]);
    const [bump, ...others] = withBump.breakingChanges;
    expect(others).toEqual([]);
    expect([bump.service, bump.kind]).toEqual(['auth', 'major-version-bump']);
    // shop-api requires auth@^1.0 in base's version of the file that does not parse
    expect(bump.impact.services.map(s => s.id)).toEqual(
      expect.arrayContaining(['shop-api', 'gateway', 'cart-api']),
    );
    expect(bump.affectedProjects).toEqual(['cart', 'shop']);
    expect(withBump.unreadHeadFiles.map(f => f.file)).toEqual([
      'projects/shop/services.toml',
    ]);
  });

  it('does not count a service moved out of the file into another file as added', () => {
    const moved = load(
      {
        ...BASE_FILES,
        'projects/shop/services.toml': BROKEN_SHOP.replace(
          /\[service\.shop-worker\][^[]*$/,
          '',
        ),
        'projects/cart/services.toml': `${CART}\n[service.shop-worker]\ndependencies.requires = ["shop-api"]\n`,
      },
      base,
    );
    const movedDiff = diffRegistries(base, moved, { today: TODAY });
    expect(movedDiff.added).toEqual([]);
    expect(movedDiff.removed).toEqual([]);
    // base's declaration is kept, as the catalog keeps it, until the file parses again
    expect(movedDiff.changed).toEqual([]);
    expect(movedDiff.breakingChanges).toEqual([]);
  });

  it('compares a file not read for its size as in base too, saying why', () => {
    const tooLarge = loadRegistry([
      ...filesOf(BASE_FILES).filter(
        f => f.path !== 'projects/shop/services.toml',
      ),
      tooLargeRegistryFile('projects/shop/services.toml', 3000, 2048),
    ]);
    const sized = diffRegistries(base, tooLarge, { today: TODAY });
    expect([sized.removed, sized.changed, sized.breakingChanges]).toEqual([
      [],
      [],
      [],
    ]);
    expect(sized.unreadHeadFiles).toEqual([
      {
        file: 'projects/shop/services.toml',
        code: 'toml/file-too-large',
        reason: 'is above the size limit for a registry file',
        position: { file: 'projects/shop/services.toml', line: 1, column: 1 },
        comparedAsInBase: true,
        services: ['auth', 'shop-api', 'shop-worker'],
      },
    ]);
  });

  it('compares the global services of a catalog that does not parse as in base, and the overrides as overrides', () => {
    const broken = load({
      ...BASE_FILES,
      'services/catalog.toml': `${CATALOG}\nport = = 1`,
    });
    const catalogDiff = diffRegistries(base, broken, { today: TODAY });
    expect([
      catalogDiff.added,
      catalogDiff.removed,
      catalogDiff.changed,
      catalogDiff.breakingChanges,
      catalogDiff.requiredApprovals,
    ]).toEqual([[], [], [], [], []]);
    expect(catalogDiff.unreadHeadFiles.map(f => [f.file, f.services])).toEqual([
      ['services/catalog.toml', ['auth', 'gateway']],
    ]);
  });

  it('leaves out what a file new in head declares, since base has no version of it', () => {
    const added = load({
      ...BASE_FILES,
      'projects/extra/services.toml': '[service.extra-api\nport = 1',
    });
    const addedDiff = diffRegistries(base, added, { today: TODAY });
    expect([addedDiff.added, addedDiff.removed, addedDiff.changed]).toEqual([
      [],
      [],
      [],
    ]);
    expect(addedDiff.unreadHeadFiles).toEqual([
      expect.objectContaining({
        file: 'projects/extra/services.toml',
        comparedAsInBase: false,
        services: [],
      }),
    ]);
  });

  it('has no unread file when every file of head was read', () => {
    expect(diffRegistries(base, base).unreadHeadFiles).toEqual([]);
  });
});
