import {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { errorText } from './errorText';

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

/** The repository a request is opened on, and the GitHub integration that reaches it. */
export interface GithubReviewerAccessOptions {
  integrations: ScmIntegrationRegistry;
  /** Credentials for the repository (the caller keeps one, which caches the tokens it makes). */
  credentialsProvider: GithubCredentialsProvider;
  host: string;
  owner: string;
  repo: string;
}

/**
 * Asks GitHub, with the integration's credentials for the repository, whether reviewers may be
 * requested on it: `GET /repos/{owner}/{repo}/collaborators/{login}` for a user and
 * `GET /orgs/{owner}/teams/{slug}/repos/{owner}/{repo}` for a team (204 yes, 404 no), at the
 * integration's `apiBaseUrl`. Returns why not when no GitHub integration has the host (or it has
 * no `apiBaseUrl`), or no credentials are given for the repository.
 */
export async function githubReviewerAccess(
  options: GithubReviewerAccessOptions,
): Promise<GithubReviewerAccess | { unavailable: string }> {
  const { host, owner, repo } = options;
  const integration = options.integrations.github.byHost(host);
  if (!integration) {
    return { unavailable: `no GitHub integration is configured for ${host}` };
  }
  // github.com's is known; a GitHub Enterprise host's API is where its integration says
  const api = integration.config.apiBaseUrl;
  if (!api) {
    return {
      unavailable: `the GitHub integration of ${host} has no apiBaseUrl`,
    };
  }
  const repositoryUrl = `https://${host}/${owner}/${repo}`;
  let headers: Record<string, string>;
  try {
    const credentials = await options.credentialsProvider.getCredentials({
      url: repositoryUrl,
    });
    if (!credentials.headers) {
      return {
        unavailable: `no credentials are configured for ${repositoryUrl}`,
      };
    }
    headers = credentials.headers;
  } catch (error) {
    return {
      unavailable: `no credentials for ${repositoryUrl} (${errorText(error)})`,
    };
  }
  const segment = encodeURIComponent;
  const ask = async (path: string): Promise<ReviewerAccess> => {
    try {
      const response = await fetch(`${api}${path}`, {
        headers: { Accept: 'application/vnd.github+json', ...headers },
      });
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
  return {
    repository: `${owner}/${repo}`,
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
