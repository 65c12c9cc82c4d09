/**
 * Waits until a running portal's backend is ready and has ingested the demo registry
 * (`examples/registry`), and says what it waited for. Used before the browser tests (Playwright's
 * global setup) and by the production build's smoke test (`./portal test production`), so both
 * check the same things:
 *
 * - the backend's readiness endpoint answers;
 * - the guest sign-in gives a token, as the app's sign-in page gets one;
 * - the registry's services are Components in the catalog (one global, one of each project);
 * - the service-registry backend plugin serves the registry's deprecations.
 */

/** Services of examples/registry that the catalog must hold (one global, one per project). */
export const DEMO_REGISTRY_COMPONENTS = [
  'legacy-search',
  'old-api',
  'project-a-api',
  'project-b-warehouse',
  'project-c-reporting',
];

/** A deprecated service of examples/registry that the deprecations API must list. */
export const DEMO_DEPRECATED_SERVICE = 'legacy-search';

/** How {@link waitForPortal} waits. */
export interface WaitForPortalOptions {
  /** The backend's base URL, e.g. `http://localhost:7007`. */
  backendUrl: string;
  /** How long each step may take, in milliseconds. */
  timeoutMs: number;
  /** The backend's process id: when given, a wait ends at once if that process has exited. */
  backendPid?: number;
  /** Told each step once it holds. */
  log?: (message: string) => void;
}

/** What the portal answered once ready. */
export interface PortalReadiness {
  /** A guest's Backstage token. */
  token: string;
  /** The service ids the deprecations API listed. */
  deprecated: string[];
}

type Attempt<T> = () => Promise<
  { ok: true; value: T } | { ok: false; why: string }
>;

function processExited(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * Waits for the portal's backend as described at the top of this file.
 *
 * @throws an Error naming the step that did not hold in time, with the last answer seen, or that
 *   the backend's process exited.
 */
export async function waitForPortal(
  options: WaitForPortalOptions,
): Promise<PortalReadiness> {
  const backendUrl = options.backendUrl.replace(/\/$/, '');
  const log = options.log ?? (() => {});

  const poll = async <T>(what: string, attempt: Attempt<T>): Promise<T> => {
    const deadline = Date.now() + options.timeoutMs;
    let last = 'no answer yet';
    for (;;) {
      try {
        const result = await attempt();
        if (result.ok) return result.value;
        last = result.why;
      } catch (error) {
        const cause = (error as { cause?: { code?: string } })?.cause?.code;
        last = cause ?? String((error as Error)?.message ?? error);
      }
      if (
        options.backendPid !== undefined &&
        processExited(options.backendPid)
      ) {
        throw new Error(`${what}: the backend exited (${last})`);
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${what}: not within ${
            options.timeoutMs / 1000
          } s at ${backendUrl} (${last})`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  };

  await poll('the backend ready', async () => {
    const res = await fetch(`${backendUrl}/.backstage/health/v1/readiness`);
    return res.ok
      ? { ok: true, value: undefined }
      : { ok: false, why: `readiness ${res.status}` };
  });
  log('the backend is ready');

  const token = await poll('a guest token', async () => {
    const res = await fetch(`${backendUrl}/api/auth/guest/refresh`);
    if (!res.ok) return { ok: false, why: `guest refresh ${res.status}` };
    const body = await res.json();
    const value: unknown = body?.backstageIdentity?.token;
    return typeof value === 'string' && value !== ''
      ? { ok: true, value }
      : { ok: false, why: 'no token in the answer' };
  });
  const headers = { Authorization: `Bearer ${token}` };
  log('a guest gets a token');

  await poll('the demo registry in the catalog', async () => {
    const res = await fetch(`${backendUrl}/api/catalog/entities/by-refs`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        entityRefs: DEMO_REGISTRY_COMPONENTS.map(
          id => `component:default/${id}`,
        ),
        fields: ['metadata.name'],
      }),
    });
    if (!res.ok) return { ok: false, why: `catalog ${res.status}` };
    const { items } = await res.json();
    const missing = DEMO_REGISTRY_COMPONENTS.filter((_, k) => !items[k]);
    return missing.length === 0
      ? { ok: true, value: undefined }
      : { ok: false, why: `not in the catalog yet: ${missing.join(', ')}` };
  });
  log(
    `the catalog holds the registry's services (${DEMO_REGISTRY_COMPONENTS.join(
      ', ',
    )})`,
  );

  const deprecated = await poll(
    "the service-registry API's deprecations",
    async () => {
      const res = await fetch(
        `${backendUrl}/api/service-registry/deprecations`,
        {
          headers,
        },
      );
      if (!res.ok) return { ok: false, why: `deprecations ${res.status}` };
      const body = await res.json();
      const services: string[] = (body.items ?? []).map(
        (item: { service: string }) => item.service,
      );
      return services.includes(DEMO_DEPRECATED_SERVICE)
        ? { ok: true, value: services }
        : {
            ok: false,
            why: `${DEMO_DEPRECATED_SERVICE} not among ${JSON.stringify(
              services,
            )}`,
          };
    },
  );
  log(
    `the service-registry API answers (deprecated: ${deprecated.join(', ')})`,
  );

  return { token, deprecated };
}
