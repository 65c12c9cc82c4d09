/**
 * Waits until the portal's backend is ready and has ingested the demo registry, so that tests do
 * not race its start-up (Playwright's webServer waits for the frontend only, and an entity page
 * opened before its entity exists shows "Entity not found" without retrying).
 */
export default async function globalSetup(): Promise<void> {
  const backendUrl =
    process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
  const deadline = Date.now() + 300_000;
  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    for (;;) {
      try {
        if (await check()) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`${what} at ${backendUrl} within 300 s: it did not`);
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  };

  await waitFor('the backend should become ready', async () => {
    const res = await fetch(`${backendUrl}/.backstage/health/v1/readiness`);
    return res.ok;
  });

  // a guest token, as the app's guest sign-in gets one
  let token = '';
  await waitFor('the guest sign-in should answer', async () => {
    const res = await fetch(`${backendUrl}/api/auth/guest/refresh`);
    if (!res.ok) return false;
    const body = await res.json();
    token = body?.backstageIdentity?.token ?? '';
    return token !== '';
  });
  const get = (path: string) =>
    fetch(`${backendUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });

  // the registry provider's first run: its services are entities and its snapshot is served
  await waitFor('the demo registry should be in the catalog', async () => {
    const [entity, registry] = await Promise.all([
      get('/api/catalog/entities/by-name/component/default/old-api'),
      get('/api/service-registry/deprecations'),
    ]);
    return entity.ok && registry.ok;
  });
}
