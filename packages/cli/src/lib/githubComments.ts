import { ReadError } from './errors';
import {
  apiRoot,
  commonAdvice,
  HostedApi,
  HostedApiError,
  requestJson,
} from './hostedApi';
import {
  GithubAuthor,
  githubAuthorOf,
  GithubUser,
  isByAuthor,
} from './githubAuthor';
import {
  githubApi,
  nextPageOn,
  PullRequestTarget,
  repositoryUrl,
} from './githubApi';
import { isMarkedReport, withReportMarker } from './reportMarker';

/** GitHub's limit on a comment's body, in characters. */
export const MAX_COMMENT_CHARACTERS = 65_536;

/** Comments read (100 a page) while looking for the one posted before; after them a new one is posted. */
const MAX_PAGES = 30;

/** What {@link PullRequestComments.upsert} did. */
export interface CommentResult {
  action: 'created' | 'updated';
  commentId: number;
  /** The comment's page, as GitHub gives it. */
  url?: string;
}

interface GithubComment {
  id: number;
  body?: string;
  html_url?: string;
  user?: GithubUser | null;
}

/** Why GitHub answers a status, and what to do about it. */
function adviceFor(status: number): string {
  switch (status) {
    case 401:
      return "GitHub does not accept the token: check GITHUB_TOKEN (the job's github.token, or a token that has not expired)";
    case 403:
      return 'the token may not comment on the pull request: give the job permissions: pull-requests: write (a pull request from a fork gets a read-only token)';
    case 404:
      return 'GitHub does not find the repository or the pull request, or the token cannot see them';
    case 422:
      return `GitHub refused the comment (it takes at most ${MAX_COMMENT_CHARACTERS} characters)`;
    default:
      return commonAdvice('GitHub', status);
  }
}

/**
 * A small client for the comments of one pull request: finds the newest comment that ends with
 * the report's marker, posted by the token's user (or a bot, for a job's token), and replaces its
 * text, or posts a new one. Unlike `gh pr comment --edit-last`, it never edits another comment of
 * the same user (the `github-actions` bot posts for every workflow of the repository), and never
 * a person's comment that quotes a report with its marker.
 */
export class PullRequestComments {
  readonly #api: HostedApi;
  readonly #apiUrl: string;
  readonly #repoUrl: string;
  readonly #commentsUrl: string;

  constructor(target: PullRequestTarget) {
    this.#api = githubApi(target.token, adviceFor);
    this.#apiUrl = apiRoot(target.apiUrl);
    this.#repoUrl = repositoryUrl(target);
    this.#commentsUrl = `${this.#repoUrl}/issues/${
      target.pullRequest
    }/comments`;
  }

  /**
   * The newest comment of the pull request that ends with the marker and that `author` posted,
   * if any: a person who pasted a report into a comment of their own keeps it as written.
   */
  async #previousComment(
    author: GithubAuthor,
  ): Promise<GithubComment | undefined> {
    const ours = (comment: GithubComment) => isByAuthor(author, comment.user);
    let url: string | undefined = `${this.#commentsUrl}?per_page=100`;
    let found: GithubComment | undefined;
    for (let read = 0; read < MAX_PAGES && url; read++) {
      const { json, headers }: { json: unknown; headers: Headers } =
        await requestJson(this.#api, "read the pull request's comments", url);
      if (!Array.isArray(json)) {
        throw new ReadError(
          "cannot read the pull request's comments: GitHub's answer is not a list",
        );
      }
      // oldest first: the last marked comment of the last page is the newest
      for (const comment of json as GithubComment[]) {
        if (isMarkedReport(comment.body) && ours(comment)) found = comment;
      }
      url = nextPageOn(this.#repoUrl, headers);
    }
    return found;
  }

  async #post(text: string): Promise<CommentResult> {
    const { json } = await requestJson(
      this.#api,
      'comment on the pull request',
      this.#commentsUrl,
      { method: 'POST', body: { body: text } },
    );
    const comment = json as GithubComment;
    return { action: 'created', commentId: comment.id, url: comment.html_url };
  }

  /**
   * Posts `body` (with the marker added) as a comment of the pull request, replacing the text of
   * the comment the same token's user (or, for a job's token, a bot) posted before, if there is
   * one. A comment it finds but may not edit (GitHub answers 403 or 404: another bot's, or
   * deleted since) is left alone and a new one is posted.
   */
  async upsert(body: string): Promise<CommentResult> {
    const text = withReportMarker(body);
    const previous = await this.#previousComment(
      await githubAuthorOf(this.#api, this.#apiUrl),
    );
    if (!previous) return this.#post(text);
    try {
      const { json } = await requestJson(
        this.#api,
        "update the pull request's comment",
        `${this.#repoUrl}/issues/comments/${previous.id}`,
        { method: 'PATCH', body: { body: text } },
      );
      return {
        action: 'updated',
        commentId: previous.id,
        url: (json as GithubComment).html_url,
      };
    } catch (error) {
      if (
        error instanceof HostedApiError &&
        (error.status === 403 || error.status === 404)
      ) {
        return this.#post(text);
      }
      throw error;
    }
  }
}
