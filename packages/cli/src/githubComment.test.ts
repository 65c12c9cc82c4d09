import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPORT_MARKER } from './lib/reportMarker';
import { runInProcess } from './__testUtils__/runInProcess';
import { FakeComment, startFakeGithub } from './__testUtils__/fakeGithubApi';

const TOKEN = 'ghs_workflowtoken1234';
const BOT = { login: 'github-actions[bot]', type: 'Bot' as const };
const REPORT =
  '## Service registry change report\n\n- Changed `shared-auth`: `port`\n';

let cwd: string;
beforeAll(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-github-comment-'));
  fs.writeFileSync(path.join(cwd, 'report.md'), REPORT);
  fs.writeFileSync(
    path.join(cwd, 'pull_request.json'),
    JSON.stringify({ action: 'synchronize', pull_request: { number: 7 } }),
  );
  fs.writeFileSync(
    path.join(cwd, 'push.json'),
    JSON.stringify({ ref: 'refs/heads/main' }),
  );
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});

async function github(
  comments: FakeComment[] = [],
  readOnly = false,
  htmlUrl?: (id: number) => string,
) {
  const server = await startFakeGithub({
    tokens: { [TOKEN]: { ...BOT, readOnly } },
    repository: 'platform/registry',
    pullRequest: 7,
    comments,
    htmlUrl,
  });
  servers.push(server);
  return server;
}

/** The variables of a GitHub Actions job of pull request #7 of platform/registry. */
function workflow(
  apiUrl: string,
  overrides: Record<string, string | undefined> = {},
) {
  return {
    GITHUB_API_URL: apiUrl,
    GITHUB_REPOSITORY: 'platform/registry',
    GITHUB_EVENT_PATH: path.join(cwd, 'pull_request.json'),
    GITHUB_TOKEN: TOKEN,
    ...overrides,
  };
}

const comment = (env: NodeJS.ProcessEnv, file = 'report.md') =>
  runInProcess(['github-comment', file], { cwd, env });

/** A comment of another workflow of the repository: the same bot, another report. */
const COVERAGE: FakeComment = {
  id: 1,
  body: '## Coverage\n\n87% of lines',
  user: BOT,
};

describe('service-registry github-comment', () => {
  it("posts the report as the pull request's comment, then replaces that comment's text on the next run", async () => {
    const server = await github([COVERAGE]);
    const first = await comment(workflow(server.apiUrl));
    expect(first).toEqual({
      code: 0,
      stdout:
        'Posted the comment of pull request #7: https://github.com/platform/registry/pull/7#issuecomment-101\n',
      stderr: '',
    });
    expect(server.comments[1].body).toBe(`${REPORT}\n${REPORT_MARKER}\n`);

    fs.writeFileSync(path.join(cwd, 'changed.md'), `${REPORT}- Removed x\n`);
    const second = await comment(workflow(server.apiUrl), 'changed.md');
    expect(second.stdout).toBe(
      'Updated the comment of pull request #7: https://github.com/platform/registry/pull/7#issuecomment-101\n',
    );
    expect(second.code).toBe(0);
    expect(server.comments.map(c => c.id)).toEqual([1, 101]);
    expect(server.comments[1].body).toContain('- Removed x');
    expect(server.requests.every(r => r.auth === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("never edits another workflow's comment of the same bot, even when it is the bot's last one (gh pr comment --edit-last would)", async () => {
    const server = await github([
      { id: 1, body: `old report\n\n${REPORT_MARKER}\n`, user: BOT },
      { ...COVERAGE, id: 2 },
    ]);
    const { code, stdout } = await comment(workflow(server.apiUrl));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Updated the comment .*#issuecomment-1\n$/);
    expect(server.comments[1].body).toBe(COVERAGE.body);
    expect(server.comments[0].body).toContain(
      '## Service registry change report',
    );
  });

  it('finds its comment on a later page of a long discussion', async () => {
    const chatter = Array.from(
      { length: 230 },
      (_, i): FakeComment => ({
        id: i + 2,
        body: `comment ${i}`,
        user: { login: `dev${i % 3}`, type: 'User' },
      }),
    );
    const server = await github([
      ...chatter.slice(0, 150),
      { id: 500, body: `old\n\n${REPORT_MARKER}`, user: BOT },
      ...chatter.slice(150).map(c => ({ ...c, id: c.id + 1000 })),
    ]);
    const { code, stdout } = await comment(workflow(server.apiUrl));
    expect(stdout).toMatch(/^Updated .*#issuecomment-500\n$/);
    expect(code).toBe(0);
    expect(server.comments).toHaveLength(231);
  });

  it('posts a new comment when it may not edit the one it found', async () => {
    const server = await github([
      {
        id: 1,
        body: `old report\n\n${REPORT_MARKER}\n`,
        user: { login: 'someone', type: 'User' },
        editable: false,
      },
    ]);
    const { code, stdout } = await comment(workflow(server.apiUrl));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Posted /);
    expect(server.comments[0].body).toBe(`old report\n\n${REPORT_MARKER}\n`);
    expect(server.comments).toHaveLength(2);
  });

  it("never replaces a person's comment that carries the report's marker, even when the token may edit it", async () => {
    // a reviewer pasted an earlier report, marker and all, into a comment of their own
    const pasted = `As the report said:\n\nold report\n\n${REPORT_MARKER}\n`;
    const server = await github([
      { id: 1, body: pasted, user: { login: 'reviewer', type: 'User' } },
    ]);
    const { code, stdout } = await comment(workflow(server.apiUrl));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Posted .*#issuecomment-101\n$/);
    expect(server.comments[0].body).toBe(pasted);
    expect(server.requests.some(r => r.method === 'PATCH')).toBe(false);
  });

  it("with a person's token, replaces that person's own report, not another one's", async () => {
    const PAT = 'ghp_releasetoken5678';
    const server = await startFakeGithub({
      tokens: { [PAT]: { login: 'release-user', type: 'User' } },
      repository: 'platform/registry',
      pullRequest: 7,
      comments: [
        {
          id: 1,
          body: `old report\n\n${REPORT_MARKER}\n`,
          user: { login: 'release-user', type: 'User' },
        },
        {
          id: 2,
          body: `pasted\n\n${REPORT_MARKER}\n`,
          user: { login: 'reviewer', type: 'User' },
        },
        {
          id: 3,
          body: `a bot's\n\n${REPORT_MARKER}\n`,
          user: BOT,
        },
      ],
    });
    servers.push(server);
    const { code, stdout } = await comment(
      workflow(server.apiUrl, { GITHUB_TOKEN: PAT }),
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Updated .*#issuecomment-1\n$/);
    expect(server.comments.map(c => c.body)).toEqual([
      `${REPORT}\n${REPORT_MARKER}\n`,
      `pasted\n\n${REPORT_MARKER}\n`,
      `a bot's\n\n${REPORT_MARKER}\n`,
    ]);
  });

  it("with a fork's read-only token: exit 2, naming the permission the job needs", async () => {
    const server = await github([], true);
    const { code, stderr } = await comment(workflow(server.apiUrl));
    expect(code).toBe(2);
    expect(stderr).toContain(
      'cannot comment on the pull request: GitHub answered 403 (Resource not accessible by integration); the token may not comment on the pull request: give the job permissions: pull-requests: write',
    );
    expect(server.comments).toEqual([]);
  });

  it('with a token GitHub does not accept: exit 2, and the token is never printed', async () => {
    const server = await github();
    const { code, stdout, stderr } = await comment(
      workflow(server.apiUrl, { GITHUB_TOKEN: 'ghp_revokedtoken5678' }),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'cannot read whose token it is: GitHub answered 401 (Bad credentials); GitHub does not accept the token',
    );
    expect(stdout + stderr).not.toContain('ghp_revokedtoken5678');
  });

  it('outside a pull request, or without the token: exit 2 with what to set, and no request', async () => {
    const server = await github();
    const push = await comment(
      workflow(server.apiUrl, {
        GITHUB_EVENT_PATH: path.join(cwd, 'push.json'),
      }),
    );
    expect(push.code).toBe(2);
    expect(push.stderr).toContain(
      "the workflow's event names no pull request: github-comment runs in a GitHub Actions workflow of a pull request (on: pull_request)",
    );
    const noToken = await comment(
      workflow(server.apiUrl, { GITHUB_TOKEN: undefined }),
    );
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain(
      'GITHUB_TOKEN is not set: give the step env: GITHUB_TOKEN: ${{ github.token }}',
    );
    const badRepo = await comment(
      workflow(server.apiUrl, { GITHUB_REPOSITORY: '../../orgs/x' }),
    );
    expect(badRepo.stderr).toContain(
      'GITHUB_REPOSITORY must be owner/repo, got ../../orgs/x',
    );
    expect(server.requests).toEqual([]);
  });

  it('prints what the host answers as data: a line of it never acts as a workflow command in the log', async () => {
    const server = await github(
      [],
      false,
      id => `https://ghe.test/c/${id}\n::add-mask::x`,
    );
    const { code, stdout } = await comment(workflow(server.apiUrl));
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Posted the comment of pull request #7: https:\/\/ghe\.test\/c\/101\n/,
    );
    expect(stdout).not.toMatch(/^::/m);
  });

  it('refuses a report larger than a comment takes, before any request', async () => {
    const server = await github();
    fs.writeFileSync(path.join(cwd, 'huge.md'), 'x'.repeat(70_000));
    const { code, stderr } = await comment(workflow(server.apiUrl), 'huge.md');
    expect(code).toBe(2);
    expect(stderr).toContain(
      'huge.md has 70000 characters, more than a GitHub comment takes (65536)',
    );
    expect(server.requests).toEqual([]);
  });
});
