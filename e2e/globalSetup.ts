/**
 * Waits until the portal's backend is ready, so that tests do not race its start-up. Playwright's
 * webServer waits for the frontend only.
 */
export default async function globalSetup(): Promise<void> {
  const backendUrl =
    process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      const res = await fetch(`${backendUrl}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the backend at ${backendUrl} did not become ready within 300 s`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
