import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { readServiceRegistryActionsConfig } from '../lib/config';
import { assertCheckoutAsFetched } from '../lib/checkoutConfig';
import { runGit } from '@service-registry/plugin-service-registry-node';
import { resolveRegistryLocation } from '../lib/registryLocation';
import { ScmIntegrations } from '@backstage/integration';
import {
  DEFAULT_REGISTRY_PATH,
  resolveWorkspacePath,
} from '../lib/workspaceRegistry';
import { examples } from './publishBranch.examples';

/**
 * Options of {@link createServiceRegistryPublishBranchAction}.
 *
 * @public
 */
export interface ServiceRegistryPublishBranchActionOptions {
  /** The app-config (`scaffolder.serviceRegistry.localRepositories`, `scaffolder.defaultAuthor`). */
  config: Config;
}

/**
 * Creates the `service-registry:publish:branch` action: commits the registry checkout of the
 * workspace (cloned by service-registry:registry:fetch from a local repository) on a new branch
 * and pushes that branch to the repository it was cloned from. It is the local stand-in for a
 * pull request: the branch holds the change for review and merge. It never force-pushes and
 * refuses a branch that already exists. It refuses a checkout an earlier step changed: a `.git`
 * that is not a directory, a folder inside a checkout, a `.git/config` holding anything the clone
 * did not write (a push URL, a URL rewrite, a command git would run), a submodule; it pushes to
 * the allowed URL itself, never through the remote's config. A dry run makes the same checks and
 * reports the files it would commit (`changedFiles`), without committing or pushing.
 *
 * @public
 */
export function createServiceRegistryPublishBranchAction(
  options: ServiceRegistryPublishBranchActionOptions,
) {
  const { config } = options;
  return createTemplateAction({
    id: 'service-registry:publish:branch',
    description:
      'Commits the registry checkout of the workspace on a new branch and pushes it to its local origin repository (the local stand-in for a pull request).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registryPath: z =>
          z
            .string({
              description:
                'Folder of the registry checkout in the workspace (default `registry`)',
            })
            .optional(),
        branchName: z =>
          z
            .string({ description: 'The new branch' })
            .regex(
              /^(?!-)[A-Za-z0-9._/-]{1,200}$/,
              'must be a branch name: letters, digits, ".", "_", "-" and "/"',
            ),
        title: z =>
          z
            .string({ description: 'First line of the commit message' })
            .regex(/\S/, 'must not be empty or only white space'),
        description: z =>
          z
            .string({
              description:
                'Body of the commit message (e.g. the validation report)',
            })
            .optional(),
        gitAuthorName: z =>
          z
            .string({
              description:
                'Author name (default scaffolder.defaultAuthor.name, else Scaffolder)',
            })
            .optional(),
        gitAuthorEmail: z =>
          z
            .string({
              description:
                'Author email (default scaffolder.defaultAuthor.email, else scaffolder@backstage.io)',
            })
            .optional(),
      },
      output: {
        branchName: z => z.string({ description: 'The pushed branch' }),
        commitHash: z =>
          z.string({
            description:
              'The commit on it (forty zeros in a dry run, which commits nothing)',
          }),
        changedFiles: z =>
          z.array(z.string(), {
            description:
              'The files the commit changes, adds or deletes, relative to the repository root',
          }),
        remoteUrl: z => z.string({ description: 'The repository pushed to' }),
        targetBranch: z =>
          z.string({ description: 'The branch the change starts from' }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const registryPath = input.registryPath ?? DEFAULT_REGISTRY_PATH;
      const dir = resolveWorkspacePath(
        ctx.workspacePath,
        registryPath,
        'registryPath',
      );
      const git = (args: string[]) => runGit(args, { cwd: dir });

      // before any other git command: an earlier step may have written into registry/.git
      await assertCheckoutAsFetched(dir, registryPath);
      const origin = await git(['remote', 'get-url', 'origin']).catch(() => '');
      const settings = readServiceRegistryActionsConfig(config);
      const location = resolveRegistryLocation(origin, {
        integrations: ScmIntegrations.fromConfig(config),
        localRepositories: settings.localRepositories,
      });
      if (location.kind !== 'local') {
        throw new InputError(
          `${registryPath} was cloned from ${origin}, which is hosted: publish it with publish:github:pull-request or publish:gitlab:merge-request.`,
        );
      }
      try {
        await git(['check-ref-format', '--branch', input.branchName]);
      } catch {
        throw new InputError(
          `${JSON.stringify(input.branchName)} is not a valid git branch name.`,
        );
      }
      const targetBranch = await git(['rev-parse', '--abbrev-ref', 'HEAD']);
      const names = (output: string) => output.split('\0').filter(Boolean);
      const changedFiles = [
        ...new Set([
          ...names(
            await git(['diff', '--name-only', '-z', '--no-renames', 'HEAD']),
          ),
          ...names(
            await git(['ls-files', '--others', '--exclude-standard', '-z']),
          ),
        ]),
      ].sort();
      const refuseExisting = async () => {
        if (changedFiles.length === 0) {
          throw new InputError(
            `Nothing to publish: the registry in ${registryPath} has no change. Run a step that edits it (service-registry:service:add, :update or :deprecate) before this one.`,
          );
        }
        const existing = await git([
          'ls-remote',
          '--heads',
          location.url,
          `refs/heads/${input.branchName}`,
        ]);
        if (existing) {
          throw new InputError(
            `Branch ${input.branchName} already exists in ${location.url}: choose another branch name.`,
          );
        }
      };

      ctx.output('branchName', input.branchName);
      ctx.output('remoteUrl', location.url);
      ctx.output('targetBranch', targetBranch);
      ctx.output('changedFiles', changedFiles);
      if (ctx.isDryRun) {
        // the same checks as a real run; only the commit and the push are left out
        await refuseExisting();
        ctx.logger.info(
          `Dry run: would commit ${changedFiles.join(', ')} on ${
            input.branchName
          } and push it to ${
            location.url
          }, from ${targetBranch}. Nothing was committed or pushed.`,
        );
        ctx.output('commitHash', '0000000000000000000000000000000000000000');
        return;
      }

      const name =
        input.gitAuthorName ??
        config.getOptionalString('scaffolder.defaultAuthor.name') ??
        'Scaffolder';
      const email =
        input.gitAuthorEmail ??
        config.getOptionalString('scaffolder.defaultAuthor.email') ??
        'scaffolder@backstage.io';
      const commitHash = await ctx.checkpoint({
        key: `service-registry.publish.branch.${input.branchName}`,
        fn: async () => {
          // inside the checkpoint: a task resumed after the push does not refuse its own branch
          await refuseExisting();
          await git(['checkout', '--quiet', '-B', input.branchName]);
          await git(['add', '--all']);
          const message = input.description
            ? `${input.title}\n\n${input.description}`
            : input.title;
          await git([
            '-c',
            `user.name=${name}`,
            '-c',
            `user.email=${email}`,
            'commit',
            '--quiet',
            '--no-verify',
            '-m',
            message,
          ]);
          await git([
            'push',
            '--quiet',
            // the URL checked against the allow-list, not the remote's (pushurl, rewrites)
            location.url,
            `HEAD:refs/heads/${input.branchName}`,
          ]);
          return git(['rev-parse', 'HEAD']);
        },
      });
      ctx.logger.info(
        `Pushed ${input.branchName} (${commitHash.slice(0, 12)}) to ${
          location.url
        }, from ${targetBranch}.`,
      );
      ctx.output('commitHash', commitHash);
    },
  });
}
