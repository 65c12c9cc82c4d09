import http from 'node:http';
import { AddressInfo } from 'node:net';
import { startJsonServer } from './jsonServer';

/** A user of the fake GitLab, and what its token may do. */
export interface FakeGitlabUser {
  id: number;
  username: string;
  /** Whether the token may write notes (a Guest, or a token without the api scope, may not). */
  canWrite?: boolean;
  /** Whether the token sees the groups (a group access token); a project access token does not. */
  seesGroups?: boolean;
}

/** A note of the fake merge request. */
export interface FakeNote {
  id: number;
  body: string;
  system: boolean;
  author: { id: number; username: string };
}

/** A request the fake GitLab received. */
export interface FakeRequest {
  method: string;
  path: string;
  /** The token it carried (`PRIVATE-TOKEN`), if any. */
  token?: string;
}

/**
 * A fake of GitLab's REST API at its HTTP boundary, for the notes of one merge request: `GET
 * /user`, and `GET`, `POST` and `PUT` of `/projects/:id/merge_requests/:iid/notes` with GitLab's
 * answers (newest first with `sort=desc`, pages with `x-next-page`, `401` for an unknown token,
 * `403` when a token may not write or edits another user's note, `404` for another project or
 * merge request, error bodies `{"message": …}`); the merge request's approvals (`GET
 * /projects/:id/merge_requests/:iid/approvals`) and group members, direct or inherited from a
 * parent group (`GET /groups/:id/members/all/:user_id`, `404` for a non-member or a group the token
 * does not see). A real HTTP server on 127.0.0.1, so the CLI under test reaches it from its own
 * process too.
 */
export async function startFakeGitlab(options: {
  /** Tokens and their users. */
  tokens: Record<string, FakeGitlabUser>;
  projectId: string;
  mergeRequestIid: string;
  /** Notes the merge request has already. */
  notes?: FakeNote[];
  /** The users who approved the merge request. */
  approvedBy?: Array<{ id: number; username: string }>;
  /** The ids of each group's direct members, by the group's full path. */
  groups?: Record<string, number[]>;
  /** Answer every request with this status instead (GitLab down, say). */
  failWith?: number;
  /** Answer every request with a redirect to this URL. */
  redirectTo?: string;
  /** Serve HTTPS with this key and certificate. */
  tls?: { key: string; cert: string };
}) {
  const notes: FakeNote[] = [...(options.notes ?? [])];
  const approvedBy = [...(options.approvedBy ?? [])];
  /** Whether a user is a member of a group or of one of its parent groups. */
  const isMember = (group: string, userId: number) =>
    group
      .split('/')
      .some((_, i, parts) =>
        options.groups?.[parts.slice(0, i + 1).join('/')]?.includes(userId),
      );
  const requests: FakeRequest[] = [];
  let nextId = Math.max(0, ...notes.map(n => n.id)) + 1;
  const notesPath = `/api/v4/projects/${encodeURIComponent(
    options.projectId,
  )}/merge_requests/${options.mergeRequestIid}/notes`;

  const server = await startJsonServer(
    ({ method, url, headers, body: raw }, send) => {
      const token = headers['private-token'] as string | undefined;
      requests.push({ method, path: url.pathname, token });
      if (options.redirectTo) {
        send(302, undefined, { Location: options.redirectTo });
        return;
      }
      if (options.failWith) {
        send(options.failWith, { message: `${options.failWith} failure` });
        return;
      }
      const user = token === undefined ? undefined : options.tokens[token];
      if (!user) {
        // GitLab's answer names nothing of the token; this fake echoes it, to show the CLI hides it
        send(401, { message: `401 Unauthorized: ${token}` });
        return;
      }
      if (method === 'GET' && url.pathname === '/api/v4/user') {
        send(200, { id: user.id, username: user.username, bot: true });
        return;
      }
      const member = /^\/api\/v4\/groups\/([^/]+)\/members\/all\/(\d+)$/.exec(
        url.pathname,
      );
      if (method === 'GET' && member) {
        const group = decodeURIComponent(member[1]);
        if (user.seesGroups && group in (options.groups ?? {})) {
          if (isMember(group, Number(member[2]))) {
            send(200, { id: Number(member[2]), state: 'active' });
          } else send(404, { message: '404 Not found' });
        } else send(404, { message: '404 Group Not Found' });
        return;
      }
      if (!url.pathname.startsWith('/api/v4/projects/')) {
        send(404, { error: '404 Not Found' });
        return;
      }
      const approvalsPath = notesPath.replace(/\/notes$/, '/approvals');
      if (method === 'GET' && url.pathname === approvalsPath) {
        send(200, {
          approved: approvedBy.length > 0,
          approved_by: approvedBy.map(u => ({
            user: { ...u, name: u.username, state: 'active' },
          })),
        });
        return;
      }
      if (!url.pathname.startsWith(notesPath)) {
        send(404, { message: '404 Project Not Found' });
        return;
      }
      const rest = url.pathname.slice(notesPath.length);
      if (method === 'GET' && rest === '') {
        const perPage = Number(url.searchParams.get('per_page') ?? 20);
        const page = Number(url.searchParams.get('page') ?? 1);
        const desc = url.searchParams.get('sort') !== 'asc';
        const sorted = [...notes].sort((a, b) =>
          desc ? b.id - a.id : a.id - b.id,
        );
        const slice = sorted.slice((page - 1) * perPage, page * perPage);
        const next = page * perPage < sorted.length ? String(page + 1) : '';
        send(200, slice, { 'x-next-page': next, 'x-page': String(page) });
        return;
      }
      let body: { body?: unknown } = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        send(400, { message: 'body is not JSON' });
        return;
      }
      if (typeof body.body !== 'string' || body.body === '') {
        send(400, { message: { body: ["can't be blank"] } });
        return;
      }
      if (user.canWrite === false) {
        send(403, { message: '403 Forbidden' });
        return;
      }
      const author = { id: user.id, username: user.username };
      if (method === 'POST' && rest === '') {
        const note = { id: nextId++, body: body.body, system: false, author };
        notes.push(note);
        send(201, note);
        return;
      }
      const edited = /^\/(\d+)$/.exec(rest);
      if (method === 'PUT' && edited) {
        const note = notes.find(n => n.id === Number(edited[1]));
        if (!note) {
          send(404, { message: '404 Not found' });
          return;
        }
        if (note.author.id !== user.id) {
          send(403, { message: '403 Forbidden' });
          return;
        }
        note.body = body.body;
        send(200, note);
        return;
      }
      send(405, { message: '405 Method Not Allowed' });
    },
    options.tls,
  );
  return {
    /** `CI_API_V4_URL` of this fake. */
    apiUrl: `${server.origin}/api/v4`,
    /** The merge request's notes, as they are now. */
    notes,
    /** Who approved the merge request; a test may add one. */
    approvedBy,
    requests,
    close: server.close,
  };
}

/** A GitLab at a port nothing listens on: a port that was free a moment ago. */
export async function unusedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}
