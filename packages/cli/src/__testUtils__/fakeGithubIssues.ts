import { startJsonServer } from './jsonServer';

/** An issue (or, with `pullRequest`, a pull request) of a fake repository. */
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  user: { login: string; type: 'User' | 'Bot' };
  pullRequest?: boolean;
}

/** A repository of the fake GitHub. */
export interface FakeRepository {
  issues: FakeIssue[];
  /** Issues turned off: GitHub answers `410 Issues are disabled for this repo`. */
  issuesDisabled?: boolean;
}

/**
 * A fake of GitHub's REST API at its HTTP boundary, for the issues of several repositories:
 * `GET /repos/:owner/:repo/issues` (with `state`, pull requests among the issues as GitHub lists
 * them, newest first, in pages of `per_page` with a `Link` header), `POST` of an issue, `PATCH
 * /repos/:owner/:repo/issues/:number` and `POST …/issues/:number/comments`; `404` for a repository it does not have, `410` for one with
 * issues turned off, `401` for an unknown token; the token's user (`GET /user`; `403` to a bot's
 * installation token). A real HTTP server on 127.0.0.1.
 */
export async function startFakeGithubIssues(options: {
  tokens: Record<string, { login: string; type: 'User' | 'Bot' }>;
  repositories: Record<string, FakeRepository>;
}) {
  const requests: Array<{ method: string; path: string }> = [];
  // the comments of each issue (`owner/repo#number`), oldest first
  const comments = new Map<string, Array<{ body: string; login: string }>>();
  const server = await startJsonServer(
    ({ method, url, headers, body }, send) => {
      requests.push({ method, path: url.pathname });
      const auth = headers.authorization;
      const token = auth?.startsWith('Bearer ')
        ? options.tokens[auth.slice('Bearer '.length)]
        : undefined;
      if (!token) {
        send(401, { message: 'Bad credentials' });
        return;
      }
      if (method === 'GET' && url.pathname === '/user') {
        if (token.type === 'Bot') {
          send(403, { message: 'Resource not accessible by integration' });
        } else {
          send(200, { login: token.login, type: token.type });
        }
        return;
      }
      const m =
        /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+)(\/comments)?)?$/.exec(
          url.pathname,
        );
      const name = m && `${m[1]}/${m[2]}`;
      const repository = name ? options.repositories[name] : undefined;
      if (!m || !repository) {
        send(404, { message: 'Not Found' });
        return;
      }
      if (repository.issuesDisabled) {
        send(410, { message: 'Issues are disabled for this repo' });
        return;
      }
      const shown = (issue: FakeIssue) => ({
        number: issue.number,
        title: issue.title,
        body: issue.body,
        state: issue.state,
        user: issue.user,
        html_url: `https://github.com/${name}/${
          issue.pullRequest ? 'pull' : 'issues'
        }/${issue.number}`,
        ...(issue.pullRequest
          ? { pull_request: { url: `${url.origin}/pulls/${issue.number}` } }
          : {}),
      });
      if (method === 'GET' && !m[3]) {
        const state = url.searchParams.get('state') ?? 'open';
        const listed = repository.issues
          .filter(i => state === 'all' || i.state === state)
          .sort((a, b) => b.number - a.number)
          .map(shown);
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const link: Record<string, string> = {};
        if (page * perPage < listed.length) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          link.Link = `<${next}>; rel="next"`;
        }
        send(200, listed.slice((page - 1) * perPage, page * perPage), link);
        return;
      }
      const input = body ? (JSON.parse(body) as Partial<FakeIssue>) : {};
      if (method === 'POST' && !m[3]) {
        const issue: FakeIssue = {
          number: Math.max(0, ...repository.issues.map(i => i.number)) + 1,
          title: String(input.title),
          body: String(input.body),
          state: 'open',
          user: { login: token.login, type: token.type },
        };
        repository.issues.push(issue);
        send(201, shown(issue));
        return;
      }
      const issue = repository.issues.find(i => i.number === Number(m[3]));
      if (method === 'POST' && issue && m[4]) {
        const key = `${name}#${issue.number}`;
        const text = String((input as { body?: unknown }).body);
        comments.set(key, [
          ...(comments.get(key) ?? []),
          { body: text, login: token.login },
        ]);
        send(201, { id: comments.get(key)!.length, body: text });
        return;
      }
      if (method === 'PATCH' && issue && !m[4]) {
        if (input.title !== undefined) issue.title = input.title;
        if (input.body !== undefined) issue.body = input.body;
        send(200, shown(issue));
        return;
      }
      send(404, { message: 'Not Found' });
    },
  );
  return {
    apiUrl: server.origin,
    requests,
    /** The issues of a repository, oldest first. */
    issuesOf: (name: string) => options.repositories[name].issues,
    /** The comments of an issue, oldest first. */
    commentsOf: (name: string, number: number) =>
      comments.get(`${name}#${number}`) ?? [],
    close: server.close,
  };
}
