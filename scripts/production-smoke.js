#!/usr/bin/env node
/*
 * The production build's smoke test (`./portal test production`): the built backend, started by
 * the portal from its unpacked bundle on PostgreSQL, must
 *   - become ready,
 *   - serve the built app,
 *   - give a guest a token (the demo config keeps guest sign-in),
 *   - ingest the demo registry through the built service-registry entity provider (its Components
 *     queryable in the catalog), and
 *   - answer the service-registry backend plugin's API with the registry's deprecations.
 *
 *   node scripts/production-smoke.js <backend base URL> [<backend pid>]
 *
 * Exits 1 with what failed; each wait gives up after its timeout, or at once when the backend's
 * process (given its pid) has exited.
 */
const baseUrl = (process.argv[2] ?? 'http://localhost:7007').replace(/\/$/, '');
const backendPid = process.argv[3] ? Number(process.argv[3]) : undefined;

function backendExited() {
  if (backendPid === undefined) return false;
  try {
    process.kill(backendPid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Services of examples/registry that the catalog must hold (one global, one per project). */
const EXPECTED_COMPONENTS = [
  'legacy-search',
  'project-a-api',
  'project-b-warehouse',
  'project-c-reporting',
];

function fail(message) {
  console.error(`production smoke test: ${message}`);
  process.exit(1);
}

async function poll(what, timeoutMs, attempt) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const result = await attempt();
      if (result.ok) return result.value;
      last = result.why;
    } catch (error) {
      last = String(error?.cause?.code ?? error?.message ?? error);
    }
    if (backendExited()) fail(`${what}: the backend exited (${last})`);
    if (Date.now() > deadline) {
      fail(`${what}: not after ${timeoutMs / 1000} s (${last})`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

async function main() {
  await poll('the backend ready', 180_000, async () => {
    const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
    return { ok: res.ok, why: `readiness ${res.status}` };
  });
  console.log('production smoke test: the backend is ready');

  const html = await (await fetch(`${baseUrl}/`)).text();
  if (!html.includes('<div id="root">')) {
    fail(
      `the built app is not served at ${baseUrl}/ (got: ${html.slice(0, 120)})`,
    );
  }
  console.log('production smoke test: the built app is served');

  const token = await poll('a guest token', 30_000, async () => {
    const res = await fetch(`${baseUrl}/api/auth/guest/refresh`);
    if (!res.ok) return { ok: false, why: `guest refresh ${res.status}` };
    const body = await res.json();
    const value = body?.backstageIdentity?.token;
    return { ok: Boolean(value), value, why: 'no token in the answer' };
  });
  const headers = { Authorization: `Bearer ${token}` };

  await poll('the registry ingested into the catalog', 180_000, async () => {
    const refs = EXPECTED_COMPONENTS.map(id => `component:default/${id}`);
    const res = await fetch(`${baseUrl}/api/catalog/entities/by-refs`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ entityRefs: refs, fields: ['metadata.name'] }),
    });
    if (!res.ok) return { ok: false, why: `catalog ${res.status}` };
    const { items } = await res.json();
    const missing = EXPECTED_COMPONENTS.filter((_, k) => !items[k]);
    return {
      ok: missing.length === 0,
      why: `not in the catalog yet: ${missing.join(', ')}`,
    };
  });
  console.log(
    `production smoke test: the catalog holds the registry's services (${EXPECTED_COMPONENTS.join(
      ', ',
    )})`,
  );

  const deprecations = await poll(
    "the service-registry API's deprecations",
    60_000,
    async () => {
      const res = await fetch(`${baseUrl}/api/service-registry/deprecations`, {
        headers,
      });
      if (!res.ok) return { ok: false, why: `deprecations ${res.status}` };
      const body = await res.json();
      const services = (body.items ?? []).map(item => item.service);
      return {
        ok: services.includes('legacy-search'),
        value: services,
        why: `legacy-search not among ${JSON.stringify(services)}`,
      };
    },
  );
  console.log(
    `production smoke test: the service-registry API answers (deprecated: ${deprecations.join(
      ', ',
    )})`,
  );
}

main().catch(error => fail(String(error?.stack ?? error)));
