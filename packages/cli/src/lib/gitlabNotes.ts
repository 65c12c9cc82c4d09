import { ReadError } from './errors';

/**
 * The hidden line that marks the note the CLI posts, so that the next pipeline of the same merge
 * request replaces it rather than adding one more.
 */
export const NOTE_MARKER = '<!-- service-registry:gitlab-note -->';

/** GitLab's limit on a note's body, in characters. */
export const MAX_NOTE_CHARACTERS = 1_000_000;

/** Notes read (100 a page) while looking for the one posted before; after them a new one is posted. */
const MAX_PAGES = 20;

/** How long one request to GitLab may take. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Where a merge request's notes are, and the token that may write them. */
export interface MergeRequestTarget {
  /** GitLab's REST API, `https://gitlab.example.com/api/v4` (`CI_API_V4_URL`). */
  apiUrl: string;
  /** The id or path of the merge request's project (`CI_MERGE_REQUEST_PROJECT_ID`). */
  projectId: string;
  /** The merge request's number in its project (`CI_MERGE_REQUEST_IID`). */
  mergeRequestIid: string;
  /** A token with the `api` scope and at least the Reporter role; never printed. */
  token: string;
}

/** What {@link upsertMergeRequestNote} did. */
export interface NoteResult {
  action: 'created' | 'updated';
  noteId: number;
}

interface GitlabNote {
  id: number;
  body?: string;
  system?: boolean;
  author?: { id?: number };
}

/** Why GitLab answers a status, and what to do about it. */
function adviceFor(status: number): string {
  switch (status) {
    case 401:
      return 'GitLab does not accept the token: check that SERVICE_REGISTRY_GITLAB_TOKEN holds an access token that has not expired or been revoked, with the api scope';
    case 403:
      return "the token may not write this merge request's notes: it needs the api scope and at least the Reporter role in the project";
    case 404:
      return 'GitLab does not find the project or the merge request, or the token cannot see them: give the token a role in the project of the merge request';
    case 429:
      return 'GitLab limits the rate of requests: run the job again later';
    default:
      return status >= 500
        ? 'GitLab could not answer: run the job again later'
        : 'GitLab refused the request';
  }
}

/** GitLab's own message from an error body (`{"message": …}` or `{"error": …}`), if any. */
async function gitlabMessage(response: Response): Promise<string | undefined> {
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
 * A small client for the notes of one merge request: finds the note the token's user posted
 * before (it holds {@link NOTE_MARKER}) and replaces its body, or posts a new one. Requests never
 * follow a redirect (the token would go with it) and time out after 30 seconds; a refusal is told
 * with its status, GitLab's message and what to do, never with the token.
 */
export class MergeRequestNotes {
  readonly #target: MergeRequestTarget;
  readonly #notesUrl: string;

  constructor(target: MergeRequestTarget) {
    this.#target = target;
    const api = target.apiUrl.replace(/\/+$/, '');
    this.#notesUrl = `${api}/projects/${encodeURIComponent(
      target.projectId,
    )}/merge_requests/${encodeURIComponent(target.mergeRequestIid)}/notes`;
  }

  /** One request; the answer's body as JSON, with its headers. */
  async #request(
    what: string,
    url: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ json: unknown; headers: Headers }> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: init.method ?? 'GET',
        headers: {
          'PRIVATE-TOKEN': this.#target.token,
          Accept: 'application/json',
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
        `cannot ${what}: GitLab at ${
          new URL(url).origin
        } cannot be reached (${reason})`,
      );
    }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      throw new ReadError(
        `cannot ${what}: GitLab answered ${response.status}, a redirect${
          location ? ` to ${new URL(location, url).origin}` : ''
        }, which is not followed so that the token goes nowhere else; check that CI_API_V4_URL is GitLab's API (…/api/v4)`,
      );
    }
    if (!response.ok) {
      const message = await gitlabMessage(response);
      const said = message
        ? ` (${message.split(this.#target.token).join('[token]')})`
        : '';
      throw new ReadError(
        `cannot ${what}: GitLab answered ${response.status}${said}; ${adviceFor(
          response.status,
        )}`,
      );
    }
    try {
      return { json: await response.json(), headers: response.headers };
    } catch {
      throw new ReadError(
        `cannot ${what}: GitLab's answer is not JSON; check that CI_API_V4_URL is GitLab's API (…/api/v4)`,
      );
    }
  }

  /** The id of the token's user. */
  async #userId(): Promise<number> {
    const { json } = await this.#request(
      "read the token's user",
      `${this.#target.apiUrl.replace(/\/+$/, '')}/user`,
    );
    const id = (json as { id?: unknown }).id;
    if (typeof id !== 'number') {
      throw new ReadError(
        "cannot read the token's user: GitLab's answer has no user id",
      );
    }
    return id;
  }

  /** The newest note of the merge request that the user wrote with the marker, if any. */
  async #previousNote(userId: number): Promise<GitlabNote | undefined> {
    let page = '1';
    for (let read = 0; read < MAX_PAGES && page; read++) {
      const { json, headers } = await this.#request(
        "read the merge request's notes",
        `${
          this.#notesUrl
        }?sort=desc&order_by=created_at&per_page=100&page=${page}`,
      );
      if (!Array.isArray(json)) {
        throw new ReadError(
          "cannot read the merge request's notes: GitLab's answer is not a list",
        );
      }
      const found = (json as GitlabNote[]).find(
        note =>
          !note.system &&
          note.author?.id === userId &&
          typeof note.body === 'string' &&
          note.body.includes(NOTE_MARKER),
      );
      if (found) return found;
      page = headers.get('x-next-page') ?? '';
    }
    return undefined;
  }

  /**
   * Posts `body` (with the marker added) as the merge request's note, replacing the body of the
   * note posted before by the same user, if there is one.
   */
  async upsert(body: string): Promise<NoteResult> {
    const text = `${body.replace(/\s+$/, '')}\n\n${NOTE_MARKER}\n`;
    const previous = await this.#previousNote(await this.#userId());
    if (previous) {
      await this.#request(
        "update the merge request's note",
        `${this.#notesUrl}/${previous.id}`,
        { method: 'PUT', body: { body: text } },
      );
      return { action: 'updated', noteId: previous.id };
    }
    const { json } = await this.#request(
      'post a note on the merge request',
      this.#notesUrl,
      { method: 'POST', body: { body: text } },
    );
    return { action: 'created', noteId: (json as { id: number }).id };
  }
}
