import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { runGit } from '@service-registry/plugin-service-registry-node';

/**
 * The keys of a checkout's `.git/config` that `git clone --no-tags [--branch <b>]`, as
 * service-registry:registry:fetch runs it, writes: the repository format (and its object format
 * for SHA-256 repositories), what `git init` detects of the file system (macOS, Windows), the
 * origin remote and the upstream of the branch checked out. Keys are as `git config --list`
 * prints them: section and variable lower-cased, the subsection (`origin`, the branch) as written.
 */
const CLONE_KEYS = new Set([
  'core.repositoryformatversion',
  'core.filemode',
  'core.bare',
  'core.logallrefupdates',
  'core.ignorecase',
  'core.precomposeunicode',
  'core.symlinks',
  'extensions.objectformat',
  'remote.origin.url',
  'remote.origin.fetch',
  'remote.origin.tagopt',
]);

/** `branch.<name>.remote` and `branch.<name>.merge`, the upstream of the cloned branch. */
const BRANCH_KEY = /^branch\..+\.(?:remote|merge)$/;

/**
 * The keys of a checkout's local config that a clone made by service-registry:registry:fetch
 * would not hold, or holds only once: every other key is something git honours that a step of
 * the template wrote (a push URL, a URL rewrite, a command such as `core.fsmonitor`, an include).
 *
 * @param names - the key of each entry of the config, in order, as `git config --list --name-only`
 *   prints them (an include is listed as `include.path`, `--local` does not follow it)
 * @returns the keys outside the allow-list and the keys given more than once, each once, sorted
 */
export function unexpectedCheckoutConfigKeys(names: string[]): {
  unexpected: string[];
  repeated: string[];
} {
  const unexpected = new Set<string>();
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of names) {
    if (!CLONE_KEYS.has(name) && !BRANCH_KEY.test(name)) unexpected.add(name);
    else if (seen.has(name)) repeated.add(name);
    seen.add(name);
  }
  return { unexpected: [...unexpected].sort(), repeated: [...repeated].sort() };
}

/**
 * Makes sure that running git in a registry checkout of the workspace does only what the action
 * asks: the folder must be the top of a checkout of its own (a `.git` directory, no gitfile
 * pointing elsewhere, no enclosing repository), its local config must hold only what
 * service-registry:registry:fetch's clone wrote, and its index no submodule (git runs the
 * submodule's own repository, with its own config, to tell whether it changed). Any step of the
 * template can write into the workspace, `.git` included; git would otherwise honour what it
 * wrote there: push somewhere else than the allowed repository, or run commands on the backend.
 *
 * It runs no git command in the checkout before its config is checked, and none that reads the
 * work tree.
 *
 * @param dir - absolute path of the registry folder
 * @param registryPath - the folder as the step names it, for the messages
 * @throws InputError naming what is wrong and how to get a checkout the action takes
 */
export async function assertCheckoutAsFetched(
  dir: string,
  registryPath: string,
): Promise<void> {
  const refetch = `the checkout must come from service-registry:registry:fetch unchanged: remove the step that writes into ${registryPath}/.git, or fetch the registry again into an empty folder`;
  const gitPath = path.join(dir, '.git');
  const stat = await fs.lstat(gitPath).catch(() => undefined);
  if (!stat) {
    throw new InputError(
      `${registryPath} is not a git checkout of its own (it has no .git folder): fetch the registry with service-registry:registry:fetch from a local repository first, and publish the folder it fetched into (hosted registries publish with publish:github:pull-request or publish:gitlab:merge-request).`,
    );
  }
  if (!stat.isDirectory()) {
    throw new InputError(
      `${registryPath}/.git is not a directory (a file or link makes git use a repository elsewhere): ${refetch}.`,
    );
  }
  const gitDir = await fs.realpath(gitPath);
  // --git-dir: no discovery, this repository or none; --local: this file only, includes unread
  const names = await runGit(
    [`--git-dir=${gitDir}`, 'config', '--local', '--list', '--name-only', '-z'],
    { cwd: dir },
  ).catch(() => undefined);
  if (names === undefined) {
    throw new InputError(
      `${registryPath}/.git is not a git repository git can read: ${refetch}.`,
    );
  }
  const { unexpected, repeated } = unexpectedCheckoutConfigKeys(
    names.split('\0').filter(Boolean),
  );
  if (unexpected.length > 0 || repeated.length > 0) {
    const found = [
      ...(unexpected.length ? [unexpected.join(', ')] : []),
      ...(repeated.length ? [`${repeated.join(', ')} more than once`] : []),
    ].join('; ');
    throw new InputError(
      `${registryPath}/.git/config holds settings a clone made by service-registry:registry:fetch does not: ${found}. git would honour them (they can send the push to another repository or run commands on the backend), so the action runs no git in this checkout; ${refetch}.`,
    );
  }

  const git = (args: string[]) => runGit(args, { cwd: dir });
  const [topLevel, absoluteGitDir, commonDir] = (
    await git([
      'rev-parse',
      '--show-toplevel',
      '--absolute-git-dir',
      '--git-common-dir',
    ])
  ).split('\n');
  const real = (p: string) =>
    fs.realpath(path.resolve(dir, p)).catch(() => undefined);
  if ((await real(topLevel)) !== (await fs.realpath(dir))) {
    throw new InputError(
      `${registryPath} is not the top of its git checkout (git would act on ${topLevel}): publish the folder service-registry:registry:fetch fetched into.`,
    );
  }
  if (
    (await real(absoluteGitDir)) !== gitDir ||
    (await real(commonDir)) !== gitDir
  ) {
    throw new InputError(
      `${registryPath}/.git shares its repository with another one (commondir): ${refetch}.`,
    );
  }

  const submodules = (await git(['ls-files', '--stage', '-z']))
    .split('\0')
    .filter(entry => entry.startsWith('160000 '))
    .map(entry => entry.slice(entry.indexOf('\t') + 1));
  if (submodules.length > 0) {
    throw new InputError(
      `${registryPath} holds a submodule (${submodules.join(
        ', ',
      )}): git would run the submodule's own repository, whose config no step checks. A registry holds no submodules; ${refetch}.`,
    );
  }
}
