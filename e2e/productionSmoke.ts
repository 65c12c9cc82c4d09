/*
 * The production build's smoke test (`./portal test production`): the built backend, started by
 * the portal from its unpacked bundle on PostgreSQL, must serve the built app and then hold what
 * the browser tests wait for (`waitForPortal`: readiness, a guest token, the demo registry
 * ingested through the built entity provider, the service-registry API's deprecations).
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs e2e/productionSmoke.ts \
 *     <backend base URL> [<backend pid>]
 *
 * Exits 1 with what failed; each wait gives up after its timeout, or at once when the backend's
 * process (given its pid) has exited.
 */
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
  await waitForPortal({ backendUrl, backendPid, timeoutMs: 180_000, log: say });

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
}

main().catch(error => {
  console.error(`production smoke test: ${error?.message ?? error}`);
  process.exitCode = 1;
});
