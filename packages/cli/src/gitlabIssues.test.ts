import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInProcess } from './__testUtils__/runInProcess';
import { writeDiffReport } from './__testUtils__/diffReportFile';
import { writeFiles } from './__testUtils__/cliProcess';
import {
  FakeGitlabIssue,
  FakeGitlabProject,
  startFakeGitlabIssues,
} from './__testUtils__/fakeGitlabIssues';

const TOKEN = 'glpat-registry-issues';
const BOT = { id: 41, username: 'registry-bot' };
const SHA = 'b'.repeat(40);
const MARKER = '<!-- service-registry:breaking-change:shared-auth -->';

function catalog(version: string) {
  return `
[service.shared-auth]
owner = "platform-team"
version = "${version}"

[service.gateway]
owner = "edge-team"
repository = "https://gitlab.example.com/acme/gateway"
[service.gateway.dependencies]
requires = ["shared-auth"]
`;
}

const PROJECT = `
[project]
owner = "team-a"

[service.pa-api]
repository = "https://gitlab.example.com/acme/shop/project-a/-/tree/main/api"
[service.pa-api.dependencies]
requires = ["shared-auth"]

[service.pa-web]
repository = "https://gitlab.example.com/acme/shop/project-a.git"
[service.pa-web.dependencies]
requires = ["shared-auth"]

[service.pa-job]
repository = "https://github.com/acme/pa-job"
[service.pa-job.dependencies]
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
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-gitlab-issues-'));
  writeRegistry('base', catalog('1.2.3'));
  writeRegistry('head', catalog('2.0.0'));
  await writeDiffReport(cwd, 'base', 'head', 'report.json');
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});

async function gitlab(projects: Record<string, FakeGitlabProject>) {
  const server = await startFakeGitlabIssues({
    tokens: { [TOKEN]: BOT },
    projects,
  });
  servers.push(server);
  return server;
}

/** The variables of a GitLab pipeline of the registry's default branch. */
function pipeline(apiUrl: string) {
  return {
    CI_SERVER_URL: 'https://gitlab.example.com',
    CI_API_V4_URL: apiUrl,
    CI_PROJECT_URL: 'https://gitlab.example.com/platform/registry',
    CI_COMMIT_SHA: SHA,
    SERVICE_REGISTRY_GITLAB_TOKEN: TOKEN,
  };
}

const issues = (env: NodeJS.ProcessEnv, ...more: string[]) =>
  runInProcess(
    ['gitlab-issues', 'report.json', path.join(cwd, 'head'), ...more],
    { cwd, env },
  );

const UNTOLD =
  'Not told: pa-job (project project-a, owner team-a) uses shared-auth, but its repository is not on the GitLab server (CI_SERVER_URL)\n';

describe('service-registry gitlab-issues', () => {
  it("opens one issue per consumer project, subgroups included, then keeps it up to date; another user's and closed issues are left alone", async () => {
    const others: FakeGitlabIssue[] = [
      {
        iid: 1,
        title: 'Quoted the registry bot',
        description: `it said:\n\n${MARKER}`,
        state: 'opened',
        author: { id: 7, username: 'alice' },
      },
      {
        iid: 2,
        title: 'Breaking change of shared-auth: port-changed',
        description: `an older change\n\n${MARKER}`,
        state: 'closed',
        author: BOT,
      },
    ];
    const server = await gitlab({
      'acme/gateway': { issues: [] },
      'acme/shop/project-a': { issues: others.map(i => ({ ...i })) },
    });
    const first = await issues(pipeline(server.apiUrl));
    expect(first).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Opened acme/gateway#1: shared-auth (major-version-bump) for gateway https://gitlab.example.com/acme/gateway/-/issues/1',
        'Opened acme/shop/project-a#3: shared-auth (major-version-bump) for pa-api, pa-web https://gitlab.example.com/acme/shop/project-a/-/issues/3',
        UNTOLD,
      ].join('\n'),
    });
    const projectIssues = server.issuesOf('acme/shop/project-a');
    expect(projectIssues.slice(0, 2)).toEqual(others);
    expect(projectIssues[2]).toMatchObject({
      title: 'Breaking change of shared-auth: major-version-bump',
      author: BOT,
      description: expect.stringContaining(
        '| `pa-api` | `project-a` | requires it | `team-a` |',
      ),
    });
    expect(projectIssues[2].description).toContain(
      `https://gitlab.example.com/platform/registry/-/commit/${SHA}`,
    );
    expect(projectIssues[2].description).toContain(
      '_Opened by `service-registry gitlab-issues`',
    );

    const again = await issues(pipeline(server.apiUrl));
    expect(again.stdout).toContain('Up to date: acme/shop/project-a#3:');
    expect(server.notesOf('acme/shop/project-a', 3)).toEqual([]);

    // its title edited by hand since: the next run writes it again, and says so in a note
    projectIssues[2].title = 'shared-auth v2';
    const later = await issues(pipeline(server.apiUrl));
    expect(later.stdout).toContain('Updated acme/shop/project-a#3:');
    expect(projectIssues).toHaveLength(3);
    expect(projectIssues[2].title).toBe(
      'Breaking change of shared-auth: major-version-bump',
    );
    expect(server.notesOf('acme/shop/project-a', 3)).toEqual([
      {
        author: BOT.username,
        body: expect.stringContaining(
          `This issue is brought up to date with the registry's change https://gitlab.example.com/platform/registry/-/commit/${SHA}: the breaking changes of \`shared-auth\` that reach this repository are now \`major-version-bump\`, for \`pa-api\`, \`pa-web\`.`,
        ),
      },
    ]);
  });

  it('tells every project it can, then exits 2 naming the one that refused and why', async () => {
    const server = await gitlab({
      'acme/gateway': { issues: [], issuesDisabled: true },
      'acme/shop/project-a': { issues: [] },
    });
    const run = await issues(pipeline(server.apiUrl));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Opened acme/shop/project-a#1:');
    expect(run.stderr).toBe(
      "service-registry: cannot read the open issues of acme/gateway: GitLab answered 403 (403 Forbidden); the token may not open issues there, or the project has issues turned off: it needs the api scope and at least the Reporter role in the consumers' projects (a group access token of their top-level group)\n",
    );
  });

  it('prints the issues with --dry-run, without a token', async () => {
    const run = await issues(
      { CI_SERVER_URL: 'https://gitlab.example.com' },
      '--dry-run',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Would open or update an issue in acme/shop/project-a: shared-auth (major-version-bump) for pa-api, pa-web\n',
    );
    expect(run.stdout).toContain(UNTOLD);
  });

  it('refuses to run without the token', async () => {
    const run = await issues({ CI_SERVER_URL: 'https://gitlab.example.com' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'SERVICE_REGISTRY_GITLAB_TOKEN is not set: add a masked CI/CD variable',
    );
  });
});
