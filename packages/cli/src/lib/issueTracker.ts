/** What {@link upsertIssue} did with an issue. */
export interface IssueResult {
  action: 'created' | 'updated' | 'unchanged';
  /** Its number in the repository (GitHub's number, GitLab's iid). */
  number: number;
  /** Its page, as the host gives it. */
  url?: string;
}

/** An open issue as a host gives it back. */
export interface TrackedIssue {
  /** Its number in the repository (GitHub's number, GitLab's iid). */
  number: number;
  title?: string;
  /** Its text (GitHub's `body`, GitLab's `description`). */
  body?: string;
  /** Its page. */
  url?: string;
}

/** An issue's title and text. */
export interface IssueFields {
  title: string;
  body: string;
}

/**
 * The issues of a hosted SCM's repositories as `github-issues` and `gitlab-issues` write them;
 * a repository is named as its host names it (`owner/repo`, `group/project`).
 */
export interface IssueTracker {
  /**
   * The newest open issue of the repository whose text ends with `marker` and that the token's
   * user opened (never a person's issue for another token), if any.
   */
  findOpen(
    repository: string,
    marker: string,
  ): Promise<TrackedIssue | undefined>;
  /** Opens an issue. */
  open(repository: string, fields: IssueFields): Promise<TrackedIssue>;
  /** Replaces an issue's title and text. */
  update(
    repository: string,
    number: number,
    fields: IssueFields,
  ): Promise<TrackedIssue>;
  /** Adds a comment to an issue (GitHub's comment, GitLab's note). */
  comment(repository: string, number: number, body: string): Promise<void>;
}

/**
 * Opens an issue with `title` and `body` (which ends with `marker`) in `repository`, or brings
 * the open one with that marker up to date (see {@link IssueTracker.findOpen}) and comments on it
 * with `updateComment`, since an edited description notifies no one; one whose title and text are
 * already those is left as it is, so a re-run writes nothing.
 */
export async function upsertIssue(
  tracker: IssueTracker,
  repository: string,
  issue: IssueFields & { marker: string; updateComment?: string },
): Promise<IssueResult> {
  const fields = { title: issue.title, body: issue.body };
  const previous = await tracker.findOpen(repository, issue.marker);
  if (!previous) {
    const opened = await tracker.open(repository, fields);
    return { action: 'created', number: opened.number, url: opened.url };
  }
  if (previous.title === fields.title && previous.body === fields.body) {
    return {
      action: 'unchanged',
      number: previous.number,
      url: previous.url,
    };
  }
  const updated = await tracker.update(repository, previous.number, fields);
  if (issue.updateComment !== undefined) {
    await tracker.comment(repository, previous.number, issue.updateComment);
  }
  return {
    action: 'updated',
    number: previous.number,
    url: updated.url,
  };
}
