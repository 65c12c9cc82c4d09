import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  approvalsRegistry,
  writeApprovalsReport,
} from './__testUtils__/approvalReports';
import { runInProcess } from './__testUtils__/runInProcess';
import { FakeReview, startFakeGithub } from './__testUtils__/fakeGithubApi';

const JOB_TOKEN = 'ghs_workflowtoken1234';
const ORG_TOKEN = 'ghp_readorgtoken5678';
// the pull request's head, and a commit pushed before it
const HEAD = 'c0ffee'.padEnd(40, '1');
const EARLIER = 'deadbeef'.padEnd(40, '2');

let cwd: string;
beforeAll(async () => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-github-approvals-'));
  // the reports a workflow's diff step writes
  await writeApprovalsReport(cwd, 'diff.json');
  await writeApprovalsReport(
    cwd,
    'none.json',
    approvalsRegistry(8080, '1.0.0'),
  );
  fs.writeFileSync(
    path.join(cwd, 'review.json'),
    JSON.stringify({ action: 'submitted', pull_request: { number: 7 } }),
  );
  // a pull_request event, as GitHub writes it: the head commit the workflow runs for
  fs.writeFileSync(
    path.join(cwd, 'pushed.json'),
    JSON.stringify({
      action: 'synchronize',
      pull_request: { number: 7, head: { sha: HEAD } },
    }),
  );
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});

async function github(reviews: FakeReview[]) {
  const server = await startFakeGithub({
    tokens: {
      [JOB_TOKEN]: { login: 'github-actions[bot]', type: 'Bot' },
      [ORG_TOKEN]: { login: 'registry-bot', type: 'User', readOrg: true },
    },
    repository: 'acme/registry',
    pullRequest: 7,
    reviews,
    teams: {
      'acme/platform-team': ['pat', 'paula'],
      'acme/security': ['sam'],
    },
  });
  servers.push(server);
  return server;
}

const review = (login: string, state: FakeReview['state']): FakeReview => ({
  user: { login },
  state,
});

const approvals = (
  apiUrl: string,
  token = ORG_TOKEN,
  file = 'diff.json',
  { event = 'review.json', options = [] as string[] } = {},
) =>
  runInProcess(['github-approvals', file, ...options], {
    cwd,
    env: {
      GITHUB_API_URL: apiUrl,
      GITHUB_REPOSITORY: 'acme/registry',
      GITHUB_EVENT_PATH: path.join(cwd, event),
      GITHUB_TOKEN: token,
    },
  });

/** An approval given on a commit. */
const approvalOn = (login: string, commit: string | null): FakeReview => ({
  user: { login },
  state: 'APPROVED',
  commit_id: commit,
});

describe('service-registry github-approvals', () => {
  it('passes once a member of each required team and the required user have approved', async () => {
    const server = await github([
      review('pat', 'APPROVED'),
      review('sam', 'APPROVED'),
      review('maintainer', 'APPROVED'),
    ]);
    const { code, stdout, stderr } = await approvals(server.apiUrl);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'Required approvals of pull request #7: 3 of 3 given',
        '  ✔ @platform-team (breaking): approved by pat (a member of team acme/platform-team)',
        '  ✔ @acme/security (breaking): approved by sam (a member of team acme/security)',
        '  ✔ @Maintainer (version-bump): approved by maintainer',
        '',
      ].join('\n'),
    );
    expect(code).toBe(0);
  });

  it('fails, naming who is missing, while a required approver has not approved', async () => {
    const server = await github([
      review('pat', 'APPROVED'),
      // approved, then asked for changes: no approval
      review('sam', 'APPROVED'),
      review('sam', 'CHANGES_REQUESTED'),
      // a comment after an approval keeps it
      review('maintainer', 'APPROVED'),
      review('maintainer', 'COMMENTED'),
      // not a member of a required team
      review('outsider', 'APPROVED'),
    ]);
    const { code, stdout } = await approvals(server.apiUrl);
    expect(stdout).toContain(
      'Required approvals of pull request #7: 2 of 3 given\n',
    );
    expect(stdout).toContain(
      '  ✘ @acme/security (breaking): not approved: no approval by acme/security or by a member of team acme/security\n',
    );
    expect(stdout).toContain(
      '  ✔ @Maintainer (version-bump): approved by maintainer\n',
    );
    expect(stdout).toContain('1 required approver has not approved');
    expect(code).toBe(1);
  });

  it('takes back an approval that was dismissed', async () => {
    const server = await github([
      review('pat', 'APPROVED'),
      review('sam', 'APPROVED'),
      review('maintainer', 'APPROVED'),
      review('maintainer', 'DISMISSED'),
    ]);
    const { code, stdout } = await approvals(server.apiUrl);
    expect(stdout).toContain(
      '  ✘ @Maintainer (version-bump): not approved: no approval by Maintainer or by a member of team acme/maintainer\n',
    );
    expect(code).toBe(1);
  });

  it("counts no team member with a job's GITHUB_TOKEN, which cannot read teams, and says so", async () => {
    const server = await github([
      review('pat', 'APPROVED'),
      review('sam', 'APPROVED'),
      review('maintainer', 'APPROVED'),
    ]);
    const { code, stdout } = await approvals(server.apiUrl, JOB_TOKEN);
    expect(stdout).toContain('1 of 3 given');
    expect(stdout).toContain('give the step a token with read:org');
    expect(code).toBe(1);
    expect(server.requests.every(r => r.auth === `Bearer ${JOB_TOKEN}`)).toBe(
      true,
    );
  });

  it("fails with exit 2 when GitHub's rate limit answers a team look-up, rather than counting the member out", async () => {
    const server = await startFakeGithub({
      tokens: {
        [ORG_TOKEN]: { login: 'registry-bot', type: 'User', readOrg: true },
      },
      repository: 'acme/registry',
      pullRequest: 7,
      reviews: [review('pat', 'APPROVED'), review('maintainer', 'APPROVED')],
      teams: { 'acme/platform-team': ['pat'] },
      rateLimitTeams: true,
    });
    servers.push(server);
    const { code, stdout, stderr } = await approvals(server.apiUrl);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'GitHub answered 403 (You have exceeded a secondary rate limit.',
    );
    expect(stderr).toContain(
      'GitHub limits the rate of requests: run the job again later',
    );
  });

  it('reads every page of a long review history', async () => {
    const chatter = Array.from({ length: 250 }, (_, i) =>
      review(`dev${i % 5}`, 'COMMENTED'),
    );
    const server = await github([
      ...chatter,
      review('pat', 'APPROVED'),
      review('sam', 'APPROVED'),
      review('maintainer', 'APPROVED'),
    ]);
    const { code } = await approvals(server.apiUrl);
    expect(code).toBe(0);
    expect(
      server.requests.filter(r => r.path.endsWith('/pulls/7/reviews')),
    ).toHaveLength(3);
  });

  it('passes without asking GitHub for reviews when the change requires no approval', async () => {
    const server = await github([]);
    const { code, stdout } = await approvals(
      server.apiUrl,
      ORG_TOKEN,
      'none.json',
    );
    expect(stdout).toBe(
      'The change of pull request #7 requires no approval.\n',
    );
    expect(code).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it('refuses a file that is not the JSON report of diff, naming what is wrong', async () => {
    fs.writeFileSync(path.join(cwd, 'report.md'), '## Change report\n');
    fs.writeFileSync(
      path.join(cwd, 'validate.json'),
      JSON.stringify({ command: 'validate', findings: [] }),
    );
    const server = await github([]);
    const markdown = await approvals(server.apiUrl, ORG_TOKEN, 'report.md');
    expect(markdown.code).toBe(2);
    expect(markdown.stderr).toMatch(
      /^service-registry: report\.md is not JSON \(.*\): write it with service-registry diff … --format json\n$/,
    );
    const validate = await approvals(server.apiUrl, ORG_TOKEN, 'validate.json');
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain(
      'validate.json is not the JSON report of service-registry diff: command:',
    );
    const missing = await approvals(server.apiUrl, ORG_TOKEN, 'gone.json');
    expect(missing.stderr).toContain(
      'gone.json does not exist: write the report first (service-registry diff … --format json > gone.json)',
    );
    expect(server.requests).toEqual([]);
  });

  it('asks GitHub about no team an approver cannot name, such as a path out of the organisation', async () => {
    fs.writeFileSync(
      path.join(cwd, 'odd.json'),
      JSON.stringify({
        command: 'diff',
        diff: {
          requiredApprovals: [
            { approver: '@../../user', reasons: [{ kind: 'breaking' }] },
            { approver: '@two words', reasons: [{ kind: 'breaking' }] },
          ],
        },
      }),
    );
    const server = await github([review('pat', 'APPROVED')]);
    const { code, stdout } = await approvals(
      server.apiUrl,
      ORG_TOKEN,
      'odd.json',
    );
    expect(stdout).toContain(
      '  ✘ @../../user (breaking): not approved: no approval by ../../user\n',
    );
    expect(stdout).toContain('0 of 2 given');
    expect(code).toBe(1);
    expect(server.requests.map(r => r.path)).toEqual([
      '/repos/acme/registry/pulls/7/reviews',
    ]);
  });

  it('needs the report as its one argument', async () => {
    const none = await runInProcess(['github-approvals'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      'github-approvals needs a file: the JSON report of diff',
    );
    const two = await runInProcess(['github-approvals', 'a.json', 'b.json'], {
      cwd,
    });
    expect(two.code).toBe(2);
  });

  it('tells a refusal of GitHub in one line, without the token', async () => {
    const server = await github([]);
    const { code, stderr } = await approvals(server.apiUrl, 'ghp_wrong');
    expect(code).toBe(2);
    expect(stderr).toContain("cannot read the pull request's reviews");
    expect(stderr).toContain('401');
    expect(stderr).not.toContain('ghp_wrong');
  });
  describe('--ignore-stale-approvals', () => {
    /** The check with the option, on an event that names the head commit. */
    const approvalsOnHead = (apiUrl: string) =>
      approvals(apiUrl, ORG_TOKEN, 'diff.json', {
        event: 'pushed.json',
        options: ['--ignore-stale-approvals'],
      });

    it('counts no approval given before the last push, and names who gave one', async () => {
      const server = await github([
        approvalOn('pat', EARLIER),
        approvalOn('sam', HEAD),
        // approved an earlier commit, then commented on the head: still stale
        approvalOn('maintainer', EARLIER),
        { ...review('maintainer', 'COMMENTED'), commit_id: HEAD },
      ]);
      const { code, stdout, stderr } = await approvalsOnHead(server.apiUrl);
      expect(stderr).toBe('');
      expect(stdout).toBe(
        [
          'Required approvals of pull request #7: 1 of 3 given',
          '  ✘ @platform-team (breaking): not approved: no approval by platform-team or by a member of team acme/platform-team',
          '  ✔ @acme/security (breaking): approved by sam (a member of team acme/security)',
          '  ✘ @Maintainer (version-bump): not approved: no approval by Maintainer or by a member of team acme/maintainer',
          "2 required approvers have not approved: ask them for a review. A team's member counts only when the token can read the team (a job's GITHUB_TOKEN cannot: give the step a token with read:org).",
          'Approvals given before the last push do not count (--ignore-stale-approvals; the head is at c0ffee111111): pat (deadbeef2222), maintainer (deadbeef2222) approved an earlier commit; ask them to approve again.',
          '',
        ].join('\n'),
      );
      expect(code).toBe(1);
    });

    it('passes once the stale approvers approve the head again', async () => {
      const server = await github([
        approvalOn('pat', EARLIER),
        approvalOn('sam', HEAD),
        approvalOn('maintainer', EARLIER),
        // GitHub may no longer know the commit of an old review
        approvalOn('paula', null),
        approvalOn('pat', HEAD),
        approvalOn('maintainer', HEAD),
      ]);
      const { code, stdout } = await approvalsOnHead(server.apiUrl);
      expect(stdout).toContain('3 of 3 given');
      expect(stdout).toContain(
        'approved by pat (a member of team acme/platform-team)',
      );
      // nothing is missing: the stale approval of paula is not worth a word
      expect(stdout).not.toContain('before the last push');
      expect(code).toBe(0);
    });

    it('counts an approval without a known commit as stale', async () => {
      const server = await github([
        approvalOn('pat', HEAD),
        approvalOn('sam', HEAD),
        approvalOn('maintainer', null),
      ]);
      const { code, stdout } = await approvalsOnHead(server.apiUrl);
      expect(stdout).toContain('2 of 3 given');
      expect(stdout).toContain(
        ': maintainer approved an earlier commit; ask them to approve again.\n',
      );
      expect(code).toBe(1);
    });

    it('counts the same approvals without the option, as GitHub shows them', async () => {
      const server = await github([
        approvalOn('pat', EARLIER),
        approvalOn('sam', HEAD),
        approvalOn('maintainer', EARLIER),
      ]);
      const { code, stdout } = await approvals(
        server.apiUrl,
        ORG_TOKEN,
        'diff.json',
        { event: 'pushed.json' },
      );
      expect(stdout).toContain('3 of 3 given');
      expect(code).toBe(0);
    });

    it('refuses to run when the event names no head commit, before asking GitHub', async () => {
      const server = await github([approvalOn('pat', HEAD)]);
      const { code, stdout, stderr } = await approvals(
        server.apiUrl,
        ORG_TOKEN,
        'diff.json',
        { options: ['--ignore-stale-approvals'] },
      );
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        "--ignore-stale-approvals needs the head commit of pull request #7, and the workflow's event names none (pull_request.head.sha)",
      );
      expect(server.requests).toEqual([]);
    });

    it('is an option of github-approvals only', async () => {
      const { code, stderr } = await runInProcess(
        ['gitlab-approvals', 'diff.json', '--ignore-stale-approvals'],
        { cwd },
      );
      expect(code).toBe(2);
      expect(stderr).toContain(
        '--ignore-stale-approvals is not an option of gitlab-approvals',
      );
    });
  });
});
