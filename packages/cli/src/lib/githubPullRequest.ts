import fs from 'node:fs/promises';
import { apiUrlVariable, requiredVariable } from './ciVariables';
import { UsageError } from './errors';
import { PullRequestTarget } from './githubApi';

/** The command that needs a pull request, and what its workflow and its job's token need. */
export interface PullRequestCommand {
  /** `github-comment`. */
  command: string;
  /** The workflow's events that name a pull request (`on: pull_request`). */
  events: string;
  /** What the job's token needs (`pull-requests: write`). */
  permission: string;
}

const inPullRequest = ({ command, events }: PullRequestCommand) =>
  `${command} runs in a GitHub Actions workflow of a pull request (${events}), whose event names it`;

/** A commit's name as GitHub writes it: 40 hexadecimal digits (SHA-1), or 64 (SHA-256). */
const COMMIT_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The pull request's number, and the commit its head is at when the event happened, from the
 * event that started the workflow (`GITHUB_EVENT_PATH`).
 */
async function pullRequestOfEvent(
  env: NodeJS.ProcessEnv,
  needs: PullRequestCommand,
): Promise<{ number: number; headCommit?: string }> {
  const eventPath = requiredVariable(
    env,
    'GITHUB_EVENT_PATH',
    inPullRequest(needs),
  );
  let event: {
    pull_request?: { number?: unknown; head?: { sha?: unknown } | null };
  };
  try {
    event = JSON.parse(await fs.readFile(eventPath, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `cannot read the workflow's event (GITHUB_EVENT_PATH): ${
        (error as Error).message
      }`,
    );
  }
  const number = event?.pull_request?.number;
  if (
    typeof number !== 'number' ||
    !Number.isSafeInteger(number) ||
    number < 1
  ) {
    throw new UsageError(
      `the workflow's event names no pull request: ${inPullRequest(needs)}`,
    );
  }
  const sha = event.pull_request?.head?.sha;
  return typeof sha === 'string' && COMMIT_SHA.test(sha)
    ? { number, headCommit: sha }
    : { number };
}

/**
 * The pull request a GitHub Actions workflow runs for (and its head commit, where the event names
 * it), from its variables, and the step's `GITHUB_TOKEN`.
 *
 * @param env - the workflow's variables
 * @param needs - the command, which the message of a missing variable names with what it needs
 */
export async function pullRequestTargetFrom(
  env: NodeJS.ProcessEnv,
  needs: PullRequestCommand,
): Promise<PullRequestTarget> {
  const apiUrl = apiUrlVariable(
    'GITHUB_API_URL',
    env.GITHUB_API_URL || 'https://api.github.com',
    'https://api.github.com',
  );
  const repository = requiredVariable(
    env,
    'GITHUB_REPOSITORY',
    inPullRequest(needs),
  );
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new UsageError(
      `GITHUB_REPOSITORY must be owner/repo, got ${repository}`,
    );
  }
  const token = requiredVariable(
    env,
    'GITHUB_TOKEN',
    `give the step env: GITHUB_TOKEN: \${{ github.token }}, with permissions: ${needs.permission} for the job`,
  );
  const { number, headCommit } = await pullRequestOfEvent(env, needs);
  return {
    apiUrl,
    repository,
    pullRequest: number,
    ...(headCommit !== undefined ? { headCommit } : {}),
    token,
  };
}
