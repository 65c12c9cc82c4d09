import { checkApprovals } from '../lib/approvalCheck';
import { reportApprovals } from '../lib/approvalReport';
import { EXIT } from '../lib/errors';
import { pullRequestTargetFrom } from '../lib/githubPullRequest';
import { PullRequestReviews } from '../lib/githubReviews';
import { CliIO } from '../lib/io';
import { requiredApprovalsIn } from '../lib/requiredApprovalsFile';

/**
 * Checks that the approvals a change requires (`requiredApprovals` of the JSON report of `diff`,
 * in `file`) are given by the reviews of the pull request a GitHub Actions workflow runs for:
 * each approver is a reviewer's login or a team one of whose members approved (see
 * `checkApprovals`, `PullRequestReviews`). Prints one line per approver.
 *
 * @returns 0 when every required approver has approved (or none is required), 1 when one has
 *   not; a missing variable, an unreadable report or a refusal of GitHub throws (exit code 2)
 */
export async function githubApprovalsCommand(
  options: { file: string },
  io: CliIO,
): Promise<number> {
  const env = io.env ?? process.env;
  const required = await requiredApprovalsIn(options.file, io.cwd);
  const target = await pullRequestTargetFrom(env, {
    command: 'github-approvals',
    events: 'on: pull_request and pull_request_review',
    permission: 'pull-requests: read',
  });
  const request = `pull request #${target.pullRequest}`;
  if (required.length === 0) {
    io.stdout(`The change of ${request} requires no approval.\n`);
    return EXIT.ok;
  }
  const statuses = await checkApprovals(
    required,
    new PullRequestReviews(target),
  );
  return reportApprovals(
    statuses,
    {
      request,
      team: 'team',
      teamHint:
        "A team's member counts only when the token can read the team (a job's GITHUB_TOKEN cannot: give the step a token with read:org).",
    },
    io,
  );
}
