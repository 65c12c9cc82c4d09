import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { breakingChangesIn } from '../lib/breakingChangesFile';
import { apiUrlVariable, requiredVariable } from '../lib/ciVariables';
import {
  ConsumerIssue,
  MAX_ISSUE_CHARACTERS,
  planConsumerIssues,
  UntoldConsumer,
  UntoldReason,
} from '../lib/consumerIssues';
import { EXIT } from '../lib/errors';
import { githubApi } from '../lib/githubApi';
import { githubAuthorOf } from '../lib/githubAuthor';
import { RepositoryIssues } from '../lib/githubIssues';
import { apiRoot, commonAdvice, HostedApiError } from '../lib/hostedApi';
import { CliIO } from '../lib/io';
import { readDirectorySource } from '../lib/readSource';
import { checkRegistryRoot } from '../lib/registryRootNote';
import { warnAboutUnparsedFiles } from '../lib/unparsedFiles';
import { forTerminal } from '../format/text';

/** Options of `service-registry github-issues`. */
export interface GithubIssuesCommandOptions {
  /** The JSON report of `diff`. */
  file: string;
  /** Head's registry, which declares the consumers' repositories (default `.`). */
  dir: string;
  /** Print the issues instead of opening them (`--dry-run`); needs no token. */
  dryRun: boolean;
  /** Size in bytes above which a registry file is not read (`--max-file-bytes`). */
  maxFileBytes?: number;
}

/** The statuses that concern one repository: told, and the other repositories still told. */
const REPOSITORY_REFUSALS = [403, 404, 410, 422];

/** Why GitHub answers a status, and what to do about it. */
function adviceFor(status: number): string {
  switch (status) {
    case 401:
      return 'GitHub does not accept the token: check GITHUB_TOKEN (a token that has not expired)';
    case 403:
      return "the token may not open issues there: give the step a token with issues: write on the consumers' repositories (a GitHub App's installation token or a fine-grained personal access token; a job's own github.token reaches only its own repository)";
    case 404:
      return "GitHub does not find the repository, or the token cannot see it: check the consuming service's repository in the registry and the token's repositories";
    case 410:
      return 'the repository has issues turned off';
    case 422:
      return `GitHub refused the issue (its text takes at most ${MAX_ISSUE_CHARACTERS} characters)`;
    default:
      return commonAdvice('GitHub', status);
  }
}

const UNTOLD: Record<UntoldReason, string> = {
  'no-repository': 'it declares no repository',
  'not-on-github':
    'its repository is not on the GitHub server (GITHUB_SERVER_URL)',
  'not-in-registry':
    "the registry does not declare it (is it the report's head?)",
};

/** `owner/repo` */
const nameOf = (issue: ConsumerIssue) =>
  `${issue.repository.owner}/${issue.repository.repo}`;

/** `shared-auth (major-version-bump) for project-a-api, gateway (optional)` */
function describeIssue(issue: ConsumerIssue): string {
  const kinds = [...new Set(issue.changes.map(c => c.kind))].join(', ');
  const consumers = issue.consumers
    .map(c => `${c.id}${c.optional ? ' (optional)' : ''}`)
    .join(', ');
  return `${issue.service} (${kinds}) for ${consumers}`;
}

function describeUntold(c: UntoldConsumer): string {
  const project = c.project === null ? 'global' : `project ${c.project}`;
  return `${c.id} (${project}${c.owner ? `, owner ${c.owner}` : ''}) uses ${
    c.service
  }${c.optional ? ' optionally' : ''}, but ${UNTOLD[c.reason]}`;
}

/** The address of the registry's commit the workflow runs for, when GitHub Actions names it. */
function changeUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const {
    GITHUB_SERVER_URL: server,
    GITHUB_REPOSITORY: repo,
    GITHUB_SHA: sha,
  } = env;
  if (!server || !repo || !sha) return undefined;
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{40,64}$/.test(sha)) {
    return undefined;
  }
  return `${apiRoot(server)}/${repo}/commit/${sha}`;
}

/**
 * Opens an issue in the repository of each service a breaking change reaches directly (seed 000:
 * "create automatic issue in project"), from the JSON report of `diff` and head's registry, which
 * declares the consumers' repositories: one issue per repository and changed service (see
 * `planConsumerIssues`), which the next run brings up to date while it is open. Run it where the
 * registry's change lands (a push to the default branch), with a token that may open issues in
 * the consumers' repositories. `--dry-run` prints the issues instead, and needs no token.
 *
 * @returns 0 when every issue is opened or up to date (or none is needed), 2 when a repository
 *   refused one (the others are still told); a missing token, an unreadable report or registry,
 *   or GitHub unreachable throws (exit code 2)
 */
export async function githubIssuesCommand(
  options: GithubIssuesCommandOptions,
  io: CliIO,
): Promise<number> {
  const env = io.env ?? process.env;
  const report = await breakingChangesIn(options.file, io.cwd);
  const source = await readDirectorySource(options.dir, {
    maxFileBytes: options.maxFileBytes,
  });
  checkRegistryRoot(source, io);
  const registry = loadRegistry(source.files);
  warnAboutUnparsedFiles(
    registry,
    source.files,
    source.displayRoot,
    'the repositories of the services it declares are not read',
    io,
  );
  const serverUrl = apiUrlVariable(
    'GITHUB_SERVER_URL',
    env.GITHUB_SERVER_URL || 'https://github.com',
    'https://github.com',
  );
  const plan = planConsumerIssues(report, registry, {
    serverUrl,
    changeUrl: changeUrlFrom(env),
  });
  // what comes from the registry (ids, owners, a message) never drives the terminal
  const t = forTerminal;
  const tellUntold = () => {
    for (const consumer of plan.untold) {
      io.stdout(`Not told: ${t(describeUntold(consumer))}\n`);
    }
  };
  if (plan.issues.length === 0) {
    io.stdout(
      report.breakingChanges.length === 0
        ? 'No breaking change: no issue to open.\n'
        : 'No breaking change reaches a service with a GitHub repository: no issue to open.\n',
    );
    tellUntold();
    return EXIT.ok;
  }
  if (options.dryRun) {
    for (const issue of plan.issues) {
      // the text line by line: each line escaped, the line breaks kept
      const body = issue.body.trimEnd().split('\n').map(t).join('\n');
      io.stdout(
        `Would open or update an issue in ${t(nameOf(issue))}: ${t(
          describeIssue(issue),
        )}\n\n  title: ${t(issue.title)}\n\n${body}\n\n`,
      );
    }
    tellUntold();
    return EXIT.ok;
  }
  const token = requiredVariable(
    env,
    'GITHUB_TOKEN',
    "give the step a token that may open issues in the consumers' repositories (issues: write): a GitHub App's installation token or a fine-grained personal access token; a job's own github.token reaches only its own repository",
  );
  const apiUrl = apiRoot(
    apiUrlVariable(
      'GITHUB_API_URL',
      env.GITHUB_API_URL || 'https://api.github.com',
      'https://api.github.com',
    ),
  );
  const api = githubApi(token, adviceFor);
  const issues = new RepositoryIssues(
    api,
    apiUrl,
    await githubAuthorOf(api, apiUrl),
  );
  const refused: string[] = [];
  for (const issue of plan.issues) {
    try {
      const result = await issues.upsert(issue.repository, issue);
      const done = {
        created: 'Opened',
        updated: 'Updated',
        unchanged: 'Up to date:',
      }[result.action];
      io.stdout(
        `${done} ${t(nameOf(issue))}#${result.number}: ${t(
          describeIssue(issue),
        )}${result.url ? ` ${t(result.url)}` : ''}\n`,
      );
    } catch (error) {
      if (
        error instanceof HostedApiError &&
        REPOSITORY_REFUSALS.includes(error.status)
      ) {
        refused.push(error.message);
        continue;
      }
      throw error;
    }
  }
  tellUntold();
  for (const message of refused) {
    io.stderr(`service-registry: ${t(message)}\n`);
  }
  return refused.length > 0 ? EXIT.usage : EXIT.ok;
}
