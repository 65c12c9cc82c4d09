import { promises as fs } from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import {
  bareRepositoryOf,
  cleanUp,
  commitAll,
  configWith,
  contextFor,
  git,
  tempDir,
} from '../__testUtils__/workspace';
import { createServiceRegistryFetchAction } from './fetchRegistry';
import { createServiceRegistryPublishBranchAction } from './publishBranch';

/**
 * service-registry:publish:branch runs git in a folder of the workspace that earlier steps of the
 * template can write to (fetch:plain with targetPath `registry/.git`, ...). These tests plant what
 * such a step could write and check that the action neither pushes anywhere but the allowed
 * repository nor lets git run a command of the checkout's choosing.
 */

afterEach(cleanUp);

/** An allowed repository, one that is not allowed, and a workspace with a fresh edited clone of the first. */
async function setUp() {
  const allowed = await bareRepositoryOf();
  const other = await bareRepositoryOf();
  const config = configWith([allowed], { registryUrl: allowed });
  const fetch = createServiceRegistryFetchAction({
    config,
    reader: mockServices.urlReader.mock(),
  });
  const publish = createServiceRegistryPublishBranchAction({ config });
  const workspace = await tempDir('sr-ws-');
  await fetch.handler(contextFor(workspace, {}).ctx as any);
  await fs.writeFile(
    path.join(workspace, 'registry/services/orders.toml'),
    '[services.orders]\nowner = "team"\n',
  );
  const refs = () => ({
    allowed: git(allowed, 'for-each-ref'),
    other: git(other, 'for-each-ref'),
  });
  const before = refs();
  const markers = await tempDir('sr-marker-');
  return {
    allowed,
    other,
    workspace,
    publish,
    /** A file a planted command would create. */
    marker: path.join(markers, 'RAN'),
    /** Adds lines to the checkout's `.git/config`, as an earlier step could. */
    plant: (text: string) =>
      fs.appendFile(path.join(workspace, 'registry/.git/config'), text),
    run: (input: Record<string, unknown> = {}, dryRun = false) =>
      publish.handler(
        contextFor(
          workspace,
          { branchName: 'add-orders', title: 'Add orders', ...input },
          dryRun ? { isDryRun: true } : {},
        ).ctx as any,
      ),
    /** Whether the refs of both repositories are those they had before the run. */
    nothingPushed: () => expect(refs()).toEqual(before),
  };
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

describe('service-registry:publish:branch on a checkout an earlier step tampered with', () => {
  it('pushes to the allowed repository when the checkout is the one fetch made', async () => {
    const s = await setUp();
    const published = contextFor(s.workspace, {
      branchName: 'add-orders',
      title: 'Add orders',
    });
    await s.publish.handler(published.ctx as any);
    expect(published.outputs.remoteUrl).toBe(`file://${s.allowed}`);
    expect(git(s.allowed, 'rev-parse', 'refs/heads/add-orders')).toBe(
      published.outputs.commitHash,
    );
    expect(git(s.other, 'for-each-ref', 'refs/heads/add-orders')).toBe('');
  });

  it('refuses a push URL planted in the checkout and pushes nothing, to either repository', async () => {
    const s = await setUp();
    await s.plant(`[remote "origin"]\n\tpushurl = file://${s.other}\n`);
    for (const dryRun of [true, false]) {
      await expect(s.run({}, dryRun)).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(
          /registry\/\.git\/config holds settings .*remote\.origin\.pushurl.*service-registry:registry:fetch/s,
        ),
      });
    }
    s.nothingPushed();
  });

  it('refuses a core.fsmonitor command planted in the checkout without running it', async () => {
    const s = await setUp();
    await s.plant(`[core]\n\tfsmonitor = "touch ${s.marker}; echo"\n`);
    await expect(s.run()).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('core.fsmonitor'),
    });
    expect(await exists(s.marker)).toBe(false);
    s.nothingPushed();
  });

  it.each([
    ['insteadOf', 'insteadof'],
    ['pushInsteadOf', 'pushinsteadof'],
  ])(
    'refuses a url.<base>.%s rewrite planted in the checkout',
    async (key, listed) => {
      const s = await setUp();
      await s.plant(
        `[url "file://${s.other}"]\n\t${key} = file://${s.allowed}\n`,
      );
      await expect(s.run()).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringContaining(`url.file://${s.other}.${listed}`),
      });
      s.nothingPushed();
    },
  );

  // each key as `git config --list` names it: section and variable lower-cased
  it.each([
    ['core.sshcommand', '[core]\n\tsshCommand = "touch MARKER; ssh"\n'],
    ['core.pager', '[core]\n\tpager = "touch MARKER; cat"\n'],
    ['core.hookspath', '[core]\n\thooksPath = /tmp\n'],
    ['diff.external', '[diff]\n\texternal = "touch MARKER; true"\n'],
    ['filter.x.clean', '[filter "x"]\n\tclean = "touch MARKER; cat"\n'],
    ['credential.helper', '[credential]\n\thelper = "!touch MARKER"\n'],
    ['core.worktree', '[core]\n\tworktree = /tmp\n'],
    ['remote.origin.receivepack', '[remote "origin"]\n\treceivepack = x\n'],
    ['remote.mirror.url', '[remote "mirror"]\n\turl = file:///tmp/x\n'],
    // --local does not follow includes: the include itself is what is refused
    ['include.path', '[include]\n\tpath = INCLUDED\n'],
    ['includeif.gitdir:/.path', '[includeIf "gitdir:/"]\n\tpath = INCLUDED\n'],
  ])('refuses %s planted in the checkout', async (listed, text) => {
    const s = await setUp();
    const included = path.join(path.dirname(s.marker), 'included');
    await fs.writeFile(
      included,
      `[core]\n\tfsmonitor = "touch ${s.marker}; echo"\n`,
    );
    await s.plant(
      text.replace('MARKER', s.marker).replace('INCLUDED', included),
    );
    await expect(s.run()).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(listed),
    });
    expect(await exists(s.marker)).toBe(false);
    s.nothingPushed();
  });

  it('refuses a second origin URL planted in the checkout', async () => {
    const s = await setUp();
    await s.plant(`[remote "origin"]\n\turl = file://${s.other}\n`);
    await expect(s.run()).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/remote\.origin\.url.*more than once/),
    });
    s.nothingPushed();
  });

  it('refuses a registry folder that is a subfolder of a checkout', async () => {
    const s = await setUp();
    await expect(s.run({ registryPath: 'registry/services' })).rejects.toThrow(
      /registry\/services is not a git checkout of its own/,
    );
    // the workspace itself a checkout of the allowed repository, the registry a plain folder in it
    const workspace = await tempDir('sr-ws-');
    git(workspace, 'clone', '--quiet', `file://${s.allowed}`, '.');
    await fs.mkdir(path.join(workspace, 'registry'));
    await fs.writeFile(path.join(workspace, 'registry/x.toml'), 'x = 1\n');
    await expect(
      s.publish.handler(
        contextFor(workspace, { branchName: 'add-orders', title: 't' })
          .ctx as any,
      ),
    ).rejects.toThrow(/registry is not a git checkout of its own/);
    // a .git that is no repository: git would go up to the workspace's
    await fs.mkdir(path.join(workspace, 'registry/.git'));
    await expect(
      s.publish.handler(
        contextFor(workspace, { branchName: 'add-orders', title: 't' })
          .ctx as any,
      ),
    ).rejects.toThrow(/registry\/\.git is not a git repository git can read/);
    s.nothingPushed();
  });

  it('refuses a .git that is a file pointing to another repository', async () => {
    const s = await setUp();
    const elsewhere = await tempDir('sr-clone-');
    git(elsewhere, 'clone', '--quiet', `file://${s.allowed}`, 'clone');
    await fs.rm(path.join(s.workspace, 'registry/.git'), {
      recursive: true,
    });
    await fs.writeFile(
      path.join(s.workspace, 'registry/.git'),
      `gitdir: ${path.join(elsewhere, 'clone/.git')}\n`,
    );
    await expect(s.run()).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/registry\/\.git is not a directory/),
    });
    s.nothingPushed();
  });

  it('refuses a submodule, whose own repository git would run commands of', async () => {
    const s = await setUp();
    const registry = path.join(s.workspace, 'registry');
    const nested = path.join(registry, 'nested');
    await fs.mkdir(nested);
    git(nested, 'init', '--quiet');
    await fs.writeFile(path.join(nested, 'f'), 'f\n');
    git(nested, 'add', 'f');
    commitAll(nested, 'f');
    await fs.appendFile(
      path.join(nested, '.git/config'),
      `[core]\n\tfsmonitor = "touch ${s.marker}; echo"\n`,
    );
    git(
      registry,
      'update-index',
      '--add',
      '--cacheinfo',
      `160000,${git(nested, 'rev-parse', 'HEAD')},nested`,
    );
    await fs.writeFile(path.join(nested, 'f'), 'changed\n');
    await expect(s.run()).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/submodule.*nested/),
    });
    expect(await exists(s.marker)).toBe(false);
    s.nothingPushed();
  });
});
