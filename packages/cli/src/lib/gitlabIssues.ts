import { ReadError } from './errors';
import { HostedApi, requestJson } from './hostedApi';
import { IssueFields, IssueTracker, TrackedIssue } from './issueTracker';

/** Open issues of the user read (100 a page) while looking for the one opened before. */
const MAX_PAGES = 30;

interface GitlabIssue {
  iid: number;
  title?: string;
  description?: string | null;
  web_url?: string;
  author?: { id?: number } | null;
}

/** An issue as GitLab gives it, as the tracker reads it. */
function tracked(issue: GitlabIssue): TrackedIssue {
  return {
    number: issue.iid,
    title: issue.title,
    body: issue.description ?? undefined,
    url: issue.web_url,
  };
}

/**
 * A small client for the issues of GitLab projects: finds the open issue that ends with a marker
 * and that the token's user opened, opens one and replaces one's title and description (see
 * `upsertIssue`). Another user's issue, even one that quotes the marker, is never found; nor is a
 * closed issue.
 */
export class ProjectIssues implements IssueTracker {
  readonly #api: HostedApi;
  readonly #apiUrl: string;
  readonly #userId: number;

  /**
   * @param api - GitLab's API, with what its statuses mean for the command
   * @param apiUrl - GitLab's REST API (`…/api/v4`), without trailing slashes
   * @param userId - the token's user (see `gitlabUserId`), whose issues may be edited
   */
  constructor(api: HostedApi, apiUrl: string, userId: number) {
    this.#api = api;
    this.#apiUrl = apiUrl;
    this.#userId = userId;
  }

  /** `…/projects/group%2Fproject/issues` */
  #issuesUrl(project: string): string {
    return `${this.#apiUrl}/projects/${encodeURIComponent(project)}/issues`;
  }

  /** {@inheritDoc IssueTracker.findOpen} */
  async findOpen(
    project: string,
    marker: string,
  ): Promise<TrackedIssue | undefined> {
    let page = '1';
    let found: GitlabIssue | undefined;
    for (let read = 0; read < MAX_PAGES && page; read++) {
      const { json, headers } = await requestJson(
        this.#api,
        `read the open issues of ${project}`,
        `${this.#issuesUrl(project)}?state=opened&author_id=${
          this.#userId
        }&per_page=100&page=${page}`,
      );
      if (!Array.isArray(json)) {
        throw new ReadError(
          `cannot read the open issues of ${project}: GitLab's answer is not a list`,
        );
      }
      for (const issue of json as GitlabIssue[]) {
        if (
          issue.author?.id === this.#userId &&
          typeof issue.description === 'string' &&
          issue.description.trimEnd().endsWith(marker) &&
          (!found || issue.iid > found.iid)
        ) {
          found = issue;
        }
      }
      page = headers.get('x-next-page') ?? '';
    }
    return found && tracked(found);
  }

  /** {@inheritDoc IssueTracker.open} */
  async open(project: string, fields: IssueFields): Promise<TrackedIssue> {
    const { json } = await requestJson(
      this.#api,
      `open an issue in ${project}`,
      this.#issuesUrl(project),
      {
        method: 'POST',
        body: { title: fields.title, description: fields.body },
      },
    );
    return tracked(json as GitlabIssue);
  }

  /** {@inheritDoc IssueTracker.update} */
  async update(
    project: string,
    iid: number,
    fields: IssueFields,
  ): Promise<TrackedIssue> {
    const { json } = await requestJson(
      this.#api,
      `update issue #${iid} of ${project}`,
      `${this.#issuesUrl(project)}/${iid}`,
      {
        method: 'PUT',
        body: { title: fields.title, description: fields.body },
      },
    );
    return tracked(json as GitlabIssue);
  }
  /** {@inheritDoc IssueTracker.comment} */
  async comment(project: string, iid: number, body: string): Promise<void> {
    await requestJson(
      this.#api,
      `comment on issue #${iid} of ${project}`,
      `${this.#issuesUrl(project)}/${iid}/notes`,
      { method: 'POST', body: { body } },
    );
  }
}
