/** What an {@link IssueTracker} did with an issue. */
export interface IssueResult {
  action: 'created' | 'updated' | 'unchanged';
  /** Its number in the repository (GitHub's number, GitLab's iid). */
  number: number;
  /** Its page, as the host gives it. */
  url?: string;
}

/**
 * The issues of a hosted SCM's repositories as `github-issues` and `gitlab-issues` write them:
 * the open issue that ends with a marker and that the token's user opened is brought up to date,
 * or a new one is opened.
 */
export interface IssueTracker {
  /**
   * Opens an issue with `title` and `body` (which ends with `marker`) in `repository` (as the host
   * names it), or brings the open one with that marker up to date.
   */
  upsert(
    repository: string,
    issue: { title: string; body: string; marker: string },
  ): Promise<IssueResult>;
}
