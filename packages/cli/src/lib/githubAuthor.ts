import { HostedApi, requestJsonUnless } from './hostedApi';

/**
 * Whose comments or issues a command may replace: the token's user (a personal or GitHub App
 * user token, which `GET /user` names), or a bot when GitHub answers that the token (a job's
 * `GITHUB_TOKEN`, a GitHub App's installation token) has no user: never a person's.
 */
export type GithubAuthor = { login: string } | 'bot';

/** A comment's or an issue's author as GitHub gives it. */
export interface GithubUser {
  login?: string;
  type?: string;
}

/**
 * Asks GitHub whose token it is (see {@link GithubAuthor}).
 *
 * @param apiUrl - GitHub's REST API, without trailing slashes
 */
export async function githubAuthorOf(
  api: HostedApi,
  apiUrl: string,
): Promise<GithubAuthor> {
  // an installation token has no user: 403 "Resource not accessible by integration"
  const answer = await requestJsonUnless(
    api,
    'read whose token it is',
    `${apiUrl}/user`,
    [403],
  );
  const login = (answer?.json as { login?: unknown } | undefined)?.login;
  return typeof login === 'string' && login !== '' ? { login } : 'bot';
}

/** Whether `author` wrote what `user` wrote: the same login, or any bot for a bot's token. */
export function isByAuthor(
  author: GithubAuthor,
  user: GithubUser | null | undefined,
): boolean {
  return author === 'bot' ? user?.type === 'Bot' : user?.login === author.login;
}
