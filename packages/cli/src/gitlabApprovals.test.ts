import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeApprovalsReport } from './__testUtils__/approvalReports';
import { runInProcess } from './__testUtils__/runInProcess';
import { startFakeGitlab } from './__testUtils__/fakeGitlabApi';

const PROJECT_TOKEN = 'glpat-project-bot';
const GROUP_TOKEN = 'glpat-group-bot';

const USERS = {
  pat: { id: 11, username: 'pat' },
  sam: { id: 12, username: 'sam' },
  maintainer: { id: 13, username: 'maintainer' },
  outsider: { id: 14, username: 'outsider' },
  root: { id: 15, username: 'root-admin' },
};

let cwd: string;
beforeAll(async () => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-gitlab-approvals-'));
  await writeApprovalsReport(cwd, 'diff.json');
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});

async function gitlab(approvedBy: Array<{ id: number; username: string }>) {
  const server = await startFakeGitlab({
    tokens: {
      [PROJECT_TOKEN]: { id: 90, username: 'project_7_bot' },
      [GROUP_TOKEN]: { id: 91, username: 'group_3_bot', seesGroups: true },
    },
    projectId: '7',
    mergeRequestIid: '4',
    approvedBy,
    groups: {
      acme: [USERS.root.id],
      'acme/platform-team': [USERS.pat.id],
      'acme/security': [USERS.sam.id],
    },
  });
  servers.push(server);
  return server;
}

const approvals = (apiUrl: string, token = GROUP_TOKEN) =>
  runInProcess(['gitlab-approvals', 'diff.json'], {
    cwd,
    env: {
      CI_API_V4_URL: apiUrl,
      CI_PROJECT_ID: '7',
      CI_MERGE_REQUEST_PROJECT_ID: '7',
      CI_MERGE_REQUEST_IID: '4',
      CI_PROJECT_ROOT_NAMESPACE: 'acme',
      SERVICE_REGISTRY_GITLAB_TOKEN: token,
    },
  });

describe('service-registry gitlab-approvals', () => {
  it("passes once a member of each required group (a subgroup of the project's top-level group) and the required user have approved", async () => {
    const server = await gitlab([USERS.sam, USERS.pat, USERS.maintainer]);
    const { code, stdout, stderr } = await approvals(server.apiUrl);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'Required approvals of merge request !4: 3 of 3 given',
        '  ✔ @platform-team (breaking): approved by pat (a member of group acme/platform-team)',
        '  ✔ @acme/security (breaking): approved by sam (a member of group acme/security)',
        '  ✔ @Maintainer (version-bump): approved by maintainer',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
    expect(server.requests.every(r => r.token === GROUP_TOKEN)).toBe(true);
  });

  it('counts a member of a parent group, and fails naming who is missing', async () => {
    // root-admin is a member of acme, so of its subgroups; outsider of none
    const server = await gitlab([USERS.root, USERS.outsider]);
    const { code, stdout } = await approvals(server.apiUrl);
    expect(stdout).toContain(
      '  ✔ @platform-team (breaking): approved by root-admin (a member of group acme/platform-team)\n',
    );
    expect(stdout).toContain(
      '  ✘ @Maintainer (version-bump): not approved: no approval by Maintainer or by a member of group acme/Maintainer or group Maintainer\n',
    );
    expect(stdout).toContain('2 of 3 given');
    expect(code).toBe(1);
  });

  it('counts no group member with a project access token, which sees no private group, and says so', async () => {
    const server = await gitlab([USERS.pat, USERS.sam, USERS.maintainer]);
    const { code, stdout } = await approvals(server.apiUrl, PROJECT_TOKEN);
    expect(stdout).toContain('1 of 3 given');
    expect(stdout).toContain('use a group access token of the top-level group');
    expect(code).toBe(1);
  });

  it('tells a refusal of GitLab in one line, without the token', async () => {
    const server = await gitlab([]);
    const { code, stderr } = await approvals(server.apiUrl, 'glpat-wrong');
    expect(code).toBe(2);
    expect(stderr).toContain("cannot read the merge request's approvals");
    expect(stderr).toContain('401');
    expect(stderr).not.toContain('glpat-wrong');
  });

  it('names the pipeline variable it misses', async () => {
    const { code, stderr } = await runInProcess(
      ['gitlab-approvals', 'diff.json'],
      { cwd, env: {} },
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'CI_API_V4_URL is not set: gitlab-approvals runs in a merge request pipeline',
    );
  });
});
