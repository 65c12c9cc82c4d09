import { checkApprovals } from '../lib/approvalCheck';
import { reportApprovals } from '../lib/approvalReport';
import { EXIT } from '../lib/errors';
import { MergeRequestApprovals } from '../lib/gitlabApprovals';
import { mergeRequestTargetFrom } from '../lib/gitlabMergeRequest';
import { CliIO } from '../lib/io';
import { requiredApprovalsIn } from '../lib/requiredApprovalsFile';

/**
 * Checks that the approvals a change requires (`requiredApprovals` of the JSON report of `diff`,
 * in `file`) are given by the approvals of the merge request a GitLab pipeline runs for: each
 * approver is an approving user's username or a group one of whose members approved (see
 * `checkApprovals`, `MergeRequestApprovals`). Prints one line per approver.
 *
 * @returns 0 when every required approver has approved (or none is required), 1 when one has
 *   not; a missing variable, an unreadable report or a refusal of GitLab throws (exit code 2)
 */
export async function gitlabApprovalsCommand(
  options: { file: string },
  io: CliIO,
): Promise<number> {
  const env = io.env ?? process.env;
  const required = await requiredApprovalsIn(options.file, io.cwd);
  const target = mergeRequestTargetFrom(env, 'gitlab-approvals');
  const request = `merge request !${target.mergeRequestIid}`;
  if (required.length === 0) {
    io.stdout(`The change of ${request} requires no approval.\n`);
    return EXIT.ok;
  }
  const statuses = await checkApprovals(
    required,
    new MergeRequestApprovals(target, env.CI_PROJECT_ROOT_NAMESPACE),
  );
  return reportApprovals(
    statuses,
    {
      request,
      team: 'group',
      teamHint:
        "A group's member counts only when the token can see the group (a project access token sees public groups only: use a group access token of the top-level group).",
    },
    io,
  );
}
