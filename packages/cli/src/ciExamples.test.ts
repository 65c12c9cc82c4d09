import fs from 'node:fs';
import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import { FakeReview, startFakeGithub } from './__testUtils__/fakeGithubApi';
import { startFakeGitlab } from './__testUtils__/fakeGitlabApi';
import { startFakeGithubIssues } from './__testUtils__/fakeGithubIssues';
import { startFakeGitlabIssues } from './__testUtils__/fakeGitlabIssues';
import { withReportMarker } from './lib/reportMarker';
import {
  examplesDir,
  fakeTools,
  githubSteps,
  gitlabJob,
  pullRequestHead,
  runGithubJob,
  runGitlabDefaultBranchJob,
  runGitlabJob,
} from './__testUtils__/ciExamples';
import {
  cli,
  git,
  initRepository,
  VALID_REGISTRY,
  writeFiles,
} from './__testUtils__/cliProcess';

jest.setTimeout(120_000);

/** A result of a SARIF log, as far as the tests read it. */
interface SarifResult {
  ruleId: string;
  level: string;
  locations?: Array<{
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number };
    };
  }>;
}

const tmp = useBuiltCli('cli-ci-');

/** A service of the shop project that only `main` gains after the pull request branched. */
const SHOP_ADMIN = `
[service.shop-admin]
owner = "shop-team"
version = "1.0.0"
status = "ga"
[service.shop-admin.dependencies]
requires = ["shop-api"]
`;

const MISSING_DEPENDENCY = VALID_REGISTRY[
  'projects/shop/services.toml'
].replace('requires = ["shop-api"]', 'requires = ["shop-api", "shop-db"]');

const PORT_CHANGED = VALID_REGISTRY['services/catalog.toml'].replace(
  'port = 8080',
  'port = 9090',
);

/**
 * GitHub's API for pull request #1 of platform/registry, faked at its HTTP boundary; the job's
 * `github.token` (`token`) is the github-actions bot's, read-only on a fork's pull request.
 */
function githubForComments(options: { readOnly?: boolean } = {}) {
  return startFakeGithub({
    tokens: {
      token: {
        login: 'github-actions[bot]',
        type: 'Bot',
        readOnly: options.readOnly,
      },
    },
    repository: 'platform/registry',
    pullRequest: 1,
  });
}

const NOTE_TOKEN = 'glpat-registry-bot-token';

/**
 * GitLab's API for merge request !1 of project 7, faked at its HTTP boundary, and the pipeline
 * variables that point the job at it with the note's token.
 */
async function gitlabForNotes() {
  const api = await startFakeGitlab({
    tokens: { [NOTE_TOKEN]: { id: 41, username: 'project_7_bot' } },
    projectId: '7',
    mergeRequestIid: '1',
  });
  return {
    api,
    variables: {
      CI_API_V4_URL: api.apiUrl,
      CI_PROJECT_ID: '7',
      CI_MERGE_REQUEST_PROJECT_ID: '7',
      CI_MERGE_REQUEST_IID: '1',
      SERVICE_REGISTRY_GITLAB_TOKEN: NOTE_TOKEN,
    },
  };
}

/** Writes files, regenerates the documents as the docs say to, and commits. */
function commitWithDocs(
  repo: string,
  files: Record<string, string>,
  message: string,
) {
  writeFiles(repo, files);
  expect(cli(['docs', '.'], repo).code).toBe(0);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', message);
}

/**
 * A registry repository (`<name>.git`, bare, as the CI's remote) whose `main` holds the valid
 * registry with its documents, a branch `feature` with the pull request's changes, and
 * `refs/pull/1/merge`, the merge commit GitHub checks out for the pull request; then `main`
 * moves on with `mainMovesOn` when given.
 */
function repository(
  name: string,
  change: Record<string, string>,
  mainMovesOn?: Record<string, string>,
): string {
  const work = path.join(tmp.root, `${name}-work`);
  writeFiles(work, VALID_REGISTRY);
  expect(cli(['docs', '.'], work).code).toBe(0);
  initRepository(work);
  git(work, 'checkout', '-qb', 'feature');
  commitWithDocs(work, change, 'pull request');
  git(work, 'checkout', '-q', '--detach', 'main');
  git(work, 'merge', '-q', '--no-ff', '-m', 'Merge feature', 'feature');
  git(work, 'update-ref', 'refs/pull/1/merge', 'HEAD');
  git(work, 'checkout', '-q', 'main');
  if (mainMovesOn) commitWithDocs(work, mainMovesOn, 'main moves on');
  const origin = path.join(tmp.root, `${name}.git`);
  git(tmp.root, 'clone', '-q', '--bare', work, origin);
  git(work, 'push', '-q', origin, 'refs/pull/1/merge:refs/pull/1/merge');
  return origin;
}

function step(
  run: Awaited<ReturnType<typeof runGithubJob>>,
  name: RegExp,
): Awaited<ReturnType<typeof runGithubJob>>['steps'][number] {
  const found = run.steps.find(s => name.test(s.name));
  if (!found) throw new Error(`no step ${name}`);
  return found;
}

describe('the GitHub Actions example (examples/ci/github-actions-registry.yml)', () => {
  it('is read as the steps a runner runs', () => {
    const steps = githubSteps();
    expect(steps[0].uses).toMatch(/^actions\/checkout@/);
    expect(steps.filter(s => s.run).length).toBeGreaterThanOrEqual(4);
  });

  it('on a pull request with an error: annotates it, still comments the report and writes the summary, and fails the job', async () => {
    const origin = repository('gh-error', {
      'projects/shop/services.toml': MISSING_DEPENDENCY,
      'services/catalog.toml': PORT_CHANGED,
    });
    const tools = fakeTools(path.join(tmp.root, 'gh-error-tools'));
    const github = await githubForComments();
    const run = await runGithubJob({
      origin,
      workspace: path.join(tmp.root, 'gh-error-ws'),
      tools: tools.path,
      baseRef: 'main',
      githubApiUrl: github.apiUrl,
    }).finally(() => github.close());

    const annotate = step(run, /^Annotate/);
    expect(annotate.outcome).toBe('failure');
    expect(annotate.stdout).toMatch(
      /^::error file=projects\/shop\/services\.toml,line=17,col=\d+,title=dependency\/missing-required::/m,
    );
    expect(annotate.stdout).toMatch(
      /^::warning file=services\/catalog\.toml,line=5,col=\d+,title=breaking\/port-changed::/m,
    );
    const comments = github.comments.map(c => c.body);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('## Service registry change report');
    expect(comments[0]).toContain('dependency/missing-required');
    expect(comments[0]).toMatch(/port-changed|moves from port 8080/);
    expect(comments[0]).toBe(withReportMarker(run.summary));
    expect(step(run, /^Fail on errors/).outcome).toBe('failure');
    expect(step(run, /^Generated documentation/).outcome).toBe('success');
    expect(run.failed).toBe(true);
  });

  it("on a clean pull request re-run after main moved on: reports only what the pull request changes, passes, and updates its one comment without touching another workflow's", async () => {
    const origin = repository(
      'gh-clean',
      { 'services/catalog.toml': PORT_CHANGED },
      {
        'projects/shop/services.toml': `${VALID_REGISTRY['projects/shop/services.toml']}${SHOP_ADMIN}`,
      },
    );
    const tools = fakeTools(path.join(tmp.root, 'gh-clean-tools'));
    const github = await githubForComments();
    try {
      for (const attempt of [1, 2]) {
        const run = await runGithubJob({
          origin,
          workspace: path.join(tmp.root, `gh-clean-ws-${attempt}`),
          tools: tools.path,
          baseRef: 'main',
          githubApiUrl: github.apiUrl,
        });
        expect(run.steps.map(s => [s.name, s.outcome, s.stderr])).toEqual(
          run.steps.map(s => [s.name, 'success', s.stderr]),
        );
        expect(run.failed).toBe(false);
        // another workflow comments after each run, as the same bot
        github.comments.push({
          id: 900 + attempt,
          body: `## Preview deployment ${attempt}`,
          user: { login: 'github-actions[bot]', type: 'Bot' },
        });
      }
      const bodies = github.comments.map(c => c.body);
      expect(bodies).toHaveLength(3);
      expect(bodies.slice(1)).toEqual([
        '## Preview deployment 1',
        '## Preview deployment 2',
      ]);
      expect(bodies[0]).toContain('- Changed `shared-auth`: `port`');
      expect(bodies[0]).not.toContain('shop-admin');
      expect(github.requests.filter(r => r.method === 'PATCH').length).toBe(1);
    } finally {
      await github.close();
    }
  });

  it('when the base cannot be read: fails at the report with the reason, and posts no empty comment', async () => {
    const origin = repository('gh-shallow', {
      'services/catalog.toml': PORT_CHANGED,
    });
    const tools = fakeTools(path.join(tmp.root, 'gh-shallow-tools'));
    const github = await githubForComments();
    const run = await runGithubJob({
      origin,
      workspace: path.join(tmp.root, 'gh-shallow-ws'),
      tools: tools.path,
      baseRef: 'main',
      fetchDepth: 1, // actions/checkout's default, without the example's fetch-depth: 0
      githubApiUrl: github.apiUrl,
    }).finally(() => github.close());
    const failedSteps = run.steps.filter(s => s.outcome === 'failure');
    expect(failedSteps.length).toBeGreaterThan(0);
    expect(failedSteps[0].stderr).toContain('shallow clone');
    expect(failedSteps[0].stderr).toContain('fetch-depth: 0');
    expect(github.comments).toEqual([]);
    expect(github.requests).toEqual([]);
    expect(run.failed).toBe(true);
  });

  it('when the comment cannot be posted (a pull request from a fork has a read-only token): the log says why, and the job status is the validation', async () => {
    const origin = repository('gh-fork', {
      'services/catalog.toml': PORT_CHANGED,
    });
    const tools = fakeTools(path.join(tmp.root, 'gh-fork-tools'));
    const github = await githubForComments({ readOnly: true });
    const run = await runGithubJob({
      origin,
      workspace: path.join(tmp.root, 'gh-fork-ws'),
      tools: tools.path,
      baseRef: 'main',
      githubApiUrl: github.apiUrl,
    }).finally(() => github.close());
    const commentStep = step(run, /^Comment/);
    expect(commentStep.outcome).toBe('failure');
    expect(commentStep.stderr).toContain(
      'GitHub answered 403 (Resource not accessible by integration)',
    );
    expect(step(run, /^Fail on errors/).outcome).toBe('success');
    expect(run.failed).toBe(false);
  });
});

describe('the GitHub Actions approvals example (examples/ci/github-actions-approvals.yml)', () => {
  const ORG_TOKEN = 'ghp_registry-approvals';

  /** GitHub's API for pull request #1 of platform/registry, with its reviews and teams. */
  function githubForApprovals(reviews: FakeReview[]) {
    return startFakeGithub({
      tokens: {
        token: { login: 'github-actions[bot]', type: 'Bot' },
        [ORG_TOKEN]: { login: 'registry-bot', type: 'User', readOrg: true },
      },
      repository: 'platform/registry',
      pullRequest: 1,
      reviews,
      teams: {
        'platform/platform-team': ['pia'],
        'platform/shop-team': ['sol'],
      },
    });
  }

  const approved = (login: string, commit: string): FakeReview => ({
    user: { login },
    state: 'APPROVED',
    commit_id: commit,
  });

  it('fails the check until a member of the team the breaking change needs has approved the head, then passes on the review event', async () => {
    const origin = repository('gh-approvals', {
      'services/catalog.toml': PORT_CHANGED,
    });
    const head = pullRequestHead(origin);
    const earlier = git(origin, 'rev-parse', `${head}~1`).trim();
    const tools = fakeTools(path.join(tmp.root, 'gh-approvals-tools'));
    // a member of the platform team approves: the affected shop project's owner must, and a
    // member of the shop team approved a commit pushed before the head
    const github = await githubForApprovals([
      approved('pia', head),
      approved('sol', earlier),
    ]);
    try {
      const opened = await runGithubJob({
        origin,
        workspace: path.join(tmp.root, 'gh-approvals-ws-1'),
        tools: tools.path,
        baseRef: 'main',
        githubApiUrl: github.apiUrl,
        workflow: 'github-actions-approvals.yml',
        secrets: { REGISTRY_APPROVALS_TOKEN: ORG_TOKEN },
      });
      const check = step(opened, /^Check them/);
      expect(check.outcome).toBe('failure');
      expect(check.stdout).toContain(
        '✘ shop-team (breaking): not approved: no approval by shop-team or by a member of team platform/shop-team',
      );
      expect(check.stdout).toContain(
        `: sol (${earlier.slice(
          0,
          12,
        )}) approved an earlier commit; ask them to approve again.`,
      );
      expect(opened.failed).toBe(true);

      github.reviews.push(approved('sol', head));
      const reviewed = await runGithubJob({
        origin,
        workspace: path.join(tmp.root, 'gh-approvals-ws-2'),
        tools: tools.path,
        baseRef: 'main',
        githubApiUrl: github.apiUrl,
        workflow: 'github-actions-approvals.yml',
        secrets: { REGISTRY_APPROVALS_TOKEN: ORG_TOKEN },
        eventName: 'pull_request_review',
      });
      expect(reviewed.steps.map(s => [s.name, s.outcome, s.stderr])).toEqual(
        reviewed.steps.map(s => [s.name, 'success', s.stderr]),
      );
      expect(step(reviewed, /^Check them/).stdout).toContain(
        '✔ shop-team (breaking): approved by sol (a member of team platform/shop-team)',
      );
      expect(github.requests.every(r => r.auth === `Bearer ${ORG_TOKEN}`)).toBe(
        true,
      );
    } finally {
      await github.close();
    }
  });

  it("without the secret, checks with the job's token and says why a team member's approval does not count", async () => {
    const origin = repository('gh-approvals-job-token', {
      'services/catalog.toml': PORT_CHANGED,
    });
    const tools = fakeTools(path.join(tmp.root, 'gh-approvals-jt-tools'));
    const github = await githubForApprovals([
      approved('sol', pullRequestHead(origin)),
    ]);
    const run = await runGithubJob({
      origin,
      workspace: path.join(tmp.root, 'gh-approvals-jt-ws'),
      tools: tools.path,
      baseRef: 'main',
      githubApiUrl: github.apiUrl,
      workflow: 'github-actions-approvals.yml',
    }).finally(() => github.close());
    const check = step(run, /^Check them/);
    expect(check.outcome).toBe('failure');
    expect(check.stdout).toContain('0 of 1 given');
    expect(check.stdout).toContain('give the step a token with read:org');
    expect(github.requests.every(r => r.auth === 'Bearer token')).toBe(true);
  });
});

describe('the GitHub Actions consumer issues example (examples/ci/github-actions-consumer-issues.yml)', () => {
  const ISSUES_TOKEN = 'ghs_registry-issues';

  /** The shop project, whose shop-api declares its repository on GitHub. */
  const SHOP_WITH_REPOSITORY = VALID_REGISTRY[
    'projects/shop/services.toml'
  ].replace(
    'version = "2.0.0"\n',
    'version = "2.0.0"\nrepository = "https://github.com/platform/shop"\n',
  );

  it('on a push to main that changes a port: opens an issue in the repository of the service that requires it, and a re-run keeps that one issue', async () => {
    const origin = repository('gh-issues', {
      'services/catalog.toml': PORT_CHANGED,
      'projects/shop/services.toml': SHOP_WITH_REPOSITORY,
    });
    // the pull request merged: main moves to its merge commit
    git(origin, 'update-ref', 'refs/heads/main', 'refs/pull/1/merge');
    const pushed = git(origin, 'rev-parse', 'main').trim();
    const tools = fakeTools(path.join(tmp.root, 'gh-issues-tools'));
    const github = await startFakeGithubIssues({
      tokens: { [ISSUES_TOKEN]: { login: 'registry-app[bot]', type: 'Bot' } },
      repositories: { 'platform/shop': { issues: [] } },
    });
    try {
      const job = (workspace: string) =>
        runGithubJob({
          origin,
          workspace: path.join(tmp.root, workspace),
          tools: tools.path,
          baseRef: 'main',
          githubApiUrl: github.apiUrl,
          workflow: 'github-actions-consumer-issues.yml',
          secrets: { REGISTRY_ISSUES_TOKEN: ISSUES_TOKEN },
          eventName: 'push',
        });
      const run = await job('gh-issues-ws-1');
      expect(run.steps.map(s => [s.name, s.outcome, s.stderr])).toEqual(
        run.steps.map(s => [s.name, 'success', s.stderr]),
      );
      expect(step(run, /^Open issues/).stdout).toBe(
        'Opened platform/shop#1: shared-auth (port-changed) for shop-api https://github.com/platform/shop/issues/1\n',
      );
      const [issue] = github.issuesOf('platform/shop');
      expect(issue.title).toBe('Breaking change of shared-auth: port-changed');
      expect(issue.body).toContain('| `shop-api` | `shop` | requires it |');
      expect(issue.body).toContain(
        `https://github.com/platform/registry/commit/${pushed}`,
      );

      const again = await job('gh-issues-ws-2');
      expect(step(again, /^Open issues/).stdout).toContain(
        'Up to date: platform/shop#1',
      );
      expect(github.issuesOf('platform/shop')).toHaveLength(1);
      expect(
        github.requests.every(
          r => r.method === 'GET' || r.path === '/repos/platform/shop/issues',
        ),
      ).toBe(true);
    } finally {
      await github.close();
    }
  });
});

describe('the GitHub Actions code scanning example (examples/ci/github-actions-code-scanning.yml)', () => {
  const WORKFLOW = 'github-actions-code-scanning.yml';
  /** The result of the pull request's missing dependency, as the tests read results. */
  const MISSING_REQUIRED_RESULT = {
    ruleId: 'dependency/missing-required',
    level: 'error',
    uri: 'projects/shop/services.toml',
    line: 17,
  };

  /** The example's job on `origin`, in a workspace and with tools named after `name`. */
  async function codeScanningJob(
    origin: string,
    name: string,
    options: { eventName?: 'push'; fetchDepth?: number } = {},
  ) {
    const workspace = path.join(tmp.root, `${name}-ws`);
    const run = await runGithubJob({
      origin,
      workspace,
      tools: fakeTools(path.join(tmp.root, `${name}-tools`)).path,
      baseRef: 'main',
      // the job asks nothing of GitHub's API: the upload is an action, not run here
      githubApiUrl: 'http://127.0.0.1:9/unused',
      workflow: WORKFLOW,
      ...options,
    });
    return { run, workspace };
  }

  /** The SARIF log the job leaves for the upload step, and what the upload step is given. */
  function uploaded(workspace: string) {
    const upload = githubSteps(path.join(examplesDir, WORKFLOW)).find(s =>
      s.uses?.startsWith('github/codeql-action/upload-sarif@'),
    );
    expect(upload?.with.category).toBe('service-registry');
    const log = JSON.parse(
      fs.readFileSync(path.join(workspace, upload!.with.sarif_file), 'utf8'),
    );
    expect(log.version).toBe('2.1.0');
    return (log.runs[0].results as SarifResult[]).map(r => ({
      ruleId: r.ruleId,
      level: r.level,
      uri: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
      line: r.locations?.[0]?.physicalLocation?.region?.startLine,
    }));
  }

  it("on a pull request with an error and a breaking change: uploads both as results at their lines, and leaves failing to code scanning's alerts", async () => {
    const origin = repository('gh-sarif-pr', {
      'projects/shop/services.toml': MISSING_DEPENDENCY,
      'services/catalog.toml': PORT_CHANGED,
    });
    const { run, workspace } = await codeScanningJob(origin, 'gh-sarif-pr');
    expect(run.steps.map(s => [s.name, s.outcome, s.stderr])).toEqual(
      run.steps.map(s => [s.name, 'success', s.stderr]),
    );
    const results = uploaded(workspace);
    expect(results).toContainEqual(MISSING_REQUIRED_RESULT);
    expect(results).toContainEqual(
      expect.objectContaining({
        ruleId: 'breaking/port-changed',
        uri: 'services/catalog.toml',
        line: 5,
      }),
    );
  });

  it('on a push to main: uploads the findings of the whole registry', async () => {
    const origin = repository('gh-sarif-push', {
      'projects/shop/services.toml': MISSING_DEPENDENCY,
    });
    // the pull request merged: main moves to its merge commit
    git(origin, 'update-ref', 'refs/heads/main', 'refs/pull/1/merge');
    const { run, workspace } = await codeScanningJob(origin, 'gh-sarif-push', {
      eventName: 'push',
    });
    expect(run.failed).toBe(false);
    const results = uploaded(workspace);
    expect(results).toContainEqual(MISSING_REQUIRED_RESULT);
    // a push compares nothing: no breaking change is a result
    expect(results.filter(r => r.ruleId.startsWith('breaking/'))).toEqual([]);
  });

  it('fails at the SARIF step with the reason when the registry cannot be compared', async () => {
    const origin = repository('gh-sarif-shallow', {
      'services/catalog.toml': PORT_CHANGED,
    });
    const { run } = await codeScanningJob(origin, 'gh-sarif-shallow', {
      fetchDepth: 1,
    });
    const sarif = step(run, /^Findings for code scanning/);
    expect(sarif.outcome).toBe('failure');
    expect(sarif.stderr).toContain('origin/main');
    expect(run.failed).toBe(true);
  });
});

describe('the GitLab CI example (examples/ci/gitlab-ci-registry.yml)', () => {
  it('is read as the script a runner runs', () => {
    const { variables, script } = gitlabJob();
    expect(variables.GIT_DEPTH).toBe('0');
    expect(script.some(line => line.includes('--format markdown'))).toBe(true);
  });

  it('on a merge request whose target moved on: the report has only what the merge request changes, the artifacts are written, and the job fails on errors', async () => {
    const origin = repository(
      'gl-error',
      {
        'projects/shop/services.toml': MISSING_DEPENDENCY,
        'services/catalog.toml': PORT_CHANGED,
      },
      {
        'projects/shop/services.toml': `${VALID_REGISTRY['projects/shop/services.toml']}${SHOP_ADMIN}`,
      },
    );
    const tools = fakeTools(path.join(tmp.root, 'gl-error-tools'));
    const workspace = path.join(tmp.root, 'gl-error-ws');
    const gitlab = await gitlabForNotes();
    const run = await runGitlabJob({
      origin,
      workspace,
      tools: tools.path,
      source: 'feature',
      target: 'main',
      variables: gitlab.variables,
    }).finally(() => gitlab.api.close());
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(
      /projects\/shop\/services\.toml:17:\d+ +error .*dependency\/missing-required/,
    );
    const report = fs.readFileSync(
      path.join(workspace, 'registry-report.md'),
      'utf8',
    );
    expect(report).toContain('- Changed `shared-auth`: `port`');
    expect(report).toContain('dependency/missing-required');
    expect(report).not.toContain('shop-admin');
    // the merge request's note: the report, posted before the job fails
    expect(gitlab.api.notes).toHaveLength(1);
    expect(gitlab.api.notes[0].body).toContain(report.trimEnd());
    // the Code Quality report: the error where the merge request's diff shows it, and the
    // breaking change to shared-auth's port
    const codeQuality = JSON.parse(
      fs.readFileSync(
        path.join(workspace, 'gl-code-quality-report.json'),
        'utf8',
      ),
    );
    expect(codeQuality).toEqual([
      expect.objectContaining({
        check_name: 'breaking/port-changed',
        location: expect.objectContaining({ path: 'services/catalog.toml' }),
      }),
      expect.objectContaining({
        check_name: 'dependency/missing-required',
        severity: 'major',
        location: {
          path: 'projects/shop/services.toml',
          positions: { begin: { line: 17, column: expect.any(Number) } },
        },
      }),
    ]);
  });

  it('on a valid merge request: passes, and every pipeline of the merge request updates the one note', async () => {
    const origin = repository('gl-clean', {
      'services/catalog.toml': PORT_CHANGED,
    });
    const tools = fakeTools(path.join(tmp.root, 'gl-clean-tools'));
    const gitlab = await gitlabForNotes();
    try {
      for (const attempt of [1, 2]) {
        const run = await runGitlabJob({
          origin,
          workspace: path.join(tmp.root, `gl-clean-ws-${attempt}`),
          tools: tools.path,
          source: 'feature',
          target: 'main',
          variables: gitlab.variables,
        });
        expect(run.stderr).not.toContain('service-registry:');
        expect(run.stdout).toMatch(
          attempt === 1
            ? /^Posted the note of merge request !1$/m
            : /^Updated the note of merge request !1$/m,
        );
        expect(run.code).toBe(0);
      }
      expect(gitlab.api.notes).toHaveLength(1);
      expect(gitlab.api.notes[0].body).toContain(
        '- Changed `shared-auth`: `port`',
      );
    } finally {
      await gitlab.api.close();
    }
  });

  it("without the note's token (a project that did not add it, a merge request from a fork): the log says what to add, and the job passes", async () => {
    const origin = repository('gl-no-token', {
      'services/catalog.toml': PORT_CHANGED,
    });
    const tools = fakeTools(path.join(tmp.root, 'gl-no-token-tools'));
    const workspace = path.join(tmp.root, 'gl-no-token-ws');
    const run = await runGitlabJob({
      origin,
      workspace,
      tools: tools.path,
      source: 'feature',
      target: 'main',
      variables: {
        CI_API_V4_URL: 'https://gitlab.example.com/api/v4',
        CI_PROJECT_ID: '8',
        CI_MERGE_REQUEST_PROJECT_ID: '7',
        CI_MERGE_REQUEST_IID: '1',
      },
    });
    expect(run.stderr).toContain(
      'service-registry: SERVICE_REGISTRY_GITLAB_TOKEN is not set: add a masked CI/CD variable',
    );
    expect(run.code).toBe(0);
    expect(
      fs.readFileSync(path.join(workspace, 'registry-report.md'), 'utf8'),
    ).toContain('- Changed `shared-auth`: `port`');
  });
});

describe("the GitLab CI example's approvals job", () => {
  const GROUP_TOKEN = 'glpat-group-bot';

  it('fails while no member of the group the breaking change needs has approved, and passes when the job is retried after one has', async () => {
    const origin = repository('gl-approvals', {
      'services/catalog.toml': PORT_CHANGED,
    });
    const tools = fakeTools(path.join(tmp.root, 'gl-approvals-tools'));
    const api = await startFakeGitlab({
      tokens: {
        [GROUP_TOKEN]: { id: 91, username: 'group_3_bot', seesGroups: true },
      },
      projectId: '7',
      mergeRequestIid: '1',
      // a member of the platform team approves: the affected shop project's owner must
      approvedBy: [{ id: 21, username: 'pia' }],
      groups: { 'platform/platform-team': [21], 'platform/shop-team': [22] },
    });
    const job = (attempt: number) =>
      runGitlabJob({
        job: 'service-registry-approvals',
        origin,
        workspace: path.join(tmp.root, `gl-approvals-ws-${attempt}`),
        tools: tools.path,
        source: 'feature',
        target: 'main',
        variables: {
          CI_API_V4_URL: api.apiUrl,
          CI_PROJECT_ID: '7',
          CI_MERGE_REQUEST_PROJECT_ID: '7',
          CI_MERGE_REQUEST_IID: '1',
          CI_PROJECT_ROOT_NAMESPACE: 'platform',
          SERVICE_REGISTRY_GITLAB_TOKEN: GROUP_TOKEN,
        },
      });
    try {
      const first = await job(1);
      expect(first.stdout).toContain(
        '✘ shop-team (breaking): not approved: no approval by shop-team or by a member of group platform/shop-team or group shop-team',
      );
      expect(first.code).toBe(1);

      api.approvedBy.push({ id: 22, username: 'sol' });
      const retried = await job(2);
      expect(retried.stdout).toContain(
        '✔ shop-team (breaking): approved by sol (a member of group platform/shop-team)',
      );
      expect(retried.stderr).not.toContain('service-registry:');
      expect(retried.code).toBe(0);
    } finally {
      await api.close();
    }
  });
});

describe("the GitLab CI example's default branch job", () => {
  /** shop-web also uses shop-search, which nobody declares: a warning. */
  const WITH_WARNING = {
    ...VALID_REGISTRY,
    'projects/shop/services.toml': VALID_REGISTRY[
      'projects/shop/services.toml'
    ].replace(
      'requires = ["shop-api"]',
      'requires = ["shop-api"]\noptional = ["shop-search"]',
    ),
  };
  const report = (workspace: string) =>
    JSON.parse(
      fs.readFileSync(
        path.join(workspace, 'gl-code-quality-report.json'),
        'utf8',
      ),
    ) as Array<{ check_name: string; fingerprint: string; severity: string }>;

  it("writes the report GitLab compares a merge request's with: a finding main has keeps its fingerprint there; errors on main fail the job", async () => {
    const work = path.join(tmp.root, 'gl-main-work');
    writeFiles(work, WITH_WARNING);
    expect(cli(['docs', '.'], work).code).toBe(0);
    initRepository(work);
    git(work, 'checkout', '-qb', 'feature');
    commitWithDocs(
      work,
      {
        'projects/shop/services.toml': WITH_WARNING[
          'projects/shop/services.toml'
        ].replace('["shop-api"]\n', '["shop-api", "shop-db"]\n'),
      },
      'pull request',
    );
    const origin = path.join(tmp.root, 'gl-main.git');
    git(tmp.root, 'clone', '-q', '--bare', work, origin);
    const tools = fakeTools(path.join(tmp.root, 'gl-main-tools')).path;

    // main: its warning in the report, and the job passes
    const onMain = path.join(tmp.root, 'gl-main-ws');
    const main = await runGitlabDefaultBranchJob({
      origin,
      workspace: onMain,
      tools,
    });
    expect(main.stderr).toBe('');
    expect(main.code).toBe(0);
    const mainReport = report(onMain);
    expect(mainReport).toEqual([
      expect.objectContaining({
        check_name: 'dependency/missing-optional',
        severity: 'minor',
      }),
    ]);

    // the merge request: the same warning with the same fingerprint (GitLab shows it as neither
    // new nor fixed), and its own error
    const onRequest = path.join(tmp.root, 'gl-mr-ws');
    const request = await runGitlabJob({
      origin,
      workspace: onRequest,
      tools,
      source: 'feature',
      target: 'main',
    });
    expect(request.code).not.toBe(0);
    const fingerprints = new Map(
      report(onRequest).map(issue => [issue.check_name, issue.fingerprint]),
    );
    expect(fingerprints.get('dependency/missing-optional')).toBe(
      mainReport[0].fingerprint,
    );
    expect(fingerprints.get('dependency/missing-required')).toMatch(
      /^[0-9a-f]{32}$/,
    );

    // the merge request merged with its error: the report is written, and main's job fails
    git(work, 'push', '-q', origin, 'feature:main');
    const broken = path.join(tmp.root, 'gl-broken-ws');
    const after = await runGitlabDefaultBranchJob({
      origin,
      workspace: broken,
      tools,
    });
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(
      /projects\/shop\/services\.toml:17:\d+ +error .*dependency\/missing-required/,
    );
    expect(
      report(broken)
        .map(issue => issue.check_name)
        .sort(),
    ).toEqual(['dependency/missing-optional', 'dependency/missing-required']);
  });
});

describe("the GitLab CI example's consumer issues job", () => {
  const TOKEN = 'glpat-registry-issues';

  it('on a push to the default branch that changes a port: opens an issue in the project of the service that requires it', async () => {
    const origin = repository('gl-issues', {
      'services/catalog.toml': PORT_CHANGED,
      'projects/shop/services.toml': VALID_REGISTRY[
        'projects/shop/services.toml'
      ].replace(
        'version = "2.0.0"\n',
        'version = "2.0.0"\nrepository = "https://gitlab.example.com/platform/shop/api"\n',
      ),
    });
    // the merge request merged: main moves to its merge commit
    git(origin, 'update-ref', 'refs/heads/main', 'refs/pull/1/merge');
    const before = git(origin, 'rev-parse', 'main^1').trim();
    const pushed = git(origin, 'rev-parse', 'main').trim();
    const tools = fakeTools(path.join(tmp.root, 'gl-issues-tools'));
    const gitlab = await startFakeGitlabIssues({
      tokens: { [TOKEN]: { id: 9, username: 'registry-bot' } },
      projects: { 'platform/shop/api': { issues: [] } },
    });
    try {
      const run = await runGitlabDefaultBranchJob({
        origin,
        workspace: path.join(tmp.root, 'gl-issues-ws'),
        tools: tools.path,
        job: 'service-registry-consumer-issues',
        variables: {
          CI_COMMIT_BEFORE_SHA: before,
          CI_COMMIT_SHA: pushed,
          CI_SERVER_URL: 'https://gitlab.example.com',
          CI_API_V4_URL: gitlab.apiUrl,
          CI_PROJECT_URL: 'https://gitlab.example.com/platform/registry',
          SERVICE_REGISTRY_GITLAB_TOKEN: TOKEN,
        },
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        'Opened platform/shop/api#1: shared-auth (port-changed) for shop-api https://gitlab.example.com/platform/shop/api/-/issues/1\n',
      );
      const [issue] = gitlab.issuesOf('platform/shop/api');
      expect(issue.title).toBe('Breaking change of shared-auth: port-changed');
      expect(issue.description).toContain(
        `https://gitlab.example.com/platform/registry/-/commit/${pushed}`,
      );
    } finally {
      await gitlab.close();
    }
  });
});
