import { z } from 'zod';
import {
  ApprovalStatus,
  checkApprovals,
  RequiredApprovalEntry,
} from '../lib/approvalCheck';
import { EXIT, ReadError } from '../lib/errors';
import { pullRequestTargetFrom } from '../lib/githubPullRequest';
import { PullRequestReviews } from '../lib/githubReviews';
import { CliIO } from '../lib/io';
import { readWrittenFile } from '../lib/reportFile';

/** The part of `diff --format json` this command reads. */
const diffReport = z.object({
  command: z.literal('diff'),
  diff: z.object({
    requiredApprovals: z.array(
      z.object({
        approver: z.string().trim().min(1),
        reasons: z.array(z.object({ kind: z.string() })),
      }),
    ),
  }),
});

/** The approvals the JSON report of `diff` in `file` requires. */
async function requiredApprovalsIn(
  file: string,
  cwd: string,
): Promise<RequiredApprovalEntry[]> {
  const text = await readWrittenFile(
    file,
    cwd,
    'service-registry diff … --format json',
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReadError(
      `${file} is not JSON (${
        (error as Error).message
      }): write it with service-registry diff … --format json`,
    );
  }
  const parsed = diffReport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReadError(
      `${file} is not the JSON report of service-registry diff: ${
        issue.path.join('.') || 'the document'
      }: ${issue.message}`,
    );
  }
  return parsed.data.diff.requiredApprovals;
}

/** `breaking ×2, version-bump` */
function reasonsOf(status: ApprovalStatus): string {
  const counts = new Map<string, number>();
  for (const { kind } of status.reasons) {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts]
    .map(([kind, n]) => (n === 1 ? kind : `${kind} ×${n}`))
    .join(', ');
}

function lineOf(status: ApprovalStatus): string {
  const what = `${status.approver} (${reasonsOf(status)})`;
  if (status.approvedBy !== undefined) {
    return `  ✔ ${what}: approved by ${status.approvedBy}${
      status.team ? ` (a member of team ${status.team})` : ''
    }\n`;
  }
  return `  ✘ ${what}: not approved: no approving review by ${status.approver.replace(
    /^@/,
    '',
  )}${status.team ? ` or by a member of team ${status.team}` : ''}\n`;
}

/**
 * Checks that the approvals a change requires (`requiredApprovals` of the JSON report of `diff`,
 * in `file`) are given by the reviews of the pull request a GitHub Actions workflow runs for:
 * each approver is a reviewer's login or a team one of whose members approved (see
 * `checkApprovals`). Prints one line per approver.
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
  if (required.length === 0) {
    io.stdout(
      `The change of pull request #${target.pullRequest} requires no approval.\n`,
    );
    return EXIT.ok;
  }
  const statuses = await checkApprovals(
    required,
    new PullRequestReviews(target),
    target.repository.split('/')[0],
  );
  const missing = statuses.filter(s => s.approvedBy === undefined);
  io.stdout(
    `Required approvals of pull request #${target.pullRequest}: ${
      statuses.length - missing.length
    } of ${statuses.length} given\n`,
  );
  for (const status of statuses) io.stdout(lineOf(status));
  if (missing.length > 0) {
    io.stdout(
      `${missing.length} required approver${
        missing.length === 1 ? ' has' : 's have'
      } not approved: ask them for a review.${
        missing.some(s => s.team)
          ? " A team's member counts only when the token can read the team (a job's GITHUB_TOKEN cannot: give the step a token with read:org)."
          : ''
      }\n`,
    );
    return EXIT.failed;
  }
  return EXIT.ok;
}
