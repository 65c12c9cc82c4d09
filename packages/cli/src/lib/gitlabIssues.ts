import { ReadError } from './errors';
import { HostedApi, requestJson } from './hostedApi';
import { IssueResult, IssueTracker } from './issueTracker';

/** Open issues of the user read (100 a page) while looking for the one opened before. */
const MAX_PAGES = 30;

interface GitlabIssue {
  iid: number;
  title?: string;
  description?: string | null;
  web_url?: string;
  author?: { id?: number } | null;
}

/**
 * A small client for the issues of GitLab projects: finds the open issue that ends with a marker
 * and that the token's user opened, and brings its title and description up to date, or opens a
 * new one. Another user's issue, even one that quotes the marker, is never edited; a closed issue
 * is left closed.
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

  /** The newest open issue of the user in the project that ends with `marker`, if any. */
  async #previousIssue(
    project: string,
    marker: string,
  ): Promise<GitlabIssue | undefined> {
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
    return found;
  }

  /**
   * Opens an issue with `title` and `body` (which ends with `marker`) in the project
   * (`group/project`), or brings the user's open issue with that marker up to date; one whose
   * title and description are already those is left as it is.
   */
  async upsert(
    project: string,
    issue: { title: string; body: string; marker: string },
  ): Promise<IssueResult> {
    const previous = await this.#previousIssue(project, issue.marker);
    const fields = { title: issue.title, description: issue.body };
    if (!previous) {
      const { json } = await requestJson(
        this.#api,
        `open an issue in ${project}`,
        this.#issuesUrl(project),
        { method: 'POST', body: fields },
      );
      const opened = json as GitlabIssue;
      return { action: 'created', number: opened.iid, url: opened.web_url };
    }
    if (previous.title === issue.title && previous.description === issue.body) {
      return {
        action: 'unchanged',
        number: previous.iid,
        url: previous.web_url,
      };
    }
    const { json } = await requestJson(
      this.#api,
      `update issue #${previous.iid} of ${project}`,
      `${this.#issuesUrl(project)}/${previous.iid}`,
      { method: 'PUT', body: fields },
    );
    return {
      action: 'updated',
      number: previous.iid,
      url: (json as GitlabIssue).web_url,
    };
  }
}
