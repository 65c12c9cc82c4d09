import { ReadError } from './errors';
import { gitlabApi, MergeRequestTarget, mergeRequestUrl } from './gitlabApi';
import { gitlabUserId } from './gitlabUser';
import { apiRoot, commonAdvice, HostedApi, requestJson } from './hostedApi';
import { isMarkedReport, withReportMarker } from './reportMarker';

/** GitLab's limit on a note's body, in characters. */
export const MAX_NOTE_CHARACTERS = 1_000_000;

/** Notes read (100 a page) while looking for the one posted before; after them a new one is posted. */
const MAX_PAGES = 20;

/** What {@link MergeRequestNotes.upsert} did. */
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
    default:
      return commonAdvice('GitLab', status);
  }
}

/**
 * A small client for the notes of one merge request: finds the note the token's user posted
 * before (it ends with the report's marker) and replaces its body, or posts a new one. Its
 * requests are {@link requestJson}'s: no redirect followed, a timeout, and a refusal told with
 * its status, GitLab's message and what to do, never with the token.
 */
export class MergeRequestNotes {
  readonly #api: HostedApi;
  readonly #apiUrl: string;
  readonly #notesUrl: string;

  constructor(target: MergeRequestTarget) {
    this.#api = gitlabApi(target.token, adviceFor);
    this.#apiUrl = apiRoot(target.apiUrl);
    this.#notesUrl = `${mergeRequestUrl(target)}/notes`;
  }

  /** The newest note of the merge request that the user wrote with the marker, if any. */
  async #previousNote(userId: number): Promise<GitlabNote | undefined> {
    let page = '1';
    for (let read = 0; read < MAX_PAGES && page; read++) {
      const { json, headers } = await requestJson(
        this.#api,
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
          isMarkedReport(note.body),
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
    const text = withReportMarker(body);
    const previous = await this.#previousNote(
      await gitlabUserId(this.#api, this.#apiUrl),
    );
    if (previous) {
      await requestJson(
        this.#api,
        "update the merge request's note",
        `${this.#notesUrl}/${previous.id}`,
        { method: 'PUT', body: { body: text } },
      );
      return { action: 'updated', noteId: previous.id };
    }
    const { json } = await requestJson(
      this.#api,
      'post a note on the merge request',
      this.#notesUrl,
      { method: 'POST', body: { body: text } },
    );
    return { action: 'created', noteId: (json as { id: number }).id };
  }
}
