import {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { errorText } from './errorText';

/**
 * Whose credentials the GitHub API is asked with, which is also who opens a pull request with
 * them: a GitHub App installation's (`app`: its bot), the token of the host's
 * `integrations.github` entry (`token`: the token's user), or a token given to the action
 * (`given`: the token's user; `publish:github:pull-request` uses its `token` input over the
 * integration's credentials).
 */
export type GithubCredentialsKind = 'app' | 'token' | 'given';

/** GitHub's API for one repository, asked with the credentials the publish step would use. */
export interface GithubApi {
  /** The repository's owner, as the request gives it. */
  readonly owner: string;
  /** The repository's name, as the request gives it. */
  readonly repo: string;
  /** The repository, `<owner>/<repo>`, as messages name it. */
  readonly repository: string;
  /** Whose credentials the requests carry. */
  readonly credentials: GithubCredentialsKind;
  /** The credentials, as messages name them (never their value). */
  readonly credentialsName: string;
  /** `GET {apiBaseUrl}{path}` with the credentials; rejects when GitHub cannot be reached. */
  get(path: string): Promise<Response>;
}

/** The repository, the GitHub integration that reaches it, and a token given to the action. */
export interface GithubApiOptions {
  integrations: ScmIntegrationRegistry;
  /** Credentials for the repository (the caller keeps one, which caches the tokens it makes). */
  credentialsProvider: GithubCredentialsProvider;
  host: string;
  owner: string;
  repo: string;
  /** A token to ask with instead of the integration's credentials, as the publish step would. */
  token?: string;
}

/**
 * GitHub's API for a repository, at its integration's `apiBaseUrl`, with the credentials
 * `publish:github:pull-request` would take: the given token, else the integration's (a GitHub
 * App installation's token, else the integration's `token`). Returns why not when no GitHub
 * integration has the host (or it has no `apiBaseUrl`), or no credentials are given for the
 * repository.
 */
export async function githubApi(
  options: GithubApiOptions,
): Promise<GithubApi | { unavailable: string }> {
  const { host, owner, repo, token } = options;
  const integration = options.integrations.github.byHost(host);
  if (!integration) {
    return { unavailable: `no GitHub integration is configured for ${host}` };
  }
  // github.com's is known; a GitHub Enterprise host's API is where its integration says
  const baseUrl = integration.config.apiBaseUrl;
  if (!baseUrl) {
    return {
      unavailable: `the GitHub integration of ${host} has no apiBaseUrl`,
    };
  }
  const repository = `${owner}/${repo}`;
  let headers: Record<string, string>;
  let credentials: GithubCredentialsKind;
  if (token) {
    headers = { Authorization: `Bearer ${token}` };
    credentials = 'given';
  } else {
    const repositoryUrl = `https://${host}/${repository}`;
    try {
      const given = await options.credentialsProvider.getCredentials({
        url: repositoryUrl,
      });
      if (!given.headers) {
        return {
          unavailable: `no credentials are configured for ${repositoryUrl}`,
        };
      }
      headers = given.headers;
      credentials = given.type;
    } catch (error) {
      return {
        unavailable: `no credentials for ${repositoryUrl} (${errorText(
          error,
        )})`,
      };
    }
  }
  const credentialsNames: Record<GithubCredentialsKind, string> = {
    app: `the GitHub App installation's token for ${repository}`,
    token: `the GitHub integration's token for ${repository}`,
    given: "the token given in `token` (the publish step's)",
  };
  return {
    owner,
    repo,
    repository,
    credentials,
    credentialsName: credentialsNames[credentials],
    get: path =>
      fetch(`${baseUrl}${path}`, {
        headers: { Accept: 'application/vnd.github+json', ...headers },
      }),
  };
}
