import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
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
import scaffolderModuleServiceRegistry from '@service-registry/plugin-scaffolder-backend-module-service-registry';
import { eventually } from '@service-registry/test-support';

/*
 * The portal's templates (templates/*) as the portal runs them: the real catalog serves the
 * template entities, the real scaffolder runs their steps with the suite's actions, and the
 * change lands as a branch of a real git repository made by scripts/demo-registry-remote.sh.
 * What the form would send is given as the task's values (entity refs from the pickers).
 */

const ROOT = path.resolve(__dirname, '../../..');
const TEMPLATES = ['new-service', 'deprecate-service', 'update-service'];

jest.setTimeout(180_000);

let tmp: string;
let remote: string;
let backend: Awaited<ReturnType<typeof startTestBackend>>;

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
  backend = await startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModel,
      scaffolderPlugin,
      scaffolderModuleServiceRegistry,
      pluginDatabases,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Template', 'Location'] }],
            locations: TEMPLATES.map(t => ({
              type: 'file',
              target: path.join(ROOT, 'templates', t, 'template.yaml'),
            })),
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
