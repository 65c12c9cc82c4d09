import fs from 'node:fs';
import path from 'node:path';
import { createSelfSignedCertificate } from '@service-registry/test-support';
import { useBuiltCli } from './__testUtils__/builtCli';
import { cliAsync } from './__testUtils__/cliProcess';
import { startFakeGithub } from './__testUtils__/fakeGithubApi';
import { startFakeGitlab } from './__testUtils__/fakeGitlabApi';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-private-ca-');

describe('github-comment and gitlab-note on a host with a private certificate authority', () => {
  it('refuse the host until NODE_EXTRA_CA_CERTS names the authority, then post', async () => {
    const certificate = createSelfSignedCertificate(tmp.root);
    fs.writeFileSync(path.join(tmp.root, 'report.md'), '## Report\n');
    fs.writeFileSync(
      path.join(tmp.root, 'event.json'),
      JSON.stringify({ pull_request: { number: 3 } }),
    );
    const gitlab = await startFakeGitlab({
      tokens: { 'glpat-bot': { id: 2, username: 'bot' } },
      projectId: '5',
      mergeRequestIid: '3',
      tls: certificate.tls,
    });
    const github = await startFakeGithub({
      tokens: { ghs_bot: { login: 'github-actions[bot]', type: 'Bot' } },
      repository: 'platform/registry',
      pullRequest: 3,
      tls: certificate.tls,
    });
    const gitlabEnv = {
      CI_API_V4_URL: gitlab.apiUrl,
      CI_MERGE_REQUEST_PROJECT_ID: '5',
      CI_MERGE_REQUEST_IID: '3',
      SERVICE_REGISTRY_GITLAB_TOKEN: 'glpat-bot',
    };
    const githubEnv = {
      GITHUB_API_URL: github.apiUrl,
      GITHUB_REPOSITORY: 'platform/registry',
      GITHUB_EVENT_PATH: path.join(tmp.root, 'event.json'),
      GITHUB_TOKEN: 'ghs_bot',
    };
    try {
      const untrusted = await cliAsync(
        ['gitlab-note', 'report.md'],
        tmp.root,
        gitlabEnv,
      );
      expect(untrusted.code).toBe(2);
      expect(untrusted.stderr).toMatch(
        /GitLab at https:\/\/127\.0\.0\.1:\d+ cannot be reached \(self[- ]signed certificate/,
      );
      expect(gitlab.notes).toEqual([]);

      const trusted = { NODE_EXTRA_CA_CERTS: certificate.file };
      const note = await cliAsync(['gitlab-note', 'report.md'], tmp.root, {
        ...gitlabEnv,
        ...trusted,
      });
      expect(note.stderr).toBe('');
      expect(note.code).toBe(0);
      expect(gitlab.notes).toHaveLength(1);

      const comment = await cliAsync(
        ['github-comment', 'report.md'],
        tmp.root,
        { ...githubEnv, ...trusted },
      );
      expect(comment.stderr).toBe('');
      expect(comment.code).toBe(0);
      expect(github.comments).toHaveLength(1);
    } finally {
      await Promise.all([gitlab.close(), github.close()]);
    }
  });
});
