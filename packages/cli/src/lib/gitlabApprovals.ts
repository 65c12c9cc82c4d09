import { Reviewer, ReviewSource } from './approvalCheck';
import { ReadError } from './errors';
import { gitlabApi, MergeRequestTarget, mergeRequestUrl } from './gitlabApi';
import {
  apiRoot,
  commonAdvice,
  HostedApi,
  requestJson,
  requestJsonUnless,
} from './hostedApi';

interface GitlabApprovals {
  approved_by?: Array<{ user?: { id?: unknown; username?: unknown } | null }>;
}

/** Why GitLab answers a status, and what to do about it. */
function adviceFor(status: number): string {
  switch (status) {
    case 401:
      return 'GitLab does not accept the token: check that SERVICE_REGISTRY_GITLAB_TOKEN holds an access token that has not expired or been revoked, with the read_api or api scope';
    case 403:
      return "the token may not read the merge request's approvals: it needs the read_api or api scope and at least the Reporter role in the project";
    case 404:
      return 'GitLab does not find the project or the merge request, or the token cannot see them: give the token a role in the project of the merge request';
    default:
      return commonAdvice('GitLab', status);
  }
}

/**
 * The approvals of one merge request and the members of GitLab groups, as GitLab's REST API
 * gives them. An approver `@group/subgroup` names that group; `@name` a group of the project's
 * top-level group (`CI_PROJECT_ROOT_NAMESPACE`), else the top-level group `name`.
 */
export class MergeRequestApprovals implements ReviewSource {
  readonly #api: HostedApi;
  readonly #apiUrl: string;
  readonly #approvalsUrl: string;
  readonly #rootNamespace: string | undefined;

  /**
   * @param target - the merge request and the token
   * @param rootNamespace - the project's top-level group or user (`CI_PROJECT_ROOT_NAMESPACE`)
   */
  constructor(target: MergeRequestTarget, rootNamespace?: string) {
    this.#api = gitlabApi(target.token, adviceFor);
    this.#apiUrl = apiRoot(target.apiUrl);
    this.#approvalsUrl = `${mergeRequestUrl(target)}/approvals`;
    this.#rootNamespace = rootNamespace || undefined;
  }

  /** The users whose approval stands (GitLab lists only those: an approval taken back is gone). */
  async approvers(): Promise<Reviewer[]> {
    const { json } = await requestJson(
      this.#api,
      "read the merge request's approvals",
      this.#approvalsUrl,
    );
    const approvedBy = (json as GitlabApprovals | null)?.approved_by;
    if (!Array.isArray(approvedBy)) {
      throw new ReadError(
        "cannot read the merge request's approvals: GitLab's answer has no approved_by list",
      );
    }
    const reviewers: Reviewer[] = [];
    for (const { user } of approvedBy) {
      if (typeof user?.username === 'string' && typeof user.id === 'number') {
        reviewers.push({ login: user.username, id: user.id });
      }
    }
    return reviewers;
  }

  teamsNamed(name: string): string[] {
    if (name.includes('/') || this.#rootNamespace === undefined) return [name];
    const nested = `${this.#rootNamespace}/${name}`;
    return nested.toLowerCase() === name.toLowerCase()
      ? [name]
      : [nested, name];
  }

  /**
   * Whether a user is a member of a group, directly or through a parent group. GitLab answers 404
   * both for a user who is not a member and for a group the token cannot see (a project access
   * token sees public groups only: a group access token of the top-level group sees its
   * subgroups); both are false.
   */
  async isTeamMember(group: string, reviewer: Reviewer): Promise<boolean> {
    if (reviewer.id === undefined) return false;
    const answer = await requestJsonUnless(
      this.#api,
      `read the members of group ${group}`,
      `${this.#apiUrl}/groups/${encodeURIComponent(group)}/members/all/${
        reviewer.id
      }`,
      [403, 404],
    );
    if (answer === undefined) return false;
    const state = (answer.json as { state?: unknown } | null)?.state;
    return state === undefined || state === 'active';
  }
}
