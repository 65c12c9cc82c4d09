import { waitForPortal } from './waitForPortal';

/**
 * Waits until the portal's backend is ready and has ingested the demo registry, so that tests do
 * not race its start-up (Playwright's webServer waits for the frontend only, and an entity page
 * opened before its entity exists shows "Entity not found" without retrying).
 */
export default async function globalSetup(): Promise<void> {
  await waitForPortal({
    backendUrl: process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007',
    timeoutMs: 300_000,
  });
}
