/** An approval a diff requires (`requiredApprovals` of `diff --format json`). */
export interface RequiredApprovalEntry {
  /** As the policies write it: `@platform-team`, `@alice`, `@acme/security`, `platform-team`. */
  approver: string;
  /** What it must approve: the kinds of its reasons (`breaking`, `version-bump`, …). */
  reasons: Array<{ kind: string }>;
}

/** Whether one required approver has approved, and through whom. */
export interface ApprovalStatus {
  approver: string;
  reasons: Array<{ kind: string }>;
  /** The reviewer whose approval counts for it; absent when none does. */
  approvedBy?: string;
  /** The team it names (`org/team`), when it is not a reviewer's own login. */
  team?: string;
}

/** What {@link checkApprovals} asks of GitHub. */
export interface ReviewSource {
  /** The logins whose approval stands. */
  approvers(): Promise<string[]>;
  /** Whether a login is an active member of a team. */
  isTeamMember(org: string, team: string, login: string): Promise<boolean>;
}

/**
 * Checks each required approver against the pull request's approvals: an approver is a user
 * when an approving reviewer has its login (the `@` left off, letters in any case), else a team,
 * `org/team` as written or a team of the repository's owner (`@platform-team` of
 * `acme/registry` is `acme/platform-team`), approved when one of its active members approved.
 *
 * @param required - the approvals the diff requires
 * @param reviews - the pull request's reviews and its organisation's teams
 * @param owner - the repository's owner, the organisation of a team written without one
 */
export async function checkApprovals(
  required: readonly RequiredApprovalEntry[],
  reviews: ReviewSource,
  owner: string,
): Promise<ApprovalStatus[]> {
  const approvedBy = required.length > 0 ? await reviews.approvers() : [];
  const byLogin = new Map(approvedBy.map(l => [l.toLowerCase(), l]));
  const statuses: ApprovalStatus[] = [];
  for (const { approver, reasons } of required) {
    const name = approver.trim().replace(/^@/, '');
    const user = name.includes('/')
      ? undefined
      : byLogin.get(name.toLowerCase());
    if (user !== undefined) {
      statuses.push({ approver, reasons, approvedBy: user });
      continue;
    }
    // a team's slug is its name in lower case
    const [org, team] = name.includes('/')
      ? (name.toLowerCase().split('/', 2) as [string, string])
      : [owner, name.toLowerCase()];
    const status: ApprovalStatus = {
      approver,
      reasons,
      team: `${org}/${team}`,
    };
    for (const login of approvedBy) {
      if (await reviews.isTeamMember(org, team, login)) {
        status.approvedBy = login;
        break;
      }
    }
    statuses.push(status);
  }
  return statuses;
}
