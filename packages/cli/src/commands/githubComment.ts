import { CliIO } from '../lib/io';
import {
  MAX_COMMENT_CHARACTERS,
  PullRequestComments,
} from '../lib/githubComments';
import { pullRequestTargetFrom } from '../lib/githubPullRequest';
import { readReportFile } from '../lib/reportFile';

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
  const target = await pullRequestTargetFrom(env, {
    command: 'github-comment',
    events: 'on: pull_request',
    permission: 'pull-requests: write',
  });
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
