import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  bareRepositoryOf,
  cleanUp,
  configWith,
  contextFor,
  DEMO_REGISTRY,
  git,
  tempDir,
} from '../__testUtils__/workspace';
import { createServiceRegistryFetchAction } from './fetchRegistry';
import { createServiceRegistryValidateAction } from './validate';

afterEach(cleanUp);

const today = '2026-11-22';
const validate = createServiceRegistryValidateAction();

/**
 * The demo registry with symbolic links written as a repository keeps them: relative links to a
 * file and to a folder inside the registry, and `extra` links (path in the registry → target as
 * git stores it).
 */
async function registryWithLinks(
  extra: Record<string, string> = {},
): Promise<string> {
  const source = path.join(await tempDir('sr-src-'), 'registry');
  await fs.cp(DEMO_REGISTRY, source, { recursive: true });
  const links: Record<string, string> = {
    'docs/README.md': '../README.md',
    'policies/catalog-info.yaml': '../catalog-info.yaml',
    'policies/docs': '../docs',
    ...extra,
  };
  for (const [link, target] of Object.entries(links)) {
    await fs.symlink(target, path.join(source, link));
  }
  return source;
}

/** A URL reader whose tree holds the files and the links of `source`, as a tar extraction does. */
function readerOf(source: string): UrlReaderService {
  return {
    readTree: async () => ({
      etag: 'etag',
      files: async () => [],
      archive: async () => {
        throw new Error('not used');
      },
      dir: async ({ targetDir }: { targetDir?: string } = {}) => {
        await fs.cp(source, targetDir!, {
          recursive: true,
          verbatimSymlinks: true,
          filter: file => path.basename(file) !== '.git',
        });
        return targetDir!;
      },
    }),
  } as unknown as UrlReaderService;
}

/** Fetches the registry at `url` into a new workspace. */
async function fetchInto(
  url: string,
  options: { bare?: string; reader?: UrlReaderService } = {},
): Promise<string> {
  const workspace = await tempDir('sr-ws-');
  const action = createServiceRegistryFetchAction({
    config: configWith(options.bare ? [options.bare] : []),
    reader: options.reader ?? readerOf(DEMO_REGISTRY),
  });
  await action.handler(contextFor(workspace, { url }).ctx as any);
  return workspace;
}

/** Fetches `branch` of the local repository `bare` into a new workspace; its outputs. */
async function fetchBranch(
  bare: string,
  branch: string,
): Promise<Record<string, any>> {
  const workspace = await tempDir('sr-ws-');
  const action = createServiceRegistryFetchAction({
    config: configWith([bare]),
    reader: readerOf(DEMO_REGISTRY),
  });
  const { ctx, outputs } = contextFor(workspace, { url: bare, branch });
  await action.handler(ctx as any);
  return outputs;
}

/** The error a promise rejects with (undefined when it resolves). */
function errorOf(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    () => undefined,
    e => e,
  );
}

/** The links of the base copy are those of the repository and resolve inside the base. */
async function expectFaithfulLinks(workspace: string) {
  for (const dir of ['registry', '.service-registry/base']) {
    const root = path.join(workspace, dir);
    expect(await fs.readlink(path.join(root, 'docs/README.md'))).toBe(
      '../README.md',
    );
    expect(
      await fs.readlink(path.join(root, 'policies/catalog-info.yaml')),
    ).toBe('../catalog-info.yaml');
    expect(await fs.readlink(path.join(root, 'policies/docs'))).toBe('../docs');
    expect(await fs.realpath(path.join(root, 'docs/README.md'))).toBe(
      path.join(root, 'README.md'),
    );
    expect(await fs.realpath(path.join(root, 'policies/docs'))).toBe(
      path.join(root, 'docs'),
    );
    expect(
      await fs.readFile(path.join(root, 'policies/docs/SERVICES.md'), 'utf8'),
    ).toBe(
      await fs.readFile(path.join(DEMO_REGISTRY, 'docs/SERVICES.md'), 'utf8'),
    );
  }
}

describe('service-registry:registry:fetch of a hosted URL', () => {
  it('refuses a URL carrying credentials, without repeating them', async () => {
    const error = await fetchInto(
      'https://deploy:ghp_S3cretToken123@github.com/acme/registry/tree/main',
    ).then(
      () => undefined,
      e => e,
    );
    expect(error?.name).toBe('InputError');
    expect(error.message).toBe(
      'The registry URL must not carry a user name or password (write https://github.com/acme/registry/tree/main): the credentials of the integration configured for github.com are used.',
    );
  });

  it('refuses a folder written with encoded slashes and ".." parts', async () => {
    await expect(
      fetchInto('https://github.com/acme/registry/tree/main/sub%2F..%2F..'),
    ).rejects.toThrow(
      'https://github.com/acme/registry/tree/main/sub%2F..%2F.. names a path part "sub/../.." (written encoded)',
    );
  });
});

describe('service-registry:registry:fetch of a branch of a hosted repository', () => {
  /** A URL reader that fails every read as the given error, recording the URLs it was asked. */
  function failingReader(error: Error): UrlReaderService & { asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      readTree: async (url: string) => {
        asked.push(url);
        throw error;
      },
    } as unknown as UrlReaderService & { asked: string[] };
  }

  /** GitHub's URL reader's error for a ref its API answers 404 for. */
  const notFound = (ref: string) =>
    new NotFoundError(
      `Request failed for https://api.github.com/repos/acme/registry/commits/${ref}/status?per_page=0, 404 Not Found`,
    );

  it('says that the branch was not found, naming it and the repository, and where to fix it', async () => {
    const reader = failingReader(notFound('mian'));
    const url = 'https://github.com/acme/registry/tree/mian';
    const workspace = await tempDir('sr-ws-');
    const error = await errorOf(
      createServiceRegistryFetchAction({
        config: configWith(),
        reader,
      }).handler(contextFor(workspace, { url }).ctx as any),
    );
    expect(reader.asked).toEqual([url]);
    expect(error?.name).toBe('InputError');
    expect(error.message).toBe(
      `The branch "mian" was not found in the registry repository https://github.com/acme/registry (reading ${url}). Check the branch name in the template's parameters (the …/tree/<branch> part of the registry URL); the branches of a hosted repository cannot be listed here. If the branch exists, check that the integration configured for github.com can read the repository.`,
    );
    expect(error.message).not.toContain('api.github.com');
    // nothing was fetched, so neither the checkout nor the base exists
    expect(await fs.readdir(workspace)).toEqual([]);
  });

  it('names the folder too when the URL names one, and the group path of a GitLab repository', async () => {
    const url =
      'https://gitlab.com/acme/platform/registry/-/tree/release-2/registry';
    const error = await errorOf(
      fetchInto(url, {
        reader: failingReader(
          new NotFoundError(
            `Failed to read tree (branch) from ${url}, 404 Not Found`,
          ),
        ),
      }),
    );
    expect(error?.name).toBe('InputError');
    expect(error.message).toMatch(
      /^The branch "release-2" was not found in the registry repository https:\/\/gitlab\.com\/acme\/platform\/registry \(reading /,
    );
    expect(error.message).toContain(
      'If the branch exists, check the folder "registry" after it, and that the integration configured for gitlab.com can read the repository.',
    );
  });

  it('says that a branch name holding "/" cannot be told apart from a folder in the URL', async () => {
    const url = 'https://github.com/acme/registry/tree/release/2027';
    const error = await errorOf(
      fetchInto(url, { reader: failingReader(notFound('release')) }),
    );
    expect(error?.name).toBe('InputError');
    expect(error.message).toMatch(/^The branch "release" was not found/);
    expect(error.message).toContain(
      'If the branch is "release/2027": a branch name holding "/" cannot be told apart from a folder in a …/tree/<branch>/<folder> URL (this one reads as the branch "release" and the folder "2027"), and the branch of a hosted registry can only be named in its URL (the branch input is for local repositories): keep the registry on a branch whose name has no "/".',
    );
  });

  it.each([
    [
      'a URL that names no branch',
      'https://github.com/acme/registry',
      notFound('main'),
    ],
    [
      'an error other than not found',
      'https://github.com/acme/registry/tree/main',
      new Error(
        'Request failed for https://api.github.com/repos/acme/registry/commits/main/status?per_page=0, 403 Forbidden (rate limit exceeded)',
      ),
    ],
  ])("keeps the reader's error for %s", async (_, url, thrown) => {
    const error = await errorOf(
      fetchInto(url, { reader: failingReader(thrown) }),
    );
    expect(error).toBe(thrown);
  });
});

describe('service-registry:registry:fetch with symbolic links in the registry', () => {
  it('keeps the relative links of a local repository relative in the base, and validate accepts them', async () => {
    const bare = await bareRepositoryOf(await registryWithLinks());
    const workspace = await fetchInto(bare, { bare });

    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs).toMatchObject({ valid: true, errors: 0, added: [] });
    await expectFaithfulLinks(workspace);
  });

  it('keeps the relative links of a hosted registry relative in the base, and validate accepts them', async () => {
    const source = await registryWithLinks();
    const workspace = await fetchInto(
      'https://github.com/example-org/service-registry/tree/main',
      { reader: readerOf(source) },
    );

    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs).toMatchObject({ valid: true, errors: 0, added: [] });
    await expectFaithfulLinks(workspace);
  });

  it('still has validate refuse a link to a file outside the registry, naming the link', async () => {
    const outside = await tempDir('sr-outside-');
    await fs.writeFile(
      path.join(outside, 'secrets.toml'),
      '[sla.leak]\ntoken = "x"\n',
    );
    const bare = await bareRepositoryOf(
      await registryWithLinks({
        'policies/shared.toml': path.join(outside, 'secrets.toml'),
      }),
    );
    const workspace = await fetchInto(bare, { bare });
    expect(
      await fs.readlink(
        path.join(workspace, '.service-registry/base/policies/shared.toml'),
      ),
    ).toBe(path.join(outside, 'secrets.toml'));

    const { ctx } = contextFor(workspace, { today });
    await expect(validate.handler(ctx as any)).rejects.toThrow(
      /Refusing to read policies\/shared\.toml: it is a symbolic link to .*secrets\.toml, outside the registry root/,
    );
  });

  it('still has validate refuse a relative link that climbs out of the registry, naming the link', async () => {
    // `registry/policies/../../shared.toml` is a file of the workspace, not of the registry
    const bare = await bareRepositoryOf(
      await registryWithLinks({ 'policies/shared.toml': '../../shared.toml' }),
    );
    const workspace = await tempDir('sr-ws-');
    await fs.writeFile(path.join(workspace, 'shared.toml'), '[sla.x]\n');
    const action = createServiceRegistryFetchAction({
      config: configWith([bare]),
      reader: readerOf(DEMO_REGISTRY),
    });
    await action.handler(contextFor(workspace, { url: bare }).ctx as any);
    expect(
      await fs.readlink(
        path.join(workspace, '.service-registry/base/policies/shared.toml'),
      ),
    ).toBe('../../shared.toml');

    const { ctx } = contextFor(workspace, { today });
    await expect(validate.handler(ctx as any)).rejects.toThrow(
      /Refusing to read policies\/shared\.toml: it is a symbolic link to .*shared\.toml, outside the registry root/,
    );
  });
});

describe('service-registry:registry:fetch of a branch of a local repository', () => {
  /** A bare repository of the demo registry whose `main` (its default) also goes by `branches`. */
  async function bareWithBranches(...branches: string[]): Promise<string> {
    const bare = await bareRepositoryOf();
    for (const branch of branches) {
      git(bare, 'branch', branch, 'main');
    }
    return bare;
  }

  it('fetches an existing branch other than the default one', async () => {
    const bare = await bareWithBranches('develop');
    const outputs = await fetchBranch(bare, 'develop');
    expect(outputs).toMatchObject({
      provider: 'local',
      targetBranch: 'develop',
      registryPath: 'registry',
    });
  });

  it('says that a branch does not exist, naming the repository and its branches, the default one first', async () => {
    const bare = await bareWithBranches('release/1.0', 'develop', 'alpha');
    const url = pathToFileURL(bare).href;
    const error = await errorOf(fetchBranch(bare, 'master'));
    expect(error?.name).toBe('InputError');
    expect(error.message).toBe(
      `The branch "master" does not exist in the registry repository ${url}: its branches are main (default), alpha, develop, release/1.0. Set branch to one of them, or leave it out to start from the default branch.`,
    );
    expect(error.message).not.toContain('fatal');
  });

  it('names the first branches of a repository that has many, and how many there are', async () => {
    const bare = await bareWithBranches(
      ...Array.from({ length: 12 }, (_, i) => `b${String(i).padStart(2, '0')}`),
    );
    const error = await errorOf(fetchBranch(bare, 'mian'));
    expect(error?.name).toBe('InputError');
    expect(error.message).toBe(
      `The branch "mian" does not exist in the registry repository ${
        pathToFileURL(bare).href
      }: its branches are main (default), b00, b01, b02, b03, b04, b05, b06, b07, b08, … (13 in all). Set branch to one of them, or leave it out to start from the default branch.`,
    );
  });

  it('says that a repository without commits has no branches yet', async () => {
    const root = await tempDir('sr-git-');
    const bare = path.join(root, 'empty.git');
    git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
    const error = await errorOf(fetchBranch(bare, 'main'));
    expect(error?.name).toBe('InputError');
    expect(error.message).toBe(
      `The branch "main" does not exist in the registry repository ${
        pathToFileURL(bare).href
      }, which has no branches yet: push a first commit to it.`,
    );
  });

  it('says that the default branch the repository names does not exist, lists its branches, and leaves the workspace as it was', async () => {
    // `git init --bare` with git's default branch, then `git push … main`: HEAD names `master`
    const bare = await bareWithBranches('develop');
    git(bare, 'symbolic-ref', 'HEAD', 'refs/heads/master');
    const url = pathToFileURL(bare).href;
    const workspace = await tempDir('sr-ws-');
    const action = createServiceRegistryFetchAction({
      config: configWith([bare]),
      reader: readerOf(DEMO_REGISTRY),
    });
    const { ctx } = contextFor(workspace, { url: bare });
    const error = await errorOf(action.handler(ctx as any));
    expect(error?.name).toBe('InputError');
    expect(error.message).toBe(
      `The registry repository ${url} names "master" as its default branch (its HEAD), but has no such branch: its branches are develop, main. Set branch to one of them, or point the repository's HEAD at an existing branch.`,
    );
    expect(await fs.readdir(workspace)).toEqual([]);

    // the retry with the branch is not blocked by a half-done fetch
    const retry = contextFor(workspace, { url: bare, branch: 'main' });
    await action.handler(retry.ctx as any);
    expect(retry.outputs.targetBranch).toBe('main');
  });

  it("keeps git's error when the repository cannot be read at all", async () => {
    const missing = path.join(await tempDir('sr-git-'), 'missing.git');
    const error = await errorOf(fetchBranch(missing, 'main'));
    expect(error?.name).not.toBe('InputError');
    expect(error.message).toMatch(
      /^git clone failed: fatal: '.*missing\.git' does not appear to be a git repository/,
    );
  });
});
