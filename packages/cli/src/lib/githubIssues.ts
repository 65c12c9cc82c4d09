import { ReadError } from './errors';
import { GithubAuthor, GithubUser, isByAuthor } from './githubAuthor';
import { nextPageOn } from './githubApi';
import { HostedApi, requestJson } from './hostedApi';
import { IssueFields, IssueTracker, TrackedIssue } from './issueTracker';

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

/** An issue as GitHub gives it, as the tracker reads it. */
function tracked(issue: GithubIssue): TrackedIssue {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? undefined,
    url: issue.html_url,
  };
}

/**
 * A small client for the issues of GitHub repositories: finds the open issue that ends with a
 * marker and that the token's user (or, for an installation token, a bot) opened, opens one and
 * replaces one's title and text (see `upsertIssue`). An issue a person opened, even one that
 * quotes the marker, is never found; nor is a closed issue or a pull request.
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

  /** {@inheritDoc IssueTracker.findOpen} */
  async findOpen(
    name: string,
    marker: string,
  ): Promise<TrackedIssue | undefined> {
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
    return found && tracked(found);
  }

  /** {@inheritDoc IssueTracker.open} */
  async open(name: string, fields: IssueFields): Promise<TrackedIssue> {
    const { json } = await requestJson(
      this.#api,
      `open an issue in ${name}`,
      this.#issuesUrl(name),
      { method: 'POST', body: fields },
    );
    return tracked(json as GithubIssue);
  }

  /** {@inheritDoc IssueTracker.update} */
  async update(
    name: string,
    number: number,
    fields: IssueFields,
  ): Promise<TrackedIssue> {
    const { json } = await requestJson(
      this.#api,
      `update issue #${number} of ${name}`,
      `${this.#issuesUrl(name)}/${number}`,
      { method: 'PATCH', body: fields },
    );
    return tracked(json as GithubIssue);
  }

  /** {@inheritDoc IssueTracker.comment} */
  async comment(name: string, number: number, body: string): Promise<void> {
    await requestJson(
      this.#api,
      `comment on issue #${number} of ${name}`,
      `${this.#issuesUrl(name)}/${number}/comments`,
      { method: 'POST', body: { body } },
    );
  }
}
