import { ApprovalStatus } from './approvalCheck';
import { EXIT } from './errors';
import { CliIO } from './io';

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

function lineOf(status: ApprovalStatus, team: string): string {
  const what = `${status.approver} (${reasonsOf(status)})`;
  const teams = status.teams ?? [];
  if (status.approvedBy !== undefined) {
    return `  ✔ ${what}: approved by ${status.approvedBy}${
      teams.length > 0 ? ` (a member of ${team} ${teams[0]})` : ''
    }\n`;
  }
  return `  ✘ ${what}: not approved: no approval by ${status.approver.replace(
    /^@/,
    '',
  )}${
    teams.length > 0
      ? ` or by a member of ${team} ${teams.join(` or ${team} `)}`
      : ''
  }\n`;
}

/**
 * Prints one line per required approver, and what to do when one is missing.
 *
 * @param statuses - what `checkApprovals` found
 * @param options - `request`: the pull or merge request (`pull request #7`); `team`: what the
 *   host calls a team (`team`, `group`); `teamHint`: what makes a member's approval count, said
 *   when a team or group approver is missing; `note`: what else explains a missing approval,
 *   said when one is missing
 * @returns 0 when every approver has approved, 1 when one has not
 */
export function reportApprovals(
  statuses: readonly ApprovalStatus[],
  options: { request: string; team: string; teamHint: string; note?: string },
  io: CliIO,
): number {
  const missing = statuses.filter(s => s.approvedBy === undefined);
  io.stdout(
    `Required approvals of ${options.request}: ${
      statuses.length - missing.length
    } of ${statuses.length} given\n`,
  );
  for (const status of statuses) io.stdout(lineOf(status, options.team));
  if (missing.length === 0) return EXIT.ok;
  io.stdout(
    `${missing.length} required approver${
      missing.length === 1 ? ' has' : 's have'
    } not approved: ask them for a review.${
      missing.some(s => s.teams?.length) ? ` ${options.teamHint}` : ''
    }\n`,
  );
  if (options.note) io.stdout(`${options.note}\n`);
  return EXIT.failed;
}
