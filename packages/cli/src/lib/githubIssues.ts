import { ReadError } from './errors';
import { GithubAuthor, GithubUser, isByAuthor } from './githubAuthor';
import { nextPageOn } from './githubApi';
import { HostedApi, requestJson } from './hostedApi';
import { IssueResult, IssueTracker } from './issueTracker';

/** Open issues read (100 a page) while looking for the one opened before; after them a new one is opened. */
const MAX_PAGES = 30;

interface GithubIssue {
  number: number;
  title?: string;
  body?: string | null;
  html_url?: string;
  user?: GithubUser | null;
  /** Present when the "issue" is a pull request. */
  pull_request?: unknown;
}

/**
 * A small client for the issues of GitHub repositories: finds the open issue that ends with a
 * marker and that the token's user (or, for an installation token, a bot) opened, and brings its
 * title and text up to date, or opens a new one. An issue a person opened, even one that quotes
 * the marker, is never edited; a closed issue is left closed (the next change opens a new one).
 */
export class RepositoryIssues implements IssueTracker {
  readonly #api: HostedApi;
  readonly #apiUrl: string;
  readonly #author: GithubAuthor;

  /**
   * @param api - GitHub's API, with what its statuses mean for the command
   * @param apiUrl - GitHub's REST API, without trailing slashes
   * @param author - whose issues may be edited (see `githubAuthorOf`)
   */
  constructor(api: HostedApi, apiUrl: string, author: GithubAuthor) {
    this.#api = api;
    this.#apiUrl = apiUrl;
    this.#author = author;
  }

  /** `…/repos/owner/repo/issues` of `owner/repo`. */
  #issuesUrl(repository: string): string {
    const [owner, repo] = repository.split('/');
    return `${this.#apiUrl}/repos/${encodeURIComponent(
      owner,
    )}/${encodeURIComponent(repo)}/issues`;
  }

  /** The newest open issue of the repository that ends with `marker` and is ours, if any. */
  async #previousIssue(
    name: string,
    marker: string,
  ): Promise<GithubIssue | undefined> {
    let url: string | undefined = `${this.#issuesUrl(
      name,
    )}?state=open&per_page=100`;
    let found: GithubIssue | undefined;
    for (let read = 0; read < MAX_PAGES && url; read++) {
      const { json, headers }: { json: unknown; headers: Headers } =
        await requestJson(this.#api, `read the open issues of ${name}`, url);
      if (!Array.isArray(json)) {
        throw new ReadError(
          `cannot read the open issues of ${name}: GitHub's answer is not a list`,
        );
      }
      for (const issue of json as GithubIssue[]) {
        if (
          issue.pull_request === undefined &&
          typeof issue.body === 'string' &&
          issue.body.trimEnd().endsWith(marker) &&
          isByAuthor(this.#author, issue.user) &&
          (!found || issue.number > found.number)
        ) {
          found = issue;
        }
      }
      url = nextPageOn(this.#apiUrl, headers);
    }
    return found;
  }

  /**
   * Opens an issue with `title` and `body` (which ends with `marker`) in the repository
   * (`owner/repo`), or brings the open issue with that marker up to date; one whose title and
   * text are already those is left as it is.
   */
  async upsert(
    name: string,
    issue: { title: string; body: string; marker: string },
  ): Promise<IssueResult> {
    const previous = await this.#previousIssue(name, issue.marker);
    if (!previous) {
      const { json } = await requestJson(
        this.#api,
        `open an issue in ${name}`,
        this.#issuesUrl(name),
        { method: 'POST', body: { title: issue.title, body: issue.body } },
      );
      const opened = json as GithubIssue;
      return { action: 'created', number: opened.number, url: opened.html_url };
    }
    if (previous.title === issue.title && previous.body === issue.body) {
      return {
        action: 'unchanged',
        number: previous.number,
        url: previous.html_url,
      };
    }
    const { json } = await requestJson(
      this.#api,
      `update issue #${previous.number} of ${name}`,
      `${this.#issuesUrl(name)}/${previous.number}`,
      { method: 'PATCH', body: { title: issue.title, body: issue.body } },
    );
    return {
      action: 'updated',
      number: previous.number,
      url: (json as GithubIssue).html_url,
    };
  }
}
