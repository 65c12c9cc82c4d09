import { checkApprovals } from '../lib/approvalCheck';
import { reportApprovals } from '../lib/approvalReport';
import { EXIT, UsageError } from '../lib/errors';
import { pullRequestTargetFrom } from '../lib/githubPullRequest';
import { PullRequestReviews, StaleApproval } from '../lib/githubReviews';
import { CliIO } from '../lib/io';
import { requiredApprovalsIn } from '../lib/requiredApprovalsFile';

/** The length commits are shown at. */
const SHORT_SHA = 12;

/** What the report adds when approvals of an earlier commit did not count. */
function staleNote(stale: readonly StaleApproval[], head: string): string {
  const who = stale
    .map(({ login, commit }) =>
      commit ? `${login} (${commit.slice(0, SHORT_SHA)})` : login,
    )
    .join(', ');
  return `Approvals given before the last push do not count (--ignore-stale-approvals; the head is at ${head.slice(
    0,
    SHORT_SHA,
  )}): ${who} approved an earlier commit; ask them to approve again.`;
}

/**
 * Checks that the approvals a change requires (`requiredApprovals` of the JSON report of `diff`,
 * in `file`) are given by the reviews of the pull request a GitHub Actions workflow runs for:
 * each approver is a reviewer's login or a team one of whose members approved (see
 * `checkApprovals`, `PullRequestReviews`). Prints one line per approver. With
 * `ignoreStaleApprovals`, only the approvals given on the pull request's head commit (which the
 * workflow's event names) count.
 *
 * @returns 0 when every required approver has approved (or none is required), 1 when one has
 *   not; a missing variable, an unreadable report or a refusal of GitHub throws (exit code 2)
 */
export async function githubApprovalsCommand(
  options: { file: string; ignoreStaleApprovals?: boolean },
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
  const headCommit = options.ignoreStaleApprovals
    ? target.headCommit
    : undefined;
  if (options.ignoreStaleApprovals && headCommit === undefined) {
    throw new UsageError(
      `--ignore-stale-approvals needs the head commit of ${request}, and the workflow's event names none (pull_request.head.sha): run it on pull_request and pull_request_review events`,
    );
  }
  if (required.length === 0) {
    io.stdout(`The change of ${request} requires no approval.\n`);
    return EXIT.ok;
  }
  const reviews = new PullRequestReviews(target, { headCommit });
  const statuses = await checkApprovals(required, reviews);
  const stale = reviews.staleApprovals();
  return reportApprovals(
    statuses,
    {
      request,
      team: 'team',
      teamHint:
        "A team's member counts only when the token can read the team (a job's GITHUB_TOKEN cannot: give the step a token with read:org).",
      ...(headCommit !== undefined && stale.length > 0
        ? { note: staleNote(stale, headCommit) }
        : {}),
    },
    io,
  );
}
