import { errorText } from './errorText';
import { GithubApi } from './githubApi';

/**
 * Who opens a pull request with the credentials of a {@link GithubApi}:
 *
 * - `app`: a GitHub App installation's token, whose pull requests its bot opens (`<app>[bot]`,
 *   which no catalog User is, so no approver can be the author);
 * - `user`: a token's user, as `GET /user` names them;
 * - `unknown`: GitHub did not say (it could not be reached, or answered otherwise), with why.
 */
export type PullRequestAuthor =
  | { author: 'app' }
  | { author: 'user'; login: string }
  | { author: 'unknown'; why: string };

/**
 * Who the author of a pull request opened with `api`'s credentials is: for a GitHub App
 * installation, its bot, without asking GitHub; for a token, the user `GET /user` names.
 */
export async function githubPullRequestAuthor(
  api: GithubApi,
): Promise<PullRequestAuthor> {
  if (api.credentials === 'app') return { author: 'app' };
  let response: Response;
  try {
    response = await api.get('/user');
  } catch (error) {
    return {
      author: 'unknown',
      why: `GitHub could not be asked: ${errorText(error)}`,
    };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const login = (body as { login?: unknown } | undefined)?.login;
  if (response.status === 200 && typeof login === 'string' && login) {
    return { author: 'user', login };
  }
  return {
    author: 'unknown',
    why: `GitHub answered ${response.status} to GET /user with ${api.credentialsName}`,
  };
}
