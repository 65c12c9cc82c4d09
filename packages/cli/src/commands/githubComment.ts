import fs from 'node:fs/promises';
import { UsageError } from '../lib/errors';
import { CliIO } from '../lib/io';
import {
  MAX_COMMENT_CHARACTERS,
  PullRequestComments,
  PullRequestTarget,
} from '../lib/githubComments';
import { apiUrlVariable, requiredVariable } from '../lib/ciVariables';
import { readReportFile } from '../lib/reportFile';

const IN_PULL_REQUEST =
  'github-comment runs in a GitHub Actions workflow of a pull request (on: pull_request), whose event names it';

/** The pull request's number, from the event that started the workflow (`GITHUB_EVENT_PATH`). */
async function pullRequestNumber(env: NodeJS.ProcessEnv): Promise<number> {
  const eventPath = requiredVariable(env, 'GITHUB_EVENT_PATH', IN_PULL_REQUEST);
  let event: { pull_request?: { number?: unknown } };
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
      `the workflow's event names no pull request: ${IN_PULL_REQUEST}`,
    );
  }
  return number;
}

/** Where the comment goes, from the variables of GitHub Actions and the step's GITHUB_TOKEN. */
async function targetFrom(env: NodeJS.ProcessEnv): Promise<PullRequestTarget> {
  const apiUrl = apiUrlVariable(
    'GITHUB_API_URL',
    env.GITHUB_API_URL || 'https://api.github.com',
    'https://api.github.com',
  );
  const repository = requiredVariable(
    env,
    'GITHUB_REPOSITORY',
    IN_PULL_REQUEST,
  );
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new UsageError(
      `GITHUB_REPOSITORY must be owner/repo, got ${repository}`,
    );
  }
  const token = requiredVariable(
    env,
    'GITHUB_TOKEN',
    'give the step env: GITHUB_TOKEN: ${{ github.token }}, with permissions: pull-requests: write for the job',
  );
  return {
    apiUrl,
    repository,
    pullRequest: await pullRequestNumber(env),
    token,
  };
}

/**
 * Posts a file (the change report) as a comment of the pull request the workflow runs for, and
 * on the next run replaces that comment's text rather than adding one more; it finds its comment
 * by the report's hidden marker, so another workflow's comment, even one of the same bot, is
 * never touched. The repository and the pull request come from the variables of GitHub Actions,
 * the token from `GITHUB_TOKEN`; the token is never printed.
 *
 * @returns 0 when the comment is posted or updated; a missing variable, an unreadable file or a
 *   refusal of GitHub throws, which the CLI tells in one line with exit code 2
 */
export async function githubCommentCommand(
  options: { file: string },
  io: CliIO,
): Promise<number> {
  const env = io.env ?? process.env;
  const target = await targetFrom(env);
  const text = await readReportFile(options.file, io.cwd, {
    maxCharacters: MAX_COMMENT_CHARACTERS,
    host: 'GitHub',
    what: 'comment',
  });
  const result = await new PullRequestComments(target).upsert(text);
  io.stdout(
    `${
      result.action === 'created' ? 'Posted' : 'Updated'
    } the comment of pull request #${target.pullRequest}${
      result.url ? `: ${result.url}` : ''
    }\n`,
  );
  return 0;
}
