import { promises as fs } from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  cleanUp,
  commitAll,
  configWith,
  contextFor,
  git,
  tempDir,
} from '../__testUtils__/workspace';
import { createServiceRegistryFetchAction } from '../actions/fetchRegistry';
import {
  assertCheckoutAsFetched,
  unexpectedCheckoutConfigKeys,
} from './checkoutConfig';

afterEach(cleanUp);

/** A bare repository with one commit on `branch`, in the given object format. */
async function bareRepository(branch: string, objectFormat = 'sha1') {
  const root = await tempDir('sr-git-');
  const bare = path.join(root, 'registry.git');
  git(
    root,
    'init',
    '--quiet',
    '--bare',
    `--object-format=${objectFormat}`,
    bare,
  );
  const work = path.join(root, 'work');
  git(root, 'init', '--quiet', `--object-format=${objectFormat}`, work);
  await fs.writeFile(path.join(work, 'catalog.toml'), 'x = 1\n');
  git(work, 'add', '--all');
  commitAll(work, 'registry');
  git(work, 'push', '--quiet', bare, `HEAD:refs/heads/${branch}`);
  git(bare, 'symbolic-ref', 'HEAD', `refs/heads/${branch}`);
  return bare;
}

describe('assertCheckoutAsFetched', () => {
  it.each([
    ['the default branch of a SHA-1 repository', 'main', 'sha1', false],
    ['a branch with a slash, named to fetch', 'release/1.0', 'sha1', true],
    ['a SHA-256 repository', 'main', 'sha256', false],
  ])(
    'takes the checkout service-registry:registry:fetch clones of %s',
    async (_, branch, objectFormat, named) => {
      const bare = await bareRepository(branch, objectFormat);
      const fetch = createServiceRegistryFetchAction({
        config: configWith([bare]),
        reader: mockServices.urlReader.mock(),
      });
      const workspace = await tempDir('sr-ws-');
      await fetch.handler(
        contextFor(workspace, { url: bare, ...(named ? { branch } : {}) })
          .ctx as any,
      );
      const dir = path.join(workspace, 'registry');
      await expect(
        assertCheckoutAsFetched(dir, 'registry'),
      ).resolves.toBeUndefined();
      // the allow-list is exactly what the clone wrote, nothing of it is needless
      const keys = git(dir, 'config', '--local', '--list', '--name-only');
      expect(keys).toContain(`branch.${branch}.merge`);
      expect(keys.includes('extensions.objectformat')).toBe(
        objectFormat === 'sha256',
      );
    },
  );
});

describe('unexpectedCheckoutConfigKeys', () => {
  const clone = [
    'core.repositoryformatversion',
    'core.filemode',
    'core.bare',
    'core.logallrefupdates',
    'remote.origin.url',
    'remote.origin.tagopt',
    'remote.origin.fetch',
    'branch.main.remote',
    'branch.main.merge',
  ];

  it('finds nothing in what a clone writes', () => {
    expect(unexpectedCheckoutConfigKeys(clone)).toEqual({
      unexpected: [],
      repeated: [],
    });
  });

  it('names every other key once, sorted, and the keys given twice', () => {
    expect(
      unexpectedCheckoutConfigKeys([
        ...clone,
        'remote.origin.pushurl',
        'core.fsmonitor',
        'remote.origin.url',
        'core.fsmonitor',
        'branch.main.pushremote',
        'remote.Origin.url',
        'include.path',
      ]),
    ).toEqual({
      unexpected: [
        'branch.main.pushremote',
        'core.fsmonitor',
        'include.path',
        'remote.Origin.url',
        'remote.origin.pushurl',
      ],
      repeated: ['remote.origin.url'],
    });
  });
});
