import { ReadError } from './errors';

/** How long one request to a hosted API may take. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A hosted API's answer that is not a success: a {@link ReadError} (told in one line, exit code 2)
 * that keeps the status, for a caller that has a way around it.
 */
export class HostedApiError extends ReadError {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/** A hosted SCM's REST API as the CLI calls it: its name, the token and what its answers mean. */
export interface HostedApi {
  /** `GitHub`, `GitLab`: how messages name it. */
  name: string;
  /** The variable that holds the API's address, which a message about a wrong address names. */
  urlVariable: string;
  /** The token; sent in the headers `headers` makes, and never printed. */
  token: string;
  /** The headers of every request, the token's among them. */
  headers: Record<string, string>;
  /** What to do about an error status. */
  adviceFor(status: number): string;
}

/** The host's own message from an error body (`{"message": …}` or `{"error": …}`), if any. */
async function hostMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as {
      message?: unknown;
      error?: unknown;
    };
    const message = body.message ?? body.error;
    if (message === undefined) return undefined;
    return typeof message === 'string' ? message : JSON.stringify(message);
  } catch {
    return undefined;
  }
}

/**
 * Whether an error answer is a rate limit: `429`, or GitHub's `403` with no requests left
 * (`x-ratelimit-remaining: 0`) or a `retry-after` (a secondary rate limit). Such a `403` is no
 * refusal: a caller that reads a `403` as an answer (not a team's member) must not read it so.
 */
function isRateLimit(response: Response): boolean {
  return (
    response.status === 429 ||
    (response.status === 403 &&
      (response.headers.get('x-ratelimit-remaining') === '0' ||
        response.headers.has('retry-after')))
  );
}

/**
 * A hosted API's address (`GITHUB_API_URL`, `CI_API_V4_URL`) without trailing slashes, to which
 * request paths are appended.
 */
export function apiRoot(apiUrl: string): string {
  return apiUrl.replace(/\/+$/, '');
}

/** What a status usually means on any host, for the statuses a host's advice leaves to it. */
export function commonAdvice(name: string, status: number): string {
  if (status === 429)
    return `${name} limits the rate of requests: run the job again later`;
  if (status >= 500) return `${name} could not answer: run the job again later`;
  return `${name} refused the request`;
}

/**
 * One request to a hosted API, its answer's body as JSON with its headers. It never follows a
 * redirect (the token would go with it) and times out after 30 seconds. Anything but a 2xx
 * answer with a JSON body throws a {@link ReadError} that says what could not be done (`what`),
 * the status, the host's message (the token shown as `[token]` should the host echo it) and what
 * to do.
 */
export async function requestJson(
  api: HostedApi,
  what: string,
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ json: unknown; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...api.headers,
        ...(init.body === undefined
          ? {}
          : { 'Content-Type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      // a redirect is told, not followed: the token would go with it
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`
        : cause?.message ?? (error as Error).message;
    throw new ReadError(
      `cannot ${what}: ${api.name} at ${
        new URL(url).origin
      } cannot be reached (${reason})`,
    );
  }
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    throw new ReadError(
      `cannot ${what}: ${api.name} answered ${response.status}, a redirect${
        location ? ` to ${new URL(location, url).origin}` : ''
      }, which is not followed so that the token goes nowhere else; check ${
        api.urlVariable
      }`,
    );
  }
  if (!response.ok) {
    const message = await hostMessage(response);
    const said = message
      ? ` (${message.split(api.token).join('[token]')})`
      : '';
    // a rate limit is told as one (status 429), whatever status the host gave it
    const status = isRateLimit(response) ? 429 : response.status;
    throw new HostedApiError(
      `cannot ${what}: ${api.name} answered ${response.status}${said}; ${
        status === 429 ? commonAdvice(api.name, 429) : api.adviceFor(status)
      }`,
      status,
    );
  }
  try {
    return { json: await response.json(), headers: response.headers };
  } catch {
    throw new ReadError(
      `cannot ${what}: ${api.name}'s answer is not JSON; check ${api.urlVariable}`,
    );
  }
}

/**
 * {@link requestJson}, or undefined when the host answers one of `statuses` (`404` for a user who
 * is not a team's member: an answer, not a failure).
 */
export async function requestJsonUnless(
  api: HostedApi,
  what: string,
  url: string,
  statuses: readonly number[],
): Promise<{ json: unknown; headers: Headers } | undefined> {
  try {
    return await requestJson(api, what, url);
  } catch (error) {
    if (error instanceof HostedApiError && statuses.includes(error.status)) {
      return undefined;
    }
    throw error;
  }
}
