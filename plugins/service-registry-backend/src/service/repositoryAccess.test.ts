import { ConfigReader } from '@backstage/config';
import { repositoryAccess } from './repositoryAccess';

const config = new ConfigReader({
  integrations: {
    github: [{ host: 'github.com', token: 'ghp_registrytoken' }],
    gitlab: [
      {
        host: 'gitlab.example.com',
        apiBaseUrl: 'https://gitlab.example.com/api/v4',
        token: 'glpat-registrytoken',
      },
    ],
  },
});

const header = (user: string, token: string) =>
  `Authorization: Basic ${Buffer.from(`${user}:${token}`).toString('base64')}`;

describe('repositoryAccess', () => {
  it("sends a GitHub repository's integration token as a header in git's environment, and links its branches", async () => {
    const access = repositoryAccess(
      config,
      'https://github.com/acme/registry.git',
    );
    expect(await access.gitEnv()).toEqual({
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: header('x-access-token', 'ghp_registrytoken'),
    });
    expect(access.branchUrl?.('service-registry/add-a b')).toBe(
      'https://github.com/acme/registry/tree/service-registry/add-a%20b',
    );
  });

  it("sends a GitLab repository's integration token, and links its branches", async () => {
    const access = repositoryAccess(
      config,
      'https://gitlab.example.com/platform/registry',
    );
    expect((await access.gitEnv()).GIT_CONFIG_VALUE_0).toBe(
      header('oauth2', 'glpat-registrytoken'),
    );
    expect(access.branchUrl?.('service-registry/x')).toBe(
      'https://gitlab.example.com/platform/registry/-/tree/service-registry/x',
    );
  });

  it('sends nothing to a local repository, nor to a host no integration names', async () => {
    for (const repository of [
      '/srv/registry.git',
      'https://git.example.org/registry',
    ]) {
      const access = repositoryAccess(config, repository);
      expect(await access.gitEnv()).toEqual({});
      expect(access.branchUrl).toBeUndefined();
    }
  });
});
