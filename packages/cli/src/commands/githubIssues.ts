import { apiUrlVariable, requiredVariable } from '../lib/ciVariables';
import { MAX_ISSUE_CHARACTERS } from '../lib/consumerIssues';
import {
  ConsumerIssuesOptions,
  runConsumerIssues,
} from '../lib/consumerIssuesRun';
import { githubApi } from '../lib/githubApi';
import { githubAuthorOf } from '../lib/githubAuthor';
import { RepositoryIssues } from '../lib/githubIssues';
import { githubRepositoryOf } from '../lib/githubRepository';
import { apiRoot, commonAdvice } from '../lib/hostedApi';
import { CliIO } from '../lib/io';

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
 * `service-registry github-issues`: an issue in the GitHub repository of each service a breaking
 * change reaches directly (see `runConsumerIssues`). Run it where the registry's change lands (a
 * push to the default branch), with a token that may open issues in the consumers' repositories
 * (`GITHUB_TOKEN`); the repositories are on `GITHUB_SERVER_URL` (default `https://github.com`),
 * GitHub's API at `GITHUB_API_URL`. `--dry-run` prints the issues instead, and needs no token.
 */
export async function githubIssuesCommand(
  options: ConsumerIssuesOptions,
  io: CliIO,
): Promise<number> {
  const env = io.env ?? process.env;
  const serverUrl = apiUrlVariable(
    'GITHUB_SERVER_URL',
    env.GITHUB_SERVER_URL || 'https://github.com',
    'https://github.com',
  );
  return runConsumerIssues(
    {
      command: 'github-issues',
      notOnHost:
        'its repository is not on the GitHub server (GITHUB_SERVER_URL)',
      repositoryOf: address => githubRepositoryOf(address, serverUrl),
      changeUrl: changeUrlFrom(env),
      refusals: [403, 404, 410, 422],
      async connect() {
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
        return new RepositoryIssues(
          api,
          apiUrl,
          await githubAuthorOf(api, apiUrl),
        );
      },
    },
    options,
    io,
  );
}
