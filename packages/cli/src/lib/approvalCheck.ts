/** An approval a diff requires (`requiredApprovals` of `diff --format json`). */
export interface RequiredApprovalEntry {
  /** As the policies write it: `@platform-team`, `@alice`, `@acme/security`, `platform-team`. */
  approver: string;
  /** What it must approve: the kinds of its reasons (`breaking`, `version-bump`, …). */
  reasons: Array<{ kind: string }>;
}

/** A reviewer whose approval stands: its login (username), and its id where the host needs it. */
export interface Reviewer {
  login: string;
  id?: number;
}

/** Whether one required approver has approved, and through whom. */
export interface ApprovalStatus {
  approver: string;
  reasons: Array<{ kind: string }>;
  /** The reviewer whose approval counts for it; absent when none does. */
  approvedBy?: string;
  /**
   * The teams (GitHub) or groups (GitLab) it may name, when it is not a reviewer's own login:
   * the one whose member approved, else every one that was asked.
   */
  teams?: string[];
}

/** What {@link checkApprovals} asks of the host. */
export interface ReviewSource {
  /** The reviewers whose approval stands, in the order they approved. */
  approvers(): Promise<Reviewer[]>;
  /** The teams or groups an approver's name (without the `@`) may mean, in the order to ask. */
  teamsNamed(name: string): string[];
  /** Whether a reviewer is an active member of a team or group. */
  isTeamMember(team: string, reviewer: Reviewer): Promise<boolean>;
}

/** A segment of a team's or group's path: letters, digits, `_`, `.`, `-`; not `.` or `..`. */
const PATH_SEGMENT = /^(?!\.{1,2}$)[\w.-]+$/;

/** Whether a team's or group's path is one a host can have (and its address stays under the API's). */
function isTeamPath(team: string): boolean {
  return team.split('/').every(segment => PATH_SEGMENT.test(segment));
}

/** The first of `approvers` that is a member of one of `teams` (asked in order), and its team. */
async function approvingMember(
  source: ReviewSource,
  teams: readonly string[],
  approvers: readonly Reviewer[],
): Promise<{ login: string; team: string } | undefined> {
  for (const team of teams) {
    for (const reviewer of approvers) {
      if (await source.isTeamMember(team, reviewer)) {
        return { login: reviewer.login, team };
      }
    }
  }
  return undefined;
}

/**
 * Checks each required approver against the approvals the host gives: an approver is a user
 * when an approving reviewer has its login (the `@` left off, letters in any case), else a team
 * or group (see {@link ReviewSource.teamsNamed}), approved when one of its active members
 * approved.
 *
 * @param required - the approvals the diff requires
 * @param source - the approvals of the pull or merge request, and the host's teams
 */
export async function checkApprovals(
  required: readonly RequiredApprovalEntry[],
  source: ReviewSource,
): Promise<ApprovalStatus[]> {
  const approvers = required.length > 0 ? await source.approvers() : [];
  const byLogin = new Map(approvers.map(r => [r.login.toLowerCase(), r]));
  const statuses: ApprovalStatus[] = [];
  for (const { approver, reasons } of required) {
    const name = approver.trim().replace(/^@/, '');
    const user = name.includes('/')
      ? undefined
      : byLogin.get(name.toLowerCase());
    if (user !== undefined) {
      statuses.push({ approver, reasons, approvedBy: user.login });
      continue;
    }
    // a name no team can have (`a b`, `../x`) is asked of no host
    const teams = source.teamsNamed(name).filter(isTeamPath);
    const member = await approvingMember(source, teams, approvers);
    statuses.push(
      member
        ? { approver, reasons, approvedBy: member.login, teams: [member.team] }
        : { approver, reasons, teams },
    );
  }
  return statuses;
}
