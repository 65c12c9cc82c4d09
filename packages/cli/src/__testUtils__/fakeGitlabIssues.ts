import { startJsonServer } from './jsonServer';

/** An issue of a fake GitLab project. */
export interface FakeGitlabIssue {
  iid: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  author: { id: number; username: string };
}

/** A project of the fake GitLab. */
export interface FakeGitlabProject {
  issues: FakeGitlabIssue[];
  /** Issues turned off: GitLab answers `403 Forbidden`. */
  issuesDisabled?: boolean;
}

/**
 * A fake of GitLab's REST API at its HTTP boundary, for the issues of several projects, addressed
 * by their URL-encoded full path: `GET /api/v4/projects/:path/issues` (with `state` and
 * `author_id`, newest first, pages of `per_page` with `x-next-page`), `POST` of an issue, `PUT
 * /api/v4/projects/:path/issues/:iid` and `POST …/issues/:iid/notes` (a comment); `404` for a project it does not have, `403` for one with
 * issues turned off, `401` for an unknown token (`PRIVATE-TOKEN`); the token's user (`GET
 * /api/v4/user`). A real HTTP server on 127.0.0.1.
 */
export async function startFakeGitlabIssues(options: {
  tokens: Record<string, { id: number; username: string }>;
  projects: Record<string, FakeGitlabProject>;
}) {
  const requests: Array<{ method: string; path: string }> = [];
  // the notes of each issue (`group/project#iid`), oldest first
  const notes = new Map<string, Array<{ body: string; author: string }>>();
  const server = await startJsonServer(
    ({ method, url, headers, body }, send) => {
      requests.push({ method, path: url.pathname });
      const header = headers['private-token'];
      const user =
        typeof header === 'string' ? options.tokens[header] : undefined;
      if (!user) {
        send(401, { message: '401 Unauthorized' });
        return;
      }
      if (method === 'GET' && url.pathname === '/api/v4/user') {
        send(200, { id: user.id, username: user.username });
        return;
      }
      const m =
        /^\/api\/v4\/projects\/([^/]+)\/issues(?:\/(\d+)(\/notes)?)?$/.exec(
          url.pathname,
        );
      const name = m && decodeURIComponent(m[1]);
      const project = name ? options.projects[name] : undefined;
      if (!m || !project) {
        send(404, { message: '404 Project Not Found' });
        return;
      }
      if (project.issuesDisabled) {
        send(403, { message: '403 Forbidden' });
        return;
      }
      const shown = (issue: FakeGitlabIssue) => ({
        ...issue,
        web_url: `https://gitlab.example.com/${name}/-/issues/${issue.iid}`,
      });
      if (method === 'GET' && !m[2]) {
        const state = url.searchParams.get('state');
        const author = url.searchParams.get('author_id');
        const listed = project.issues
          .filter(i => !state || state === 'all' || i.state === state)
          .filter(i => !author || String(i.author.id) === author)
          .sort((a, b) => b.iid - a.iid)
          .map(shown);
        const perPage = Number(url.searchParams.get('per_page') ?? 20);
        const page = Number(url.searchParams.get('page') ?? 1);
        const next = page * perPage < listed.length ? String(page + 1) : '';
        send(200, listed.slice((page - 1) * perPage, page * perPage), {
          'x-next-page': next,
          'x-page': String(page),
        });
        return;
      }
      const input = body ? (JSON.parse(body) as Partial<FakeGitlabIssue>) : {};
      if (method === 'POST' && !m[2]) {
        const issue: FakeGitlabIssue = {
          iid: Math.max(0, ...project.issues.map(i => i.iid)) + 1,
          title: String(input.title),
          description: String(input.description),
          state: 'opened',
          author: user,
        };
        project.issues.push(issue);
        send(201, shown(issue));
        return;
      }
      const issue = project.issues.find(i => i.iid === Number(m[2]));
      if (method === 'POST' && issue && m[3]) {
        const key = `${name}#${issue.iid}`;
        const text = String((input as { body?: unknown }).body);
        notes.set(key, [
          ...(notes.get(key) ?? []),
          { body: text, author: user.username },
        ]);
        send(201, { id: notes.get(key)!.length, body: text });
        return;
      }
      if (method === 'PUT' && issue && !m[3]) {
        if (input.title !== undefined) issue.title = input.title;
        if (input.description !== undefined) {
          issue.description = input.description;
        }
        send(200, shown(issue));
        return;
      }
      send(404, { message: '404 Not found' });
    },
  );
  return {
    apiUrl: `${server.origin}/api/v4`,
    requests,
    /** The issues of a project, oldest first. */
    issuesOf: (name: string) => options.projects[name].issues,
    /** The notes of an issue, oldest first. */
    notesOf: (name: string, iid: number) => notes.get(`${name}#${iid}`) ?? [],
    close: server.close,
  };
}
