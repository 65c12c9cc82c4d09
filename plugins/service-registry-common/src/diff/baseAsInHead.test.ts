import { loadRegistry } from '../load/buildRegistry';
import { describeUnreadBaseFile } from '../report/unreadBaseFile';
import { baseAsInHead } from './baseAsInHead';
import { diffRegistries } from './diffRegistries';

const CATALOG = '[service.auth]\nversion = "1.0.0"\nport = 80\n';
const SHOP = [
  '[project]',
  '[service.shop-api]',
  'port = 8090',
  'dependencies.requires = ["auth"]',
  '[service.shop-web]',
  'dependencies.requires = ["shop-api"]',
].join('\n');

const files = (shop: string, catalog = CATALOG) => [
  { path: 'services/catalog.toml', text: catalog },
  { path: 'projects/shop/services.toml', text: shop },
];

describe('baseAsInHead', () => {
  it("takes a base file that does not parse as head has it: its services are neither added nor changed, and it says where base's error is", () => {
    const baseFiles = files('[project]\n[service.shop-api\nport = 8080\n');
    const headFiles = files(SHOP.replace('port = 8090', 'port = 9090'));
    const loadedBase = loadRegistry(baseFiles);
    const head = loadRegistry(headFiles);
    // without it, the project's services count as added
    expect(diffRegistries(loadedBase, head).added).toEqual([
      'shop-api',
      'shop-web',
    ]);

    const { base, unread } = baseAsInHead(
      loadedBase,
      baseFiles,
      head,
      headFiles,
    );
    const diff = diffRegistries(base, head);
    expect(diff.added).toEqual([]);
    expect(diff.changed).toEqual([]);
    expect(unread).toEqual([
      {
        file: 'projects/shop/services.toml',
        code: 'toml/syntax',
        reason: 'does not parse',
        position: { file: 'projects/shop/services.toml', line: 2, column: 18 },
        comparedAsInHead: true,
        services: ['shop-api', 'shop-web'],
      },
    ]);
    expect(
      describeUnreadBaseFile(unread[0], {
        shownPath: 'main:reg/projects/shop/services.toml',
        note: 'the merge base of main and HEAD',
      }),
    ).toBe(
      'In base, main:reg/projects/shop/services.toml:2:18 (the merge base of main and HEAD) does not parse: its services shop-api, shop-web are not compared (taken as head has them), so a breaking change to them is not reported.',
    );
  });

  it('returns base itself when every file of base was read, and leaves out a file head has no readable version of', () => {
    const readable = loadRegistry(files(SHOP));
    expect(
      baseAsInHead(readable, files(SHOP), readable, files(SHOP)).base,
    ).toBe(readable);

    const broken = files('[service.x\n');
    const { base, unread } = baseAsInHead(
      loadRegistry(broken),
      broken,
      loadRegistry(broken),
      broken,
    );
    expect(unread.map(u => [u.file, u.comparedAsInHead, u.services])).toEqual([
      ['projects/shop/services.toml', false, []],
    ]);
    expect([...base.services.keys()]).toEqual(['auth']);
    expect(describeUnreadBaseFile(unread[0])).toBe(
      'In base, projects/shop/services.toml:1:11 does not parse: head has no version of it that was read either, so what it declares is left out of the diff.',
    );
  });
});
