/*
 * The production build's smoke test (`./portal test production`): the built backend, started by
 * the portal from its unpacked bundle on PostgreSQL, must serve the built app and then hold what
 * the browser tests wait for (`waitForPortal`: readiness, a guest token, the demo registry
 * ingested through the built entity provider, the service-registry API's deprecations), serve
 * the service-registry API's OpenAPI description, a file its package ships beside its code, and
 * list a branch pushed to the demo registry's repository as a pending change, with what it
 * breaks (summarized on the worker thread, which runs the built common package).
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
