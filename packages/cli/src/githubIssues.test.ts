import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInProcess } from './__testUtils__/runInProcess';
import { writeDiffReport } from './__testUtils__/diffReportFile';
import { writeFiles } from './__testUtils__/cliProcess';
import {
  FakeIssue,
  FakeRepository,
  startFakeGithubIssues,
} from './__testUtils__/fakeGithubIssues';

const APP_TOKEN = 'ghs_installationtoken1234';
const USER_TOKEN = 'github_pat_platformbot1234';
const APP = { login: 'registry-app[bot]', type: 'Bot' as const };
const SHA = 'a'.repeat(40);

/** A global shared-auth, and the services that use it, each in its own repository or none. */
function catalog(version: string, port = 8443) {
  return `
[service.shared-auth]
owner = "platform-team"
version = "${version}"
port = ${port}
[service.shared-auth.governance]
approvers = ["@platform-team"]
[service.shared-auth.migration]
guide_url = "https://wiki.example.com/shared-auth (v2)"

[service.gateway]
owner = "edge-team"
version = "1.0.0"
repository = "https://github.com/acme/gateway"
[service.gateway.dependencies]
requires = ["shared-auth@^1.0"]
`;
}

const PROJECT = `
[project]
name = "Project A"
owner = "team-a"

[service.pa-api]
version = "1.0.0"
repository = "https://github.com/acme/project-a/tree/main/api"
[service.pa-api.dependencies]
requires = ["shared-auth"]

[service.pa-web]
version = "1.0.0"
repository = "https://github.com/acme/project-a.git"
[service.pa-web.dependencies]
requires = ["shared-auth"]

[service.pa-worker]
version = "1.0.0"
repository = "https://github.com/acme/pa-worker"
[service.pa-worker.dependencies]
optional = ["shared-auth"]

[service.pa-job]
version = "1.0.0"
repository = "https://gitlab.example.com/acme/pa-job"
[service.pa-job.dependencies]
requires = ["shared-auth"]

[service.pa-cron]
version = "1.0.0"
[service.pa-cron.dependencies]
requires = ["shared-auth"]
`;

let cwd: string;

/** Writes a registry of the catalog and project-a's services into the folder `dir` of `cwd`. */
function writeRegistry(dir: string, catalogToml: string) {
  writeFiles(path.join(cwd, dir), {
    'services/catalog.toml': catalogToml,
    'projects/project-a/services.toml': PROJECT,
  });
}

beforeAll(async () => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-github-issues-'));
  writeRegistry('base', catalog('1.2.3'));
  writeRegistry('head', catalog('2.0.0'));
  writeRegistry('head-port', catalog('2.0.0', 9443));
  await writeDiffReport(cwd, 'base', 'head', 'report.json');
  await writeDiffReport(cwd, 'base', 'head-port', 'report-port.json');
  await writeDiffReport(cwd, 'base', 'base', 'report-none.json');
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});

async function github(repositories: Record<string, FakeRepository>) {
  const server = await startFakeGithubIssues({
    tokens: {
      [APP_TOKEN]: APP,
      [USER_TOKEN]: { login: 'platform-bot', type: 'User' },
    },
    repositories,
  });
  servers.push(server);
  return server;
}

/** The repositories of the consumers, with no issue yet. */
const emptyRepositories = (): Record<string, FakeRepository> => ({
  'acme/gateway': { issues: [] },
  'acme/project-a': { issues: [] },
  'acme/pa-worker': { issues: [] },
});

/** The variables of a GitHub Actions job on a push to the registry's main branch. */
function job(apiUrl: string, token = APP_TOKEN) {
  return {
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/registry',
    GITHUB_SHA: SHA,
    GITHUB_TOKEN: token,
  };
}

const issues = (
  env: NodeJS.ProcessEnv,
  file = 'report.json',
  ...more: string[]
) =>
  runInProcess(['github-issues', file, path.join(cwd, 'head'), ...more], {
    cwd,
    env,
  });

const UNTOLD = [
  'Not told: pa-cron (project project-a, owner team-a) uses shared-auth, but it declares no repository',
  'Not told: pa-job (project project-a, owner team-a) uses shared-auth, but its repository is not on the GitHub server (GITHUB_SERVER_URL)',
];

describe('service-registry github-issues', () => {
  it('opens one issue per consumer repository and changed service, then keeps it up to date instead of opening another', async () => {
    const server = await github(emptyRepositories());
    const first = await issues(job(server.apiUrl));
    expect(first).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Opened acme/gateway#1: shared-auth (major-version-bump) for gateway https://github.com/acme/gateway/issues/1',
        'Opened acme/pa-worker#1: shared-auth (major-version-bump) for pa-worker (optional) https://github.com/acme/pa-worker/issues/1',
        'Opened acme/project-a#1: shared-auth (major-version-bump) for pa-api, pa-web https://github.com/acme/project-a/issues/1',
        ...UNTOLD,
        '',
      ].join('\n'),
    });
    const [issue] = server.issuesOf('acme/project-a');
    expect(issue.title).toBe(
      'Breaking change of shared-auth: major-version-bump',
    );
    expect(issue.user).toEqual(APP);
    // the consumers of this repository, what changes, the guide, the approvers, the commit
    expect(issue.body).toContain(
      '| `pa-api` | `project-a` | requires it | `team-a` |',
    );
    expect(issue.body).toContain(
      '| `pa-web` | `project-a` | requires it | `team-a` |',
    );
    expect(issue.body).not.toContain('gateway');
    expect(issue.body).toContain(
      '- `major-version-bump`: Service "shared-auth" goes from 1.2.3 to 2.0.0',
    );
    expect(issue.body).toContain(
      '[https://wiki.example.com/shared-auth (v2)](https://wiki.example.com/shared-auth%20%28v2%29)',
    );
    expect(issue.body).toContain('`@platform-team`');
    expect(issue.body).toContain(
      `https://github.com/acme/registry/commit/${SHA}`,
    );
    expect(issue.body.trimEnd()).toMatch(
      /<!-- service-registry:breaking-change:shared-auth -->$/,
    );
    expect(server.issuesOf('acme/pa-worker')[0].body).toContain(
      '| `pa-worker` | `project-a` | optionally (degrades, does not break) | `team-a` |',
    );

    // the same change again (a re-run of the job): nothing to write
    const again = await issues(job(server.apiUrl));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      'Up to date: acme/project-a#1: shared-auth (major-version-bump) for pa-api, pa-web',
    );
    expect(server.requests.filter(r => r.method !== 'GET')).toHaveLength(3);
    expect(server.commentsOf('acme/project-a', 1)).toEqual([]);

    // a later change of shared-auth while the issues are open: the same issues, brought up to date
    const later = await issues(job(server.apiUrl), 'report-port.json');
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(
      'Updated acme/project-a#1: shared-auth (port-changed, major-version-bump) for pa-api, pa-web',
    );
    expect(server.issuesOf('acme/project-a')).toHaveLength(1);
    expect(server.issuesOf('acme/project-a')[0]).toMatchObject({
      title: 'Breaking change of shared-auth: port-changed, major-version-bump',
      body: expect.stringContaining('- `port-changed`: '),
    });
    // an edited description notifies no one: a comment says what is new
    expect(server.commentsOf('acme/project-a', 1)).toEqual([
      {
        login: APP.login,
        body: [
          `This issue is brought up to date with the registry's change https://github.com/acme/registry/commit/${SHA}: the breaking changes of \`shared-auth\` that reach this repository are now \`port-changed\`, \`major-version-bump\`, for \`pa-api\`, \`pa-web\`.`,
          '',
          "The description above says what changes and what to do; its earlier text is in the issue's edit history.",
          '',
        ].join('\n'),
      },
    ]);
    // once a comment per run that changes the issue
    const rerun = await issues(job(server.apiUrl), 'report-port.json');
    expect(rerun.stdout).toContain('Up to date: acme/project-a#1:');
    expect(server.commentsOf('acme/project-a', 1)).toHaveLength(1);
  });

  it("never edits a person's issue that quotes the marker, another app's, a closed one or a pull request", async () => {
    const marker = '<!-- service-registry:breaking-change:shared-auth -->';
    const others: FakeIssue[] = [
      {
        number: 1,
        title: 'Pasted from the registry',
        body: `the bot said:\n\n${marker}`,
        state: 'open',
        user: { login: 'alice', type: 'User' },
      },
      {
        number: 2,
        title: 'Breaking change of shared-auth: port-changed',
        body: `old\n\n${marker}`,
        state: 'closed',
        user: { login: 'platform-bot', type: 'User' },
      },
      {
        number: 4,
        title: 'Breaking change of shared-auth: major-version-bump',
        body: `another app's issue\n\n${marker}`,
        state: 'open',
        user: { login: 'other-app[bot]', type: 'Bot' },
      },
      {
        number: 3,
        title: 'Bump shared-auth',
        body: `a pull request\n\n${marker}`,
        state: 'open',
        user: { login: 'platform-bot', type: 'User' },
        pullRequest: true,
      },
    ];
    const server = await github({
      ...emptyRepositories(),
      'acme/project-a': { issues: others.map(i => ({ ...i })) },
    });
    // a person's token (GET /user names it): only that user's issues count
    const run = await issues(job(server.apiUrl, USER_TOKEN));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Opened acme/project-a#5:');
    expect(server.issuesOf('acme/project-a').slice(0, 4)).toEqual(others);
    expect(server.issuesOf('acme/project-a')[4].user.login).toBe(
      'platform-bot',
    );
  });

  it('finds its open issue past the first page of open issues', async () => {
    const first = await github(emptyRepositories());
    await issues(job(first.apiUrl));
    const [ours] = first.issuesOf('acme/project-a');
    // 150 newer issues of people: GitHub lists the newest first, 100 a page
    const people: FakeIssue[] = Array.from({ length: 150 }, (_, i) => ({
      number: i + 2,
      title: `Bug ${i}`,
      body: 'something is wrong',
      state: 'open',
      user: { login: 'alice', type: 'User' },
    }));
    const server = await github({
      ...emptyRepositories(),
      'acme/project-a': { issues: [{ ...ours }, ...people] },
    });
    const run = await issues(job(server.apiUrl), 'report-port.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Updated acme/project-a#1:');
    expect(server.issuesOf('acme/project-a')).toHaveLength(151);
    expect(
      server.requests.filter(
        r => r.method === 'GET' && r.path === '/repos/acme/project-a/issues',
      ),
    ).toHaveLength(2);
  });

  it('tells every repository it can, then exits 2 naming those that refused and why', async () => {
    const server = await github({
      'acme/gateway': { issues: [], issuesDisabled: true },
      'acme/project-a': { issues: [] },
      // acme/pa-worker: unknown to GitHub, or the token cannot see it
    });
    const run = await issues(job(server.apiUrl));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Opened acme/project-a#1:');
    expect(run.stderr).toBe(
      [
        'service-registry: cannot read the open issues of acme/gateway: GitHub answered 410 (Issues are disabled for this repo); the repository has issues turned off',
        "service-registry: cannot read the open issues of acme/pa-worker: GitHub answered 404 (Not Found); GitHub does not find the repository, or the token cannot see it: check the consuming service's repository in the registry and the token's repositories",
        '',
      ].join('\n'),
    );
  });

  it('prints the issues with --dry-run, without a token or a request', async () => {
    const run = await issues({}, 'report.json', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      [
        'Would open or update an issue in acme/project-a: shared-auth (major-version-bump) for pa-api, pa-web',
        '',
        '  title: Breaking change of shared-auth: major-version-bump',
        '',
        `The service registry has 1 breaking change of \`shared-auth\` that services of this repository use (\`${path.join(
          cwd,
          'base',
        )}\` → \`${path.join(cwd, 'head')}\`).`,
        '',
      ].join('\n'),
    );
    expect(run.stdout).toContain(UNTOLD.join('\n'));
  });

  it('opens nothing when the change breaks nothing', async () => {
    const server = await github(emptyRepositories());
    const run = await issues(job(server.apiUrl), 'report-none.json');
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: 'No breaking change: no issue to open.\n',
    });
    expect(server.requests).toEqual([]);
  });

  it('refuses to run without a token, or on a file that is not the JSON report of diff', async () => {
    const noToken = await issues({});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain(
      "GITHUB_TOKEN is not set: give the step a token that may open issues in the consumers' repositories (issues: write)",
    );
    fs.writeFileSync(path.join(cwd, 'validate.json'), '{"command":"validate"}');
    const wrong = await issues({}, 'validate.json', '--dry-run');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'validate.json is not the JSON report of service-registry diff: command:',
    );
  });

  it('refuses a token GitHub does not accept, and never prints it', async () => {
    const server = await github(emptyRepositories());
    const run = await issues(
      job(server.apiUrl, 'ghp_revokedtoken0000000000000000000000'),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('GitHub answered 401 (Bad credentials)');
    expect(run.stderr).not.toContain('ghp_revoked');
  });
});
