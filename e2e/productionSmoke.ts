/*
 * The production build's smoke test (`./portal test production`): the built backend, started by
 * the portal from its unpacked bundle on PostgreSQL, must serve the built app and then hold what
 * the browser tests wait for (`waitForPortal`: readiness, a guest token, the demo registry
 * ingested through the built entity provider, the service-registry API's deprecations), serve
 * the service-registry API's OpenAPI description, a file its package ships beside its code, and
 * list a branch pushed to the demo registry's repository as a pending change, with what it
 * breaks (summarized on the worker thread, which runs the built common package), and run the
 * deprecate-service template as a task of the built scaffolder (its validate step reviews the
 * change on a worker thread too) to a branch of that repository.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs e2e/productionSmoke.ts \
 *     <backend base URL> [<backend pid>]
 *
 * Exits 1 with what failed; each wait gives up after its timeout, or at once when the backend's
 * process (given its pid) has exited.
 */
import {
  deleteDemoRegistryBranch,
  pushDemoRegistryBranch,
} from '../packages/app/e2e-tests/demoRegistryBranches';
import { waitForPortal } from './waitForPortal';

const say = (message: string) =>
  console.log(`production smoke test: ${message}`);

async function main(): Promise<void> {
  const backendUrl = (process.argv[2] ?? 'http://localhost:7007').replace(
    /\/$/,
    '',
  );
  const backendPid = process.argv[3] ? Number(process.argv[3]) : undefined;

  // the bundle's start-up (migrations on a new database, the first ingestion) takes up to minutes
  const { token } = await waitForPortal({
    backendUrl,
    backendPid,
    timeoutMs: 180_000,
    log: say,
  });

  const html = await (await fetch(`${backendUrl}/`)).text();
  if (!html.includes('<div id="root">')) {
    throw new Error(
      `the built app is not served at ${backendUrl}/ (got: ${html.slice(
        0,
        120,
      )})`,
    );
  }
  say('the built app is served');

  // the OpenAPI description is a file the package ships beside its code, read at run time
  const described = await fetch(
    `${backendUrl}/api/service-registry/openapi.json`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  const document = described.ok ? await described.json() : undefined;
  if (
    !document?.paths?.['/graph'] ||
    document.servers?.[0]?.url !== `${backendUrl}/api/service-registry`
  ) {
    throw new Error(
      `the built backend does not serve the service-registry API's OpenAPI description (GET /api/service-registry/openapi.json: ${
        described.status
      } ${JSON.stringify(document?.servers ?? null)})`,
    );
  }
  say("the service-registry API's OpenAPI description is served");

  await expectPendingChange(backendUrl, token);
  say('a branch pushed to the registry is listed as a pending change');

  await expectTemplateTask(backendUrl, token);
  say(
    'the deprecate-service template runs as a task, validated, to a branch of the registry',
  );
}

/** The service the smoke test's task deprecates: a global service with consumers. */
const TASK_SERVICE = 'notification-service';

/** What the scaffolder's task events hold that the smoke test reads. */
interface TaskEvent {
  type: string;
  body: {
    message?: string;
    stepId?: string;
    output?: { text?: { title?: string; content?: string }[] };
  };
}

/**
 * Runs the deprecate-service template as the form would (a task of the built scaffolder, as the
 * guest user) on the demo registry's repository, and waits until it completes: the registry's
 * actions are in the bundle, and the validate step reviews the change on its worker thread, which
 * loads the built common package. The branch the task pushes is deleted after.
 */
async function expectTemplateTask(
  backendUrl: string,
  token: string,
): Promise<void> {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${backendUrl}/api/scaffolder/v2${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
    });
  const today = new Date().toISOString().slice(0, 10);
  const sunset = new Date(Date.now() + 180 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const created = await api('/tasks', {
    method: 'POST',
    body: JSON.stringify({
      templateRef: 'template:default/service-registry-deprecate-service',
      values: {
        service: TASK_SERVICE,
        deprecationDate: today,
        sunsetDate: sunset,
        guideUrl: 'https://example.com/migrate-off-notification-service',
        difficulty: 'easy',
        estimatedEffortHours: 4,
        registryUrl: '',
      },
    }),
  });
  if (!created.ok) {
    throw new Error(
      `the built scaffolder refused the deprecate-service task (POST /api/scaffolder/v2/tasks: ${
        created.status
      } ${(await created.text()).slice(0, 300)})`,
    );
  }
  const { id } = (await created.json()) as { id: string };
  const branch = `service-registry/deprecate-${TASK_SERVICE}-${id.slice(0, 8)}`;
  try {
    const deadline = Date.now() + 120_000;
    let status = '';
    while (Date.now() < deadline) {
      const task = await api(`/tasks/${id}`);
      status = task.ok
        ? ((await task.json()) as { status: string }).status
        : '';
      if (['completed', 'failed', 'cancelled'].includes(status)) break;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
    const events = (await (
      await api(`/tasks/${id}/events`)
    ).json()) as TaskEvent[];
    const logOf = (step: string) =>
      events
        .filter(e => e.type === 'log' && e.body.stepId === step)
        .map(e => e.body.message ?? '');
    const report = events
      .find(e => e.type === 'completion')
      ?.body.output?.text?.find(t => t.title === 'Validation report')?.content;
    if (
      status !== 'completed' ||
      !logOf('validate').some(m => m.includes('Registry change:')) ||
      !report?.includes(`## Deprecate ${TASK_SERVICE}`)
    ) {
      throw new Error(
        `the deprecate-service task of the built scaffolder did not complete with its validation report (status "${
          status || 'unknown'
        }"; last messages: ${events
          .filter(e => e.type === 'log')
          .slice(-6)
          .map(e => `[${e.body.stepId ?? '-'}] ${e.body.message ?? ''}`)
          .join(' | ')
          .slice(0, 1200)})`,
      );
    }
  } finally {
    deleteDemoRegistryBranch(branch);
  }
}

/**
 * Pushes a branch that bumps shared-auth's major version and waits (the demo reuses an answer
 * for 5 s) until the built backend lists it with that breaking change; the branch is deleted
 * after.
 */
async function expectPendingChange(
  backendUrl: string,
  token: string,
): Promise<void> {
  const branch = pushDemoRegistryBranch(
    'production-smoke',
    'Bump shared-auth to 2.0.0',
    'services/catalog.toml',
    text => text.replace('version = "1.2.3"', 'version = "2.0.0"'),
  );
  try {
    const deadline = Date.now() + 60_000;
    let last = '';
    while (Date.now() < deadline) {
      const answer = await fetch(
        `${backendUrl}/api/service-registry/pending-changes`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const body = answer.ok ? await answer.json() : undefined;
      const change = body?.changes?.find(
        (c: { branch: string }) => c.branch === branch,
      );
      if (
        change?.changed?.includes('shared-auth') &&
        change.breakingChanges?.some(
          (b: { kind: string }) => b.kind === 'major-version-bump',
        )
      ) {
        return;
      }
      last = `${answer.status} ${JSON.stringify(change ?? body ?? null).slice(
        0,
        300,
      )}`;
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
    throw new Error(
      `the built backend does not list the pending change ${branch} with its major version bump (GET /api/service-registry/pending-changes: ${last})`,
    );
  } finally {
    deleteDemoRegistryBranch(branch);
  }
}

main().catch(error => {
  console.error(`production smoke test: ${error?.message ?? error}`);
  process.exitCode = 1;
});
