import { apiRoot, HostedApi } from './hostedApi';

/** A pull request of a GitHub repository, and the token the CLI calls GitHub's API with. */
export interface PullRequestTarget {
  /** GitHub's REST API, `https://api.github.com` (`GITHUB_API_URL`). */
  apiUrl: string;
  /** `owner/repo` (`GITHUB_REPOSITORY`). */
  repository: string;
  /** The pull request's number. */
  pullRequest: number;
  /**
   * The commit the pull request's head was at when the workflow's event happened
   * (`pull_request.head.sha` of the event), when the event names one.
   */
  headCommit?: string;
  /** The job's token; never printed. */
  token: string;
}

/**
 * GitHub's REST API as the CLI calls it: the token as a bearer token, GitHub's JSON and API
 * version, and what its error statuses mean for the command (`adviceFor`).
 */
export function githubApi(
  token: string,
  adviceFor: (status: number) => string,
): HostedApi {
  return {
    name: 'GitHub',
    urlVariable: 'GITHUB_API_URL',
    token,
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'service-registry-cli',
    },
    adviceFor,
  };
}

/** The API address of the target's repository (`…/repos/owner/repo`). */
export function repositoryUrl(target: PullRequestTarget): string {
  const [owner, repo] = target.repository.split('/');
  return `${apiRoot(target.apiUrl)}/repos/${encodeURIComponent(
    owner,
  )}/${encodeURIComponent(repo)}`;
}

/**
 * The next page's address from an answer's `Link` header, if there is one on the same API as
 * `url` (the token goes nowhere else).
 *
 * @param url - an address of the API the pages come from
 * @param headers - the answer's headers
 */
export function nextPageOn(url: string, headers: Headers): string | undefined {
  const link = headers.get('link');
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (m) {
      return new URL(m[1]).origin === new URL(url).origin ? m[1] : undefined;
    }
  }
  return undefined;
}
