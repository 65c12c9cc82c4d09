import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleGithub from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderModuleServiceRegistry from '@service-registry/plugin-scaffolder-backend-module-service-registry';
import { eventually } from '@service-registry/test-support';

/*
 * The portal's templates (templates/*) as the portal runs them: the real catalog serves the
 * template entities, the real scaffolder runs their steps with the suite's actions, and the
 * change lands as a branch of a real git repository made by scripts/demo-registry-remote.sh, or,
 * for a GitHub-hosted registry, as a pull request of the stock publish:github:pull-request on a
 * fake GitHub API (a local HTTP server: the real URL reader and Octokit talk to it). What the form
 * would send is given as the task's values (entity refs from the pickers).
 */

const ROOT = path.resolve(__dirname, '../../..');
const TEMPLATES = ['new-service', 'deprecate-service', 'update-service'];

jest.setTimeout(180_000);

let tmp: string;
let remote: string;
let backend: Awaited<ReturnType<typeof startTestBackend>>;
let github: FakeGithub;

/** The registry repository on the fake GitHub, and the commit its `main` is at. */
const GITHUB_REPO = '/repos/example-org/service-registry';
const GITHUB_REGISTRY_URL =
  'https://github.com/example-org/service-registry/tree/main';
const GITHUB_MAIN_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

/** A request the fake GitHub received. */
interface GithubRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: any;
  /** Whether the fake serves it (else it answered 404). */
  served: boolean;
}

interface FakeGithub {
  /** Its API base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request, in order. */
  requests: GithubRequest[];
  /**
   * Whether requests for reviewers are refused, as GitHub refuses a team without access to the
   * repository (422).
   */
  refuseReviewers: boolean;
  /** The logins of the repository's collaborators (GitHub takes only them as reviewers). */
  collaborators: Set<string>;
  /** The slugs of the organization's teams with access to the repository. */
  teamsWithAccess: Set<string>;
  /** The login of the integration token's user (`GET /user`), who authors the pull requests. */
  tokenUser: string;
  close(): Promise<void>;
}

/**
 * The part of GitHub's REST and GraphQL API that the GitHub URL reader (`readTree`: the commit
 * status, then the tarball), service-registry:resolve-reviewers (the token's user, collaborators,
 * teams' access)
 * and publish:github:pull-request (blobs, tree, commit, branch, pull request, requested
 * reviewers) use, for the one repository `example-org/service-registry`; anything else is a 404,
 * and every request is recorded.
 */
async function startFakeGithub(tarball: Buffer): Promise<FakeGithub> {
  const requests: GithubRequest[] = [];
  let blobs = 0;
  let pulls = 0;
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeGithub = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    refuseReviewers: false,
    collaborators: new Set(['jane-gh']),
    teamsWithAccess: new Set(['platform-team']),
    tokenUser: 'service-registry-bot',
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(e => (e ? reject(e) : resolve())),
      ),
  };
  server.on('request', async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const received: GithubRequest = {
      method: req.method ?? 'GET',
      path: pathname,
      authorization: req.headers.authorization,
      body: text ? JSON.parse(text) : undefined,
      served: true,
    };
    requests.push(received);
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const route = `${received.method} ${pathname}`;
    const reviewers = new RegExp(
      `^POST ${GITHUB_REPO}/pulls/(\\d+)/requested_reviewers$`,
    ).exec(route);
    const collaborator = new RegExp(
      `^GET ${GITHUB_REPO}/collaborators/([^/]+)$`,
    ).exec(route);
    const teamAccess = new RegExp(
      `^GET /orgs/example-org/teams/([^/]+)/repos${GITHUB_REPO.slice(
        '/repos'.length,
      )}$`,
    ).exec(route);
    const yesOrNo = (yes: boolean) => {
      res.writeHead(yes ? 204 : 404);
      res.end();
    };
    if (route === `GET ${GITHUB_REPO}/commits/main/status`) {
      json(200, {
        sha: GITHUB_MAIN_SHA,
        repository: {
          archive_url: `${fake.url}${GITHUB_REPO}/{archive_format}{/ref}`,
        },
      });
    } else if (route === `GET ${GITHUB_REPO}/tarball/${GITHUB_MAIN_SHA}`) {
      res.writeHead(200, { 'content-type': 'application/x-gzip' });
      res.end(tarball);
    } else if (route === `GET ${GITHUB_REPO}`) {
      json(200, { default_branch: 'main', permissions: { push: true } });
    } else if (route === `GET ${GITHUB_REPO}/commits`) {
      json(200, [
        { sha: 'base-commit', commit: { tree: { sha: 'base-tree' } } },
      ]);
    } else if (route === `POST ${GITHUB_REPO}/git/blobs`) {
      json(201, { sha: `blob-${blobs++}` });
    } else if (route === `POST ${GITHUB_REPO}/git/trees`) {
      json(201, { sha: 'new-tree' });
    } else if (route === `POST ${GITHUB_REPO}/git/commits`) {
      json(201, { sha: 'new-commit' });
    } else if (route === 'POST /graphql') {
      // the branch does not exist yet
      json(200, { data: { repository: { ref: null } } });
    } else if (route === `POST ${GITHUB_REPO}/git/refs`) {
      json(201, {
        ref: received.body?.ref,
        object: { sha: received.body?.sha },
      });
    } else if (route === `POST ${GITHUB_REPO}/pulls`) {
      pulls += 1;
      json(201, {
        number: pulls,
        html_url: `https://github.com/example-org/service-registry/pull/${pulls}`,
        base: { ref: received.body?.base },
      });
    } else if (route === 'GET /user') {
      json(200, { login: fake.tokenUser });
    } else if (collaborator) {
      yesOrNo(fake.collaborators.has(decodeURIComponent(collaborator[1])));
    } else if (teamAccess) {
      yesOrNo(fake.teamsWithAccess.has(decodeURIComponent(teamAccess[1])));
    } else if (reviewers && fake.refuseReviewers) {
      json(422, {
        message:
          'Reviews may only be requested from collaborators. One or more of the teams you specified is not a collaborator of the example-org/service-registry repository.',
      });
    } else if (reviewers) {
      json(201, {
        number: Number(reviewers[1]),
        requested_reviewers: (received.body?.reviewers ?? []).map(
          (login: string) => ({ login }),
        ),
        requested_teams: (received.body?.team_reviewers ?? []).map(
          (slug: string) => ({ slug }),
        ),
      });
    } else {
      received.served = false;
      json(404, { message: 'Not Found' });
    }
  });
  return fake;
}

/**
 * The tarball GitHub serves for the registry: examples/registry, whose governance policy also
 * requires `@jane` for configuration changes (the catalog's User jane), under one top folder as
 * GitHub names it.
 */
async function githubRegistryTarball(): Promise<Buffer> {
  const root = path.join(tmp, 'github-archive');
  const top = `example-org-service-registry-${GITHUB_MAIN_SHA.slice(0, 7)}`;
  await fs.cp(path.join(ROOT, 'examples/registry'), path.join(root, top), {
    recursive: true,
  });
  const governance = path.join(root, top, 'policies/governance.toml');
  const policy = await fs.readFile(governance, 'utf8');
  const required = policy.replace(
    'config_changes_require = ["@ops-team"]',
    'config_changes_require = ["@ops-team", "@jane"]',
  );
  expect(required).not.toBe(policy);
  await fs.writeFile(governance, required);
  return execFileSync('tar', ['-czf', '-', '-C', root, top]);
}

/**
 * How often the scaffolder reads a task's events while it watches them
 * (`StorageTaskBroker.event$` of `@backstage/plugin-scaffolder-backend`).
 */
const SCAFFOLDER_EVENT_POLL_MS = 1000;

/** When the scaffolder last read events of its tasks. */
let lastTaskEventsRead = 0;

afterAll(async () => {
  // The scaffolder watches every task it ran until it reads the task's completion, and a request
  // for a task's events reads them until it has some, each once a second; neither stops with the
  // backend. Wait until they have ended (no read for two of their intervals): a read after the
  // databases are closed would fail outside any test, and their timers keep the worker alive.
  await eventually(
    async () => Date.now() - lastTaskEventsRead,
    quiet => quiet > 2 * SCAFFOLDER_EVENT_POLL_MS,
    { timeoutMs: 30_000, intervalMs: 100 },
  );
  await backend?.stop();
  await github?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/*
 * Declared after the afterAll above, so that its own afterAll closes the databases once the
 * backend has stopped.
 */
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * Each plugin's database: an in-memory SQLite database of its own, as the default database
 * service gives, but closed after the tests. The default service leaves SQLite connections open
 * when the backend stops, and their pool's reaping interval kept the Jest worker alive ("A worker
 * process has failed to exit gracefully").
 */
const pluginDatabases = createServiceFactory({
  service: coreServices.database,
  deps: { pluginMetadata: coreServices.pluginMetadata },
  async factory({ pluginMetadata }) {
    const knex = await databases.init('SQLITE_3');
    if (pluginMetadata.getId() === 'scaffolder') {
      knex.on('query', ({ sql }: { sql: string }) => {
        if (/^select\b.*\btask_events\b/i.test(sql)) {
          lastTaskEventsRead = Date.now();
        }
      });
    }
    return { getClient: async () => knex };
  },
});

const git = (...args: string[]) =>
  execFileSync('git', [`--git-dir=${remote}`, ...args], {
    encoding: 'utf8',
  });

/** The file of a branch of the registry repository. */
const fileAt = (branch: string, file: string) =>
  git('show', `refs/heads/${branch}:${file}`);

const branches = () =>
  git('for-each-ref', '--format=%(refname:short)', 'refs/heads').split('\n');

/** The one branch a task pushed (not among `before`), checked against its expected name. */
function newBranch(before: string[], name: RegExp): string {
  const added = branches().filter(b => !before.includes(b));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatch(name);
  return added[0];
}

interface TaskResult {
  status: string;
  output: { text?: { title: string; content: string }[] };
  log: string;
}

/** Starts a task of a template with the values its form would send, and waits for its end. */
async function runTemplate(
  name: string,
  values: Record<string, unknown>,
): Promise<TaskResult> {
  const created = await request(backend.server)
    .post('/api/scaffolder/v2/tasks')
    .set('Authorization', mockCredentials.user.header())
    .send({ templateRef: `template:default/${name}`, values });
  expect(created.status).toBe(201);
  const task = await eventually(
    async () =>
      (
        await request(backend.server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
          .set('Authorization', mockCredentials.user.header())
      ).body,
    t => ['completed', 'failed', 'cancelled'].includes(t.status),
    { timeoutMs: 150_000 },
  );
  const events = await request(backend.server)
    .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
    .set('Authorization', mockCredentials.user.header());
  const log = (events.body as any[])
    .map(e => e.body?.message)
    .filter(Boolean)
    .join('\n');
  const completion = (events.body as any[]).find(e => e.type === 'completion');
  return {
    status: task.status,
    output: completion?.body?.output ?? {},
    log,
  };
}

/** Fails with the task's log when it did not complete. */
function expectCompleted(result: TaskResult) {
  if (result.status !== 'completed') {
    throw new Error(`task ${result.status}:\n${result.log}`);
  }
}

/** What the update form sends when no dependency field is touched. */
const NO_DEPENDENCY_CHANGE = {
  addRequires: [],
  addOptional: [],
  removeDependencies: [],
};

const outputText = (result: TaskResult, title: string) =>
  result.output.text?.find(t => t.title === title)?.content ?? '';

beforeAll(async () => {
  tmp = await fs.realpath(
    await fs.mkdtemp(path.join(os.tmpdir(), 'sr-templates-')),
  );
  remote = path.join(tmp, 'registry.git');
  execFileSync(path.join(ROOT, 'scripts/demo-registry-remote.sh'), {
    env: { ...process.env, SERVICE_REGISTRY_DEMO_REMOTE: remote },
  });
  github = await startFakeGithub(await githubRegistryTarball());
  backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModel,
      scaffolderPlugin,
      scaffolderModuleGithub,
      scaffolderModuleServiceRegistry,
      pluginDatabases,
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [
              {
                host: 'github.com',
                apiBaseUrl: github.url,
                token: 'test-token',
              },
            ],
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Template', 'Location'] }],
            locations: [
              ...TEMPLATES.map(t => ({
                type: 'file',
                target: path.join(ROOT, 'templates', t, 'template.yaml'),
              })),
              // the approvers, as the GitHub org provider would give them
              {
                type: 'file',
                target: path.join(__dirname, '__fixtures__/reviewers.yaml'),
                rules: [{ allow: ['Group', 'User'] }],
              },
            ],
          },
          scaffolder: {
            serviceRegistry: {
              registryUrl: remote,
              localRepositories: [remote],
            },
          },
        },
      }),
    ],
  });
  await eventually(
    () =>
      request(backend.server)
        .get('/api/catalog/entities/by-query')
        .query({ filter: 'kind=template' })
        .set('Authorization', mockCredentials.user.header()),
    r => r.status === 200 && r.body.items.length === TEMPLATES.length,
    { timeoutMs: 60_000 },
  );
  await eventually(
    () =>
      request(backend.server)
        .get(
          '/api/catalog/entities/by-query?filter=kind=group&filter=kind=user',
        )
        .set('Authorization', mockCredentials.user.header()),
    r => r.status === 200 && r.body.items.length === 3,
    { timeoutMs: 60_000 },
  );
});

describe('the portal templates in the real scaffolder', () => {
  it('new-service: adds the service and pushes it on a branch with the report', async () => {
    const before = branches();
    const result = await runTemplate('service-registry-new-service', {
      id: 'orders-api',
      description: 'Orders',
      type: 'api',
      owner: 'group:default/ecommerce-team',
      scope: 'project',
      project: 'system:default/project-a',
      createProject: false,
      dependencies: ['component:default/project-a-db'],
      optionalDependencies: [],
      tier: 'medium',
      port: 8080,
      availability: '99.9%',
      responseTimeP99: '200ms',
      supportHours: 'business',
      rto: '4h',
      rpo: '1h',
      registryUrl: '',
    });
    expectCompleted(result);
    const file = fileAt(
      newBranch(before, /^service-registry\/add-orders-api-\w{8}$/),
      'projects/project-a/services.toml',
    );
    expect(file).toContain('[service.orders-api]');
    expect(file).toMatch(/owner = "ecommerce-team"/);
    expect(outputText(result, 'Validation report')).toContain(
      'Add service orders-api',
    );
  });

  it('deprecate-service: marks the service deprecated and names the consumers that must migrate', async () => {
    const before = branches();
    const result = await runTemplate('service-registry-deprecate-service', {
      service: 'component:default/project-a-api',
      replacement: 'component:default/search-service',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-30',
      guideUrl: 'https://wiki.example.com/project-a-api-migration',
      difficulty: 'hard',
      estimatedEffortHours: 24,
      registryUrl: '',
    });
    expectCompleted(result);
    const file = fileAt(
      newBranch(before, /^service-registry\/deprecate-project-a-api-\w{8}$/),
      'projects/project-a/services.toml',
    );
    expect(file).toMatch(/status = "deprecated"/);
    expect(file).toMatch(/sunset_date = "2027-06-30"/);
    const consumers = outputText(result, 'Consumers that must migrate');
    expect(consumers).toContain('project-b-shipping');
    expect(consumers).toContain('project-a-checkout');
    // the body is validate's pullRequestBody: the consumers, then the report, fitted as a whole
    const branch = newBranch(
      before,
      /^service-registry\/deprecate-project-a-api-\w{8}$/,
    );
    const body = git('log', '-1', '--format=%B', branch);
    expect(body).toContain(
      '### Consumers that must migrate off `project-a-api`',
    );
    expect(body.indexOf('project-b-shipping')).toBeLessThan(
      body.indexOf('## Deprecate project-a-api'),
    );
  });

  it('deprecate-service: deprecates a service that has no successor', async () => {
    const before = branches();
    const result = await runTemplate('service-registry-deprecate-service', {
      service: 'component:default/project-c-reporting',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-30',
      guideUrl: 'https://wiki.example.com/project-c-reporting-sunset',
      difficulty: 'moderate',
      estimatedEffortHours: 8,
      registryUrl: '',
    });
    expectCompleted(result);
    const file = fileAt(
      newBranch(
        before,
        /^service-registry\/deprecate-project-c-reporting-\w{8}$/,
      ),
      'projects/project-c/services.toml',
    );
    const table = file.slice(
      file.indexOf('[service.project-c-reporting]'),
      file.indexOf(
        '[service.',
        file.indexOf('[service.project-c-reporting]') + 1,
      ),
    );
    expect(table).toMatch(/status = "deprecated"/);
    expect(table).toMatch(/sunset_date = "2027-06-30"/);
    expect(table).not.toMatch(/replacement_service/);
    const consumers = outputText(result, 'Consumers that must migrate');
    expect(consumers).toContain('project-c-dashboard');
    expect(consumers).toContain('must move before 2027-06-30');
  });

  it('deprecate-service: a second run for the same service (the first pull request abandoned) pushes its own branch', async () => {
    const input = {
      service: 'component:default/project-c-etl-job',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-30',
      guideUrl: 'https://wiki.example.com/project-c-etl-job-sunset',
      difficulty: 'easy',
      estimatedEffortHours: 2,
      registryUrl: '',
    };
    const before = branches();
    expectCompleted(
      await runTemplate('service-registry-deprecate-service', input),
    );
    const first = newBranch(
      before,
      /^service-registry\/deprecate-project-c-etl-job-\w{8}$/,
    );
    expectCompleted(
      await runTemplate('service-registry-deprecate-service', input),
    );
    const second = newBranch(
      [...before, first],
      /^service-registry\/deprecate-project-c-etl-job-\w{8}$/,
    );
    expect(second).not.toBe(first);
  });

  it('update-service: a breaking change lands on its own branch with whom it affects', async () => {
    const before = branches();
    const result = await runTemplate('service-registry-update-service', {
      service: 'component:default/project-a-api',
      port: 9090,
      ...NO_DEPENDENCY_CHANGE,
      failOnBreakingChanges: false,
      registryUrl: '',
    });
    expectCompleted(result);
    const [branch, ...others] = branches().filter(b => !before.includes(b));
    expect(others).toEqual([]);
    expect(branch).toMatch(/^service-registry\/update-project-a-api-\w{8}$/);
    const file = fileAt(branch, 'projects/project-a/services.toml');
    expect(file).toMatch(/\[service\.project-a-api\][^[]*port = 9090/);
    expect(git('log', '-1', '--format=%B', branch)).toContain(
      'Change project-a-api (port)',
    );

    const summary = outputText(result, 'Registry change');
    expect(summary).toContain('`projects/project-a/services.toml`: port.');
    expect(summary).toMatch(
      /Breaking changes: \d+; projects affected: project-a, project-b/,
    );
    const report = outputText(result, 'Validation report');
    expect(report).toContain('project-b-shipping');
    expect(report).toContain('project-a-checkout');
    expect(outputText(result, 'Diff')).toContain('+port = 9090');
    // a branch of a local registry: no reviewers step
    expect(result.log).not.toContain('Reviewers on');
    expect(outputText(result, 'Reviewers')).toBe(
      'None: a branch of a local registry has no reviewers.',
    );
  });

  it('update-service: a major version its consumers do not accept stops with what they must change', async () => {
    const before = branches();
    const result = await runTemplate('service-registry-update-service', {
      service: 'component:default/project-a-api',
      version: '4.0.0',
      ...NO_DEPENDENCY_CHANGE,
      failOnBreakingChanges: false,
      registryUrl: '',
    });
    expect(result.status).toBe('failed');
    for (const consumer of ['project-a-checkout', 'project-b-shipping']) {
      expect(result.log).toMatch(
        new RegExp(
          `${consumer}\\): Service "${consumer}" needs "project-a-api" \\^3\\.0, but "project-a-api" is at version 4\\.0\\.0: widen the range`,
        ),
      );
    }
    expect(branches()).toEqual(before);
  });

  it('update-service: adds and removes dependencies, keeping the rest of the lists', async () => {
    const before = branches();
    const result = await runTemplate('service-registry-update-service', {
      service: 'component:default/project-c-reporting',
      tier: 'high',
      addRequires: ['component:default/analytics-service'],
      addOptional: [],
      removeDependencies: ['component:default/project-c-warehouse-db'],
      failOnBreakingChanges: false,
      registryUrl: '',
    });
    expectCompleted(result);
    const [branch] = branches().filter(b => !before.includes(b));
    const file = fileAt(branch, 'projects/project-c/services.toml');
    const table = file.slice(file.indexOf('[service.project-c-reporting]'));
    expect(table).toMatch(/tier = "high"/);
    expect(table).toMatch(
      /requires = \["old-api", "shared-auth", "analytics-service"\]/,
    );
    expect(outputText(result, 'Registry change')).toContain(
      ': tier, dependencies.requires.',
    );
  });

  it('update-service: retiring a service that is still required stops and names its consumers', async () => {
    const before = branches();
    const result = await runTemplate('service-registry-update-service', {
      service: 'component:default/legacy-search',
      status: 'retired',
      ...NO_DEPENDENCY_CHANGE,
      failOnBreakingChanges: false,
      registryUrl: '',
    });
    expect(result.status).toBe('failed');
    expect(result.log).toMatch(/project-b-warehouse.*legacy-search.*retired/);
    expect(branches()).toEqual(before);
  });

  it('update-service: stops before publishing when asked to and the change breaks consumers', async () => {
    const before = branches();
    const result = await runTemplate('service-registry-update-service', {
      service: 'component:default/project-a-api',
      port: 9090,
      ...NO_DEPENDENCY_CHANGE,
      failOnBreakingChanges: true,
      registryUrl: '',
    });
    expect(result.status).toBe('failed');
    expect(result.log).toMatch(/breaking/i);
    expect(branches()).toEqual(before);
  });

  it('update-service: says what to do when nothing would change', async () => {
    const result = await runTemplate('service-registry-update-service', {
      service: 'component:default/project-a-api',
      ...NO_DEPENDENCY_CHANGE,
      failOnBreakingChanges: false,
      registryUrl: '',
    });
    expect(result.status).toBe('failed');
    expect(result.log).toContain('Nothing to change for project-a-api');
  });
});

describe('the portal templates with a GitHub-hosted registry', () => {
  /** The requests GitHub received during a task. */
  async function githubRequestsOf(run: () => Promise<TaskResult>) {
    const from = github.requests.length;
    const result = await run();
    return { result, requests: github.requests.slice(from) };
  }

  const isReviewerRequest = (r: GithubRequest) =>
    /^\/repos\/example-org\/service-registry\/pulls\/\d+\/requested_reviewers$/.test(
      r.path,
    );

  it('update-service: opens the pull request and requests the required approvers the catalog knows as reviewers', async () => {
    const { result, requests } = await githubRequestsOf(() =>
      runTemplate('service-registry-update-service', {
        service: 'component:default/project-a-api',
        port: 9090,
        ...NO_DEPENDENCY_CHANGE,
        failOnBreakingChanges: false,
        registryUrl: GITHUB_REGISTRY_URL,
      }),
    );
    expectCompleted(result);
    // the registry was read from GitHub, and nothing was asked that the fake does not serve
    expect(requests[0]).toMatchObject({
      method: 'GET',
      path: `${GITHUB_REPO}/commits/main/status`,
      authorization: 'Bearer test-token',
    });
    expect(requests.filter(r => !r.served)).toEqual([]);
    expect(requests.map(r => `${r.method} ${r.path}`)).toContain(
      `GET ${GITHUB_REPO}/tarball/${GITHUB_MAIN_SHA}`,
    );

    const pulls = requests.filter(
      r => r.method === 'POST' && r.path === `${GITHUB_REPO}/pulls`,
    );
    expect(pulls).toHaveLength(1);
    const body: string = pulls[0].body.body;
    // the breaking change needs the policy's teams; the port, a configuration change, @jane too
    expect(body).toContain('### Required approvals');
    for (const approver of ['@platform-team', '@security-team', '@jane']) {
      expect(body).toContain(`- \`${approver}\`:`);
    }

    // each reviewer checked for access to the repository, with the integration's credentials
    expect(
      requests
        .filter(r => /collaborators|\/teams\//.test(r.path))
        .map(r => `${r.method} ${r.path} ${r.authorization}`)
        .sort(),
    ).toEqual([
      'GET /orgs/example-org/teams/platform-team/repos/example-org/service-registry Bearer test-token',
      `GET ${GITHUB_REPO}/collaborators/jane-gh Bearer test-token`,
    ]);

    // after the pull request, one request for the reviewers the catalog resolves: the team of
    // the Group platform-team and the login of the User jane
    const index = requests.indexOf(pulls[0]);
    const asked = requests.filter(isReviewerRequest);
    expect(asked).toHaveLength(1);
    expect(requests.indexOf(asked[0])).toBeGreaterThan(index);
    expect(asked[0]).toMatchObject({
      path: `${GITHUB_REPO}/pulls/${
        /\d+/.exec(asked[0].path)![0]
      }/requested_reviewers`,
      authorization: 'token test-token',
      body: { reviewers: ['jane-gh'], team_reviewers: ['platform-team'] },
    });
    expect(result.log).toMatch(
      /Added users \[.*\] and teams \[.*\] as reviewers/,
    );

    // the approvers that give no reviewer are logged, one line each, and shown in the output
    expect(result.log).toContain(
      'No reviewer for approver "@security-team" (no-annotation): group:default/security-team has no annotation github.com/team-slug',
    );
    expect(result.log).toContain(
      'No reviewer for approver "@ops-team" (not-found): no group:default/ops-team nor user:default/ops-team in the catalog, or none you may see',
    );
    const reviewers = outputText(result, 'Reviewers');
    expect(reviewers).toContain(
      'Requested from users: jane-gh; teams: platform-team.',
    );
    expect(reviewers).toMatch(/not resolved to a reviewer.*@security-team/);
    expect(reviewers).toMatch(/not resolved to a reviewer.*@ops-team/);
    expect(outputText(result, 'Registry change')).toContain(
      'Pull request: https://github.com/example-org/service-registry/pull/',
    );
  });

  it('update-service: an approver GitHub gives no access to the repository is left out, so that the others are requested', async () => {
    // one login GitHub would refuse made it refuse every reviewer of the request
    github.collaborators.delete('jane-gh');
    try {
      const { result, requests } = await githubRequestsOf(() =>
        runTemplate('service-registry-update-service', {
          service: 'component:default/project-a-api',
          port: 9092,
          ...NO_DEPENDENCY_CHANGE,
          failOnBreakingChanges: false,
          registryUrl: GITHUB_REGISTRY_URL,
        }),
      );
      expectCompleted(result);
      expect(requests.filter(r => !r.served)).toEqual([]);
      const asked = requests.filter(isReviewerRequest);
      expect(asked).toHaveLength(1);
      // the template passes no empty list of users
      expect(asked[0].body).toEqual({ team_reviewers: ['platform-team'] });
      expect(result.log).not.toContain('Failure when adding reviewers');
      expect(result.log).toContain(
        'No reviewer for approver "@jane" (no-access): jane-gh is not a collaborator of example-org/service-registry on GitHub, which would refuse the review request of every reviewer with it',
      );
      expect(outputText(result, 'Reviewers')).toContain(
        'Requested from users: none; teams: platform-team.',
      );
    } finally {
      github.collaborators.add('jane-gh');
    }
  });

  it("update-service: an approver who authors the pull request (the token's user) is left out, so that the others are requested", async () => {
    // GitHub refuses a review request as a whole when it names the pull request's author
    github.tokenUser = 'jane-gh';
    try {
      const { result, requests } = await githubRequestsOf(() =>
        runTemplate('service-registry-update-service', {
          service: 'component:default/project-a-api',
          port: 9093,
          ...NO_DEPENDENCY_CHANGE,
          failOnBreakingChanges: false,
          registryUrl: GITHUB_REGISTRY_URL,
        }),
      );
      expectCompleted(result);
      expect(requests.filter(r => !r.served)).toEqual([]);
      expect(
        requests
          .filter(r => r.path === '/user')
          .map(r => `${r.method} ${r.authorization}`),
      ).toEqual(['GET Bearer test-token']);
      const asked = requests.filter(isReviewerRequest);
      expect(asked).toHaveLength(1);
      expect(asked[0].body).toEqual({ team_reviewers: ['platform-team'] });
      expect(result.log).toMatch(
        /No reviewer for approver "@jane" \(author\): .*jane-gh/,
      );
      expect(outputText(result, 'Reviewers')).toContain(
        'Requested from users: none; teams: platform-team.',
      );
    } finally {
      github.tokenUser = 'service-registry-bot';
    }
  });

  it('update-service: a change that needs no approval opens the pull request and requests no reviewer', async () => {
    const { result, requests } = await githubRequestsOf(() =>
      runTemplate('service-registry-update-service', {
        service: 'component:default/project-a-api',
        description: 'The API of project A, described anew.',
        ...NO_DEPENDENCY_CHANGE,
        failOnBreakingChanges: false,
        registryUrl: GITHUB_REGISTRY_URL,
      }),
    );
    expectCompleted(result);
    const pulls = requests.filter(
      r => r.method === 'POST' && r.path === `${GITHUB_REPO}/pulls`,
    );
    expect(pulls).toHaveLength(1);
    expect(requests.filter(r => !r.served)).toEqual([]);
    expect(pulls[0].body.body).not.toContain('### Required approvals');
    // the step ran and found no approver; the publish step got no (empty) list to request
    expect(result.log).toContain(
      'Reviewers on GitHub: no user; no team (0 approvers unresolved)',
    );
    expect(requests.filter(isReviewerRequest)).toEqual([]);
    expect(result.log).not.toContain('Failure when adding reviewers');
  });

  it('update-service: a request for reviewers GitHub refuses leaves the pull request open and the task completed', async () => {
    github.refuseReviewers = true;
    try {
      const { result, requests } = await githubRequestsOf(() =>
        runTemplate('service-registry-update-service', {
          service: 'component:default/project-a-api',
          port: 9091,
          ...NO_DEPENDENCY_CHANGE,
          failOnBreakingChanges: false,
          registryUrl: GITHUB_REGISTRY_URL,
        }),
      );
      // publish:github:pull-request logs the failure and goes on: no reviewer is requested at all
      expectCompleted(result);
      expect(requests.filter(isReviewerRequest)).toHaveLength(1);
      expect(result.log).toMatch(
        /Failure when adding reviewers to Pull request \d+/,
      );
      expect(outputText(result, 'Registry change')).toContain(
        'Pull request: https://github.com/example-org/service-registry/pull/',
      );
    } finally {
      github.refuseReviewers = false;
    }
  });
});
