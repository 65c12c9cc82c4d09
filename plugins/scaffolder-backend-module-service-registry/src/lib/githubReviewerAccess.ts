import { errorText } from './errorText';
import { GithubApi } from './githubApi';

/**
 * Whether GitHub would take a reviewer on a repository's pull request: `yes`, `no` (a login that
 * is not a collaborator, a team without access to the repository: GitHub refuses the whole review
 * request for one of them), or `unknown` (GitHub could not be asked, or answered otherwise).
 */
export type ReviewerAccess =
  | { access: 'yes' }
  | { access: 'no' }
  | { access: 'unknown'; why: string };

/** Asks GitHub whether a user or a team may review pull requests of one repository. */
export interface GithubReviewerAccess {
  /** The repository, `<owner>/<repo>`, as messages name it. */
  readonly repository: string;
  /** A user login: a collaborator of the repository? */
  user(login: string): Promise<ReviewerAccess>;
  /** A team slug of the repository's organization: has the team access to the repository? */
  team(slug: string): Promise<ReviewerAccess>;
}

/**
 * Asks GitHub whether reviewers may be requested on the repository of `api`:
 * `GET /repos/{owner}/{repo}/collaborators/{login}` for a user and
 * `GET /orgs/{owner}/teams/{slug}/repos/{owner}/{repo}` for a team (204 yes, 404 no).
 */
export function githubReviewerAccess(api: GithubApi): GithubReviewerAccess {
  const { owner, repo } = api;
  const ask = async (path: string): Promise<ReviewerAccess> => {
    try {
      const response = await api.get(path);
      // the answer's body (small, when any) is read so that the connection is free again
      await response.text().catch(() => '');
      if (response.status === 204 || response.status === 200) {
        return { access: 'yes' };
      }
      if (response.status === 404) return { access: 'no' };
      return { access: 'unknown', why: `GitHub answered ${response.status}` };
    } catch (error) {
      return {
        access: 'unknown',
        why: `GitHub could not be asked (${errorText(error)})`,
      };
    }
  };
  const segment = encodeURIComponent;
  return {
    repository: api.repository,
    user: login =>
      ask(
        `/repos/${segment(owner)}/${segment(repo)}/collaborators/${segment(
          login,
        )}`,
      ),
    team: slug =>
      ask(
        `/orgs/${segment(owner)}/teams/${segment(slug)}/repos/${segment(
          owner,
        )}/${segment(repo)}`,
      ),
  };
}
