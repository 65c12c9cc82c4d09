import { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';

/** The git environment that sends `Authorization: Basic user:token` (unseen by process listings). */
function basicAuthEnv(user: string, token: string): Record<string, string> {
  const basic = Buffer.from(`${user}:${token}`).toString('base64');
  return {
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.extraHeader',
    GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}`,
  };
}

/** A repository URL without a `.git` ending or trailing slashes. */
const withoutGitSuffix = (url: string) =>
  url.replace(/\/+$/, '').replace(/\.git$/, '');

/** How git reaches a registry repository, and where its branches are seen. */
export interface RepositoryAccess {
  /** git's environment for a read: the credentials as an `Authorization` header. */
  gitEnv: () => Promise<Record<string, string>>;
  /** A branch's page on the host, for a GitHub or GitLab repository. */
  branchUrl?: (branch: string) => string;
}

/**
 * How git reads `repository`: a GitHub repository with the credentials of its integration (a
 * GitHub App's installation token or the configured token, asked for at each read, as app tokens
 * expire), a GitLab repository with its integration's token, anything else (a local repository)
 * without credentials. The token travels in git's environment, never on its command line.
 *
 * @param config - the root config, with `integrations`
 * @param repository - the repository's URL, or a local path
 */
export function repositoryAccess(
  config: Config,
  repository: string,
): RepositoryAccess {
  const integrations = ScmIntegrations.fromConfig(config);
  const integration = /^https:\/\//i.test(repository)
    ? integrations.byUrl(repository)
    : undefined;
  const web = withoutGitSuffix(repository);
  const branchPath = (branch: string) =>
    branch.split('/').map(encodeURIComponent).join('/');
  if (integration?.type === 'github') {
    const github =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
    return {
      gitEnv: async () => {
        const { token } = await github.getCredentials({ url: repository });
        return token ? basicAuthEnv('x-access-token', token) : {};
      },
      branchUrl: branch => `${web}/tree/${branchPath(branch)}`,
    };
  }
  if (integration?.type === 'gitlab') {
    const token = integrations.gitlab.byUrl(repository)?.config.token;
    return {
      gitEnv: async () => (token ? basicAuthEnv('oauth2', token) : {}),
      branchUrl: branch => `${web}/-/tree/${branchPath(branch)}`,
    };
  }
  return { gitEnv: async () => ({}) };
}
