import { startJsonServer } from './jsonServer';

/** A comment of the fake pull request. */
export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: 'User' | 'Bot' };
  /** Whether the tokens may edit it (GitHub answers 403 to an edit otherwise). */
  editable?: boolean;
}

/** A token of the fake GitHub: whose it is, and whether it may write (a fork's pull request's may not). */
export interface FakeGithubToken {
  login: string;
  type: 'User' | 'Bot';
  readOnly?: boolean;
  /** Whether it may read the organisations' teams (`read:org`); a job's `GITHUB_TOKEN` may not. */
  readOrg?: boolean;
}

/** A review of the fake pull request. */
export interface FakeReview {
  user: { login: string };
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  /** The commit the review was given on (`null` when GitHub no longer knows it). */
  commit_id?: string | null;
}

/**
 * A fake of GitHub's REST API at its HTTP boundary, for the comments of one pull request: `GET`
 * and `POST /repos/:owner/:repo/issues/:number/comments` (oldest first, pages of `per_page` with a
 * `Link` header) and `PATCH /repos/:owner/:repo/issues/comments/:id`, with GitHub's answers
 * (`401 Bad credentials`, `403 Resource not accessible by integration` for a read-only token,
 * `404 Not Found`); the token's user (`GET /user`; `403` to a bot's installation token); the
 * pull request's reviews (`GET /repos/:owner/:repo/pulls/:number/reviews`,
 * oldest first, in pages) and team memberships (`GET /orgs/:org/teams/:team/memberships/:login`,
 * `403` to a token without `read:org`, `404` for a non-member). A real HTTP server on 127.0.0.1,
 * so a CLI in another process reaches it.
 */
export async function startFakeGithub(options: {
  tokens: Record<string, FakeGithubToken>;
  repository: string;
  pullRequest: number;
  comments?: FakeComment[];
  reviews?: FakeReview[];
  /** The active members of each team, by `org/team`. */
  teams?: Record<string, string[]>;
  /** Answer team membership look-ups with GitHub's secondary rate limit (`403`, `retry-after`). */
  rateLimitTeams?: boolean;
  /** The comments' page addresses, as GitHub would give them (default github.com's). */
  htmlUrl?: (id: number) => string;
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string; cert: string };
}) {
  const comments: FakeComment[] = [...(options.comments ?? [])];
  const requests: Array<{ method: string; path: string; auth?: string }> = [];
  let nextId = Math.max(100, ...comments.map(c => c.id)) + 1;
  const repoPath = `/repos/${options.repository}`;
  const listPath = `${repoPath}/issues/${options.pullRequest}/comments`;
  const reviewsPath = `${repoPath}/pulls/${options.pullRequest}/reviews`;
  const reviews: FakeReview[] = [...(options.reviews ?? [])];

  const server = await startJsonServer(
    ({ method, url, headers, body: raw }, send) => {
      const auth = headers.authorization;
      requests.push({ method, path: url.pathname, auth });
      const token = auth?.startsWith('Bearer ')
        ? options.tokens[auth.slice('Bearer '.length)]
        : undefined;
      if (!token) {
        send(401, { message: 'Bad credentials' });
        return;
      }
      const withUrl = (c: FakeComment) => ({
        id: c.id,
        body: c.body,
        user: c.user,
        html_url:
          options.htmlUrl?.(c.id) ??
          `https://github.com/${options.repository}/pull/${options.pullRequest}#issuecomment-${c.id}`,
      });
      /** One page of a list, with the `Link` to the next. */
      const paged = <T>(items: T[]) => {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const slice = items.slice((page - 1) * perPage, page * perPage);
        const link: Record<string, string> = {};
        if (page * perPage < items.length) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          link.Link = `<${next}>; rel="next"`;
        }
        send(200, slice, link);
      };
      // the token's user; an installation token (a job's GITHUB_TOKEN, a bot) has none
      if (method === 'GET' && url.pathname === '/user') {
        if (token.type === 'Bot') {
          send(403, { message: 'Resource not accessible by integration' });
        } else {
          send(200, { login: token.login, type: token.type });
        }
        return;
      }
      if (method === 'GET' && url.pathname === listPath) {
        paged([...comments].sort((a, b) => a.id - b.id).map(withUrl));
        return;
      }
      if (method === 'GET' && url.pathname === reviewsPath) {
        paged(reviews.map((r, i) => ({ id: i + 1, ...r })));
        return;
      }
      const membership =
        /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(
          url.pathname,
        );
      if (method === 'GET' && membership) {
        if (options.rateLimitTeams) {
          send(
            403,
            {
              message:
                'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            },
            { 'Retry-After': '60' },
          );
          return;
        }
        if (!token.readOrg) {
          send(403, { message: 'Resource not accessible by integration' });
          return;
        }
        const [, org, team, login] = membership.map(decodeURIComponent);
        const members = options.teams?.[`${org}/${team}`];
        if (members?.includes(login)) {
          send(200, { state: 'active', role: 'member' });
        } else {
          send(404, { message: 'Not Found' });
        }
        return;
      }
      const edited = new RegExp(`^${repoPath}/issues/comments/(\\d+)$`).exec(
        url.pathname,
      );
      const isPost = method === 'POST' && url.pathname === listPath;
      const isPatch = method === 'PATCH' && edited;
      if (!isPost && !isPatch) {
        send(404, { message: 'Not Found' });
        return;
      }
      if (token.readOnly) {
        send(403, { message: 'Resource not accessible by integration' });
        return;
      }
      const body = raw ? (JSON.parse(raw) as { body?: unknown }) : {};
      if (typeof body.body !== 'string' || body.body === '') {
        send(422, { message: 'Validation Failed' });
        return;
      }
      if (isPost) {
        const comment: FakeComment = {
          id: nextId++,
          body: body.body,
          user: { login: token.login, type: token.type },
        };
        comments.push(comment);
        send(201, withUrl(comment));
        return;
      }
      const comment = comments.find(c => c.id === Number(edited![1]));
      if (!comment) {
        send(404, { message: 'Not Found' });
        return;
      }
      if (comment.editable === false) {
        send(403, { message: 'Resource not accessible by integration' });
        return;
      }
      comment.body = body.body;
      send(200, withUrl(comment));
    },
    options.tls,
  );
  return {
    /** `GITHUB_API_URL` of this fake. */
    apiUrl: server.origin,
    /** The pull request's comments, as they are now. */
    comments,
    /** The pull request's reviews, oldest first; a test may add one. */
    reviews,
    requests,
    close: server.close,
  };
}
