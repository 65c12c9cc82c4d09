import { Reviewer, ReviewSource } from './approvalCheck';
import { ReadError } from './errors';
import {
  githubApi,
  nextPageOn,
  PullRequestTarget,
  repositoryUrl,
} from './githubApi';
import {
  apiRoot,
  commonAdvice,
  HostedApi,
  requestJson,
  requestJsonUnless,
} from './hostedApi';

/** Reviews read (100 a page); a pull request with more is not checked past them. */
const MAX_PAGES = 30;

interface GithubReview {
  user?: { login?: unknown } | null;
  state?: unknown;
  /** The commit the pull request's head was at when the review was given. */
  commit_id?: unknown;
}

/** A reviewer whose approval was given on an earlier commit than the pull request's head. */
export interface StaleApproval {
  login: string;
  /** The commit it approved (GitHub may no longer know it: `null` in the API, undefined here). */
  commit?: string;
}

/** Why GitHub answers a status, and what to do about it. */
function adviceFor(status: number): string {
  switch (status) {
    case 401:
      return "GitHub does not accept the token: check GITHUB_TOKEN (the job's github.token, or a token that has not expired)";
    case 403:
      return 'the token may not read the pull request: give the job permissions: pull-requests: read';
    case 404:
      return 'GitHub does not find the repository or the pull request, or the token cannot see them';
    default:
      return commonAdvice('GitHub', status);
  }
}

/** The review states that decide a reviewer's stand (a comment does not change it). */
const DECISIVE = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/** The stand of a reviewer whose last approval was given on an earlier commit than the head. */
const STALE = 'STALE';

/**
 * The reviews of one pull request and the teams of GitHub organisations, as GitHub's REST API
 * gives them. An approver `@org/team` names that team; `@name` a team of the repository's owner
 * (team slugs are lower case).
 *
 * With `headCommit`, only approvals given on that commit stand: an approval of an earlier commit
 * is stale (see {@link PullRequestReviews.staleApprovals}), as GitHub's branch protection
 * "Dismiss stale pull request approvals when new commits are pushed" would dismiss it.
 */
export class PullRequestReviews implements ReviewSource {
  readonly #api: HostedApi;
  readonly #apiUrl: string;
  readonly #reviewsUrl: string;
  readonly #owner: string;
  readonly #headCommit: string | undefined;
  #stale: StaleApproval[] = [];

  /**
   * @param target - the pull request, and the token its reviews are read with
   * @param options - `headCommit`: count only the approvals given on this commit (the pull
   *   request's head, `PullRequestTarget.headCommit`)
   */
  constructor(
    target: PullRequestTarget,
    options: { headCommit?: string } = {},
  ) {
    this.#headCommit = options.headCommit;
    this.#api = githubApi(target.token, adviceFor);
    this.#owner = target.repository.split('/')[0];
    this.#apiUrl = apiRoot(target.apiUrl);
    this.#reviewsUrl = `${repositoryUrl(target)}/pulls/${
      target.pullRequest
    }/reviews`;
  }

  /**
   * The reviewers whose last review that takes a stand approves the pull request (a later
   * request for changes, or a dismissal, takes their approval back; a later comment does not),
   * in the order they first reviewed. With a head commit, an approval counts only when given on
   * it; the others are kept as {@link PullRequestReviews.staleApprovals}.
   */
  async approvers(): Promise<Reviewer[]> {
    const stand = new Map<string, string>();
    const staleCommit = new Map<string, string | undefined>();
    let url: string | undefined = `${this.#reviewsUrl}?per_page=100`;
    for (let read = 0; read < MAX_PAGES && url; read++) {
      const { json, headers }: { json: unknown; headers: Headers } =
        await requestJson(this.#api, "read the pull request's reviews", url);
      if (!Array.isArray(json)) {
        throw new ReadError(
          "cannot read the pull request's reviews: GitHub's answer is not a list",
        );
      }
      // oldest first
      for (const review of json as GithubReview[]) {
        const login = review?.user?.login;
        const state = review?.state;
        if (typeof login !== 'string' || typeof state !== 'string') continue;
        if (!stand.has(login)) stand.set(login, 'COMMENTED');
        if (!DECISIVE.has(state)) continue;
        const commit =
          typeof review.commit_id === 'string' ? review.commit_id : undefined;
        if (
          state === 'APPROVED' &&
          this.#headCommit !== undefined &&
          commit !== this.#headCommit
        ) {
          stand.set(login, STALE);
          staleCommit.set(login, commit);
        } else {
          stand.set(login, state);
        }
      }
      url = nextPageOn(this.#reviewsUrl, headers);
    }
    this.#stale = [...stand]
      .filter(([, s]) => s === STALE)
      .map(([login]) => {
        const commit = staleCommit.get(login);
        return commit === undefined ? { login } : { login, commit };
      });
    return [...stand]
      .filter(([, s]) => s === 'APPROVED')
      .map(([login]) => ({ login }));
  }

  /**
   * The reviewers whose last approval was given on an earlier commit than the head commit, and
   * who have not taken a stand since (an approval on the head, a request for changes or a
   * dismissal), as of the last {@link PullRequestReviews.approvers}; none without a head commit.
   */
  staleApprovals(): StaleApproval[] {
    return [...this.#stale];
  }

  teamsNamed(name: string): string[] {
    const slug = name.toLowerCase();
    return [slug.includes('/') ? slug : `${this.#owner.toLowerCase()}/${slug}`];
  }

  /**
   * Whether a reviewer is an active member of a team (`org/team`). GitHub answers 404 both for a
   * user who is not a member and for a team the token cannot see, and 403 to a token that may not
   * read teams (a job's `GITHUB_TOKEN`: a token with `read:org` may); all are false. A rate limit
   * (a `403` with no requests left, or with `retry-after`) is no answer, and throws.
   */
  async isTeamMember(orgTeam: string, { login }: Reviewer): Promise<boolean> {
    const [org, team] = orgTeam.split('/', 2);
    const answer = await requestJsonUnless(
      this.#api,
      `read the members of team ${org}/${team}`,
      `${this.#apiUrl}/orgs/${encodeURIComponent(
        org,
      )}/teams/${encodeURIComponent(team)}/memberships/${encodeURIComponent(
        login,
      )}`,
      [403, 404],
    );
    return (answer?.json as { state?: unknown } | null)?.state === 'active';
  }
}
