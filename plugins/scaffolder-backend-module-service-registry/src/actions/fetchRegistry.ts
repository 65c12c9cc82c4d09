import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError, isError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import {
  createTemplateAction,
  fetchContents,
} from '@backstage/plugin-scaffolder-node';
import { readServiceRegistryActionsConfig } from '../lib/config';
import {
  listRemoteBranches,
  RemoteBranches,
  runGit,
} from '@service-registry/plugin-service-registry-node';
import { resolveRegistryLocation } from '../lib/registryLocation';
import {
  DEFAULT_BASE_PATH,
  DEFAULT_REGISTRY_PATH,
  resolveWorkspacePath,
} from '../lib/workspaceRegistry';
import { examples } from './fetchRegistry.examples';

/**
 * Options of {@link createServiceRegistryFetchAction}.
 *
 * @public
 */
export interface ServiceRegistryFetchActionOptions {
  /** The app-config (`scaffolder.serviceRegistry`, `integrations`). */
  config: Config;
  /** Reads hosted repositories (the URL reader service). */
  reader: UrlReaderService;
  /** The SCM integrations; read from `config` when omitted. */
  integrations?: ScmIntegrations;
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir).catch(() => undefined);
  return entries === undefined || entries.length === 0;
}

async function isMissing(dir: string): Promise<boolean> {
  return (await fs.lstat(dir).catch(() => undefined)) === undefined;
}

/** Puts a folder back as a failed fetch found it: emptied when it was there, else removed. */
async function restoreFolder(dir: string, existed: boolean): Promise<void> {
  if (!existed) {
    await fs.rm(dir, { recursive: true, force: true });
    return;
  }
  for (const entry of await fs.readdir(dir).catch(() => [])) {
    await fs.rm(path.join(dir, entry), { recursive: true, force: true });
  }
}

/** How many branches the error about a missing branch names at most. */
const BRANCHES_NAMED = 10;

/** The branches of a repository for a message: the default one first, then the others sorted. */
function describeBranches({ branches, defaultBranch }: RemoteBranches): string {
  const ordered = defaultBranch
    ? [
        `${defaultBranch} (default)`,
        ...branches.filter(b => b !== defaultBranch),
      ]
    : branches;
  const named = ordered.slice(0, BRANCHES_NAMED).join(', ');
  return ordered.length > BRANCHES_NAMED
    ? `${named}, … (${ordered.length} in all)`
    : named;
}

/**
 * Whether a clone that failed did so because `branch` is not a branch of the repository at `url`:
 * the error saying so, naming the branches the repository has; undefined when the branch is there
 * or the repository cannot be asked (the clone's own error says then what went wrong).
 */
async function missingBranchError(
  branch: string,
  url: string,
): Promise<InputError | undefined> {
  const remote = await listRemoteBranches(url).catch(() => undefined);
  if (!remote || remote.branches.includes(branch)) return undefined;
  const where = `The branch "${branch}" does not exist in the registry repository ${url}`;
  if (remote.branches.length === 0) {
    return new InputError(
      `${where}, which has no branches yet: push a first commit to it.`,
    );
  }
  return new InputError(
    `${where}: its branches are ${describeBranches(
      remote,
    )}. Set branch to one of them, or leave it out to start from the default branch.`,
  );
}

/**
 * Whether a clone has no commit checked out because the repository's HEAD names a branch that
 * does not exist (`git init --bare` with git's default `master`, then a push of `main` only): the
 * error saying so, naming the branches the repository has; undefined otherwise.
 */
async function missingDefaultBranchError(
  clone: string,
  url: string,
): Promise<InputError | undefined> {
  const head = await runGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], {
    cwd: clone,
  }).catch(() => undefined);
  const remote = await listRemoteBranches(url).catch(() => undefined);
  if (!head || !remote || remote.branches.includes(head)) return undefined;
  const where = `The registry repository ${url} names "${head}" as its default branch (its HEAD), but has no such branch`;
  if (remote.branches.length === 0) {
    return new InputError(
      `${where}, nor any other yet: push a first commit to it.`,
    );
  }
  return new InputError(
    `${where}: its branches are ${describeBranches(
      remote,
    )}. Set branch to one of them, or point the repository's HEAD at an existing branch.`,
  );
}

/**
 * The error for a hosted registry whose URL names a branch that the host answers "not found" for
 * (the URL reader's `NotFoundError`, whose message only gives the API URL it asked and `404 Not
 * Found`): it names the branch and the repository, says to check the branch in the template's
 * parameters, then what else "not found" may mean (a folder the branch lacks, a repository the
 * integration cannot read, a branch whose name holds "/", which such a URL cannot name). Unlike a
 * local repository's, the branches of a hosted one are not listed: the URL reader cannot list them.
 * Undefined for other errors, and for a URL that names no branch: those keep their own message.
 */
function hostedMissingBranchError(
  error: unknown,
  location: {
    url: string;
    host: string;
    owner: string;
    repo: string;
    branch?: string;
    subPath: string;
  },
): InputError | undefined {
  if (!location.branch || !isError(error) || error.name !== 'NotFoundError') {
    return undefined;
  }
  const repository = `${new URL(location.url).protocol}//${location.host}/${
    location.owner
  }/${location.repo}`;
  const folder = location.subPath
    ? `the folder "${location.subPath}" after it, and `
    : '';
  // `…/tree/release/2027` may mean the branch `release/2027`: the URL cannot say, and is read as
  // the branch `release` with the folder `2027` (as Backstage's URL readers read it)
  const folderPart = location.subPath.split('/')[0];
  const slashed = folderPart
    ? ` If the branch is "${location.branch}/${folderPart}": a branch name holding "/" cannot be told apart from a folder in a …/tree/<branch>/<folder> URL (this one reads as the branch "${location.branch}" and the folder "${location.subPath}"), and the branch of a hosted registry can only be named in its URL (the branch input is for local repositories): keep the registry on a branch whose name has no "/".`
    : '';
  return new InputError(
    `The branch "${location.branch}" was not found in the registry repository ${repository} (reading ${location.url}). Check the branch name in the template's parameters (the …/tree/<branch> part of the registry URL); the branches of a hosted repository cannot be listed here. If the branch exists, check ${folder}that the integration configured for ${location.host} can read the repository.${slashed}`,
  );
}

/**
 * Creates the `service-registry:registry:fetch` action: puts the registry repository into the
 * workspace and keeps a copy of it as the base the change is validated against. A local git
 * repository (a path or `file://` URL listed in `scaffolder.serviceRegistry.localRepositories`)
 * is cloned, so that service-registry:publish:branch can push a branch to it; a hosted URL is
 * read like `fetch:plain` does. The base is a faithful copy of the checkout: symbolic links keep
 * the targets the repository gives them, so a relative link resolves inside the base. The outputs
 * say how to publish: `provider` (`local`, `github`, `gitlab`) and `repoUrl` in the form the
 * publish actions take.
 *
 * @public
 */
export function createServiceRegistryFetchAction(
  options: ServiceRegistryFetchActionOptions,
) {
  const { config, reader } = options;
  const integrations =
    options.integrations ?? ScmIntegrations.fromConfig(config);
  return createTemplateAction({
    id: 'service-registry:registry:fetch',
    description:
      'Fetches the service registry repository into the workspace (git clone for a local repository, fetch:plain for a hosted one) and keeps the base for service-registry:validate.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        url: z =>
          z
            .string({
              description:
                'The registry: https://github.com/<org>/<repo>/tree/<branch>[/<folder>], https://gitlab.com/<group>/<repo>/-/tree/<branch>, or a local git repository allowed by scaffolder.serviceRegistry.localRepositories. Default: scaffolder.serviceRegistry.registryUrl',
            })
            .optional(),
        branch: z =>
          z
            .string({
              description:
                'Branch of a local repository to start from (default: its default branch)',
            })
            .optional(),
        targetPath: z =>
          z
            .string({
              description:
                'Folder of the workspace to put the registry in (default `registry`)',
            })
            .optional(),
        basePath: z =>
          z
            .string({
              description:
                'Folder of the workspace for the copy before the edit (default `.service-registry/base`)',
            })
            .optional(),
      },
      output: {
        registryPath: z =>
          z.string({ description: 'Folder of the registry in the workspace' }),
        basePath: z =>
          z.string({ description: 'Folder of the base copy in the workspace' }),
        provider: z =>
          z.string({
            description:
              '`local`, or the integration type: `github`, `gitlab`, ...',
          }),
        repoUrl: z =>
          z.string({
            description:
              'For hosted registries, `<host>?owner=<owner>&repo=<repo>` as publish:github:pull-request and publish:gitlab:merge-request take it; for local ones the file URL',
          }),
        remoteUrl: z => z.string({ description: 'The repository URL' }),
        targetBranch: z =>
          z.string({
            description:
              'The branch the registry was read from ("" when the URL names none)',
          }),
        repoSubPath: z =>
          z.string({
            description:
              'Folder of the registry inside the repository ("" for its root)',
          }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const settings = readServiceRegistryActionsConfig(config);
      const url = input.url?.trim() || settings.registryUrl;
      if (!url) {
        throw new InputError(
          'No registry URL: pass url, or set scaffolder.serviceRegistry.registryUrl in the app-config.',
        );
      }
      const location = resolveRegistryLocation(url, {
        integrations,
        localRepositories: settings.localRepositories,
      });
      const targetPath = input.targetPath ?? DEFAULT_REGISTRY_PATH;
      const basePath = input.basePath ?? DEFAULT_BASE_PATH;
      const target = resolveWorkspacePath(
        ctx.workspacePath,
        targetPath,
        'targetPath',
      );
      const base = resolveWorkspacePath(
        ctx.workspacePath,
        basePath,
        'basePath',
      );
      for (const [dir, name] of [
        [target, targetPath],
        [base, basePath],
      ]) {
        if (!(await isEmptyOrMissing(dir))) {
          throw new InputError(
            `${name} already holds files in the workspace: fetch the registry into an empty folder (set targetPath/basePath).`,
          );
        }
      }
      if (input.branch !== undefined && location.kind !== 'local') {
        throw new InputError(
          'branch is for local repositories; name the branch of a hosted registry in its URL (…/tree/<branch>).',
        );
      }

      // a failed fetch leaves the workspace as it was, so that a retry is not blocked by a
      // half-done one: the folders it made go, the folders that were there (empty) are emptied
      const created: (string | undefined)[] = [];
      const existed = {
        target: !(await isMissing(target)),
        base: !(await isMissing(base)),
      };
      let targetBranch = '';
      try {
        if (location.kind === 'local') {
          created.push(
            await fs.mkdir(path.dirname(target), { recursive: true }),
          );
          try {
            await runGit([
              'clone',
              '--quiet',
              '--no-tags',
              ...(input.branch ? ['--branch', input.branch] : []),
              '--',
              location.url,
              target,
            ]);
          } catch (error) {
            // git's own words (`Remote branch x not found in upstream origin`) do not say what to
            // pick instead: ask the repository which branches it has, other failures pass unchanged
            throw (
              (input.branch &&
                (await missingBranchError(input.branch, location.url))) ||
              error
            );
          }
          targetBranch = await runGit(['rev-parse', '--abbrev-ref', 'HEAD'], {
            cwd: target,
          }).catch(async error => {
            // the clone only warns when the repository's HEAD names a branch it does not have
            throw (
              (!input.branch &&
                (await missingDefaultBranchError(target, location.url))) ||
              error
            );
          });
          ctx.output('repoUrl', location.url);
          ctx.output('remoteUrl', location.url);
          ctx.output('provider', 'local');
          ctx.output('repoSubPath', '');
        } else {
          try {
            await fetchContents({
              reader,
              integrations,
              fetchUrl: location.url,
              outputPath: target,
            });
          } catch (error) {
            // the reader's `404 Not Found` for the API URL it asked does not say that the branch
            // is the likely culprit, nor where to fix it; other failures pass unchanged
            throw hostedMissingBranchError(error, location) ?? error;
          }
          targetBranch = location.branch ?? '';
          ctx.output(
            'repoUrl',
            `${location.host}?owner=${encodeURIComponent(
              location.owner,
            )}&repo=${encodeURIComponent(location.repo)}`,
          );
          ctx.output('remoteUrl', location.url);
          ctx.output('provider', location.provider);
          ctx.output('repoSubPath', location.subPath);
        }

        // the base is a faithful copy: a symbolic link keeps the target the repository gives it
        // (fs.cp would otherwise make a relative one absolute, pointing into the checkout, which
        // validate refuses as a link out of the base); links leaving the registry stay refused
        created.push(await fs.mkdir(base, { recursive: true }));
        await fs.cp(target, base, {
          recursive: true,
          verbatimSymlinks: true,
          filter: source => path.basename(source) !== '.git',
        });
      } catch (error) {
        await restoreFolder(target, existed.target);
        await restoreFolder(base, existed.base);
        for (const folder of created.reverse()) {
          if (folder) await fs.rm(folder, { recursive: true, force: true });
        }
        throw error;
      }
      ctx.logger.info(
        `Fetched the registry from ${location.url}${
          targetBranch ? ` (${targetBranch})` : ''
        } into ${targetPath}; base kept in ${basePath}.`,
      );
      ctx.output('registryPath', targetPath);
      ctx.output('basePath', basePath);
      ctx.output('targetBranch', targetBranch);
    },
  });
}
