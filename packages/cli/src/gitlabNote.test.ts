import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInProcess } from './__testUtils__/runInProcess';
import { REPORT_MARKER } from './lib/reportMarker';
import {
  FakeNote,
  startFakeGitlab,
  unusedPort,
} from './__testUtils__/fakeGitlabApi';

const TOKEN = 'glpat-registry-bot-token-1234';
const BOT = { id: 41, username: 'project_7_bot' };
const REPORT =
  '## Service registry change report\n\n- Changed `shared-auth`: `port`\n';

let cwd: string;
beforeAll(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-gitlab-note-'));
  fs.writeFileSync(path.join(cwd, 'registry-report.md'), REPORT);
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()));
});

async function gitlab(
  options: Partial<Parameters<typeof startFakeGitlab>[0]> = {},
) {
  const server = await startFakeGitlab({
    tokens: { [TOKEN]: BOT },
    projectId: '7',
    mergeRequestIid: '12',
    ...options,
  });
  servers.push(server);
  return server;
}

/** The variables of a merge request pipeline of project 7's merge request !12. */
function pipeline(
  apiUrl: string,
  overrides: Record<string, string | undefined> = {},
) {
  return {
    CI_API_V4_URL: apiUrl,
    CI_PROJECT_ID: '7',
    CI_MERGE_REQUEST_PROJECT_ID: '7',
    CI_MERGE_REQUEST_IID: '12',
    CI_MERGE_REQUEST_PROJECT_URL:
      'https://gitlab.example.com/platform/registry',
    SERVICE_REGISTRY_GITLAB_TOKEN: TOKEN,
    ...overrides,
  };
}

/** Runs `service-registry gitlab-note <file>` in-process with the given environment. */
const note = (env: NodeJS.ProcessEnv, file = 'registry-report.md') =>
  runInProcess(['gitlab-note', file], { cwd, env });

function otherNote(id: number, body: string, authorId = 5): FakeNote {
  return {
    id,
    body,
    system: false,
    author: { id: authorId, username: `user${authorId}` },
  };
}

describe('service-registry gitlab-note', () => {
  it("posts the report as the merge request's note, then replaces that note's text on the next pipeline", async () => {
    const server = await gitlab({
      notes: [otherNote(1, 'Looks good to me')],
    });

    const first = await note(pipeline(server.apiUrl));
    expect(first).toEqual({
      code: 0,
      stdout:
        'Posted the note of merge request !12: https://gitlab.example.com/platform/registry/-/merge_requests/12#note_2\n',
      stderr: '',
    });
    expect(server.notes).toHaveLength(2);
    expect(server.notes[1].body).toBe(`${REPORT}\n${REPORT_MARKER}\n`);
    expect(server.notes[1].author.id).toBe(BOT.id);

    // the next pipeline, with another report: the same note, its new text; no new note
    const changed = `${REPORT}- Removed \`legacy-billing\`\n`;
    fs.writeFileSync(path.join(cwd, 'changed.md'), changed);
    const second = await note(pipeline(server.apiUrl), 'changed.md');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(
      'Updated the note of merge request !12: https://gitlab.example.com/platform/registry/-/merge_requests/12#note_2\n',
    );
    expect(server.notes.map(n => n.id)).toEqual([1, 2]);
    expect(server.notes[1].body).toContain('Removed `legacy-billing`');
    expect(server.notes[0].body).toBe('Looks good to me');
    // the token went only in its header
    expect(server.requests.every(r => r.token === TOKEN)).toBe(true);
    expect(server.requests.some(r => r.path.includes(TOKEN))).toBe(false);
  });

  it("never edits another user's note, even one that quotes the marker: it posts its own", async () => {
    const quoted = `Why does this change the port?\n\n> ${REPORT}\n${REPORT_MARKER}\n`;
    const server = await gitlab({ notes: [otherNote(3, quoted)] });
    const { code, stdout } = await note(pipeline(server.apiUrl));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Posted /);
    expect(server.notes[0].body).toBe(quoted);
    expect(server.notes.map(n => n.author.id)).toEqual([5, BOT.id]);
  });

  it('finds its note among many, on a later page of the notes, and updates it', async () => {
    const own: FakeNote = {
      id: 1,
      body: `old report\n\n${REPORT_MARKER}\n`,
      system: false,
      author: BOT,
    };
    const later = Array.from({ length: 250 }, (_, i) =>
      otherNote(i + 2, `comment ${i}`),
    );
    const server = await gitlab({ notes: [own, ...later] });
    const { code, stdout } = await note(pipeline(server.apiUrl));
    expect(stdout).toMatch(/^Updated the note .*#note_1\n$/);
    expect(code).toBe(0);
    expect(server.notes).toHaveLength(251);
    expect(server.notes[0].body).toContain('## Service registry change report');
    expect(
      server.requests.filter(
        r => r.method === 'GET' && r.path.endsWith('/notes'),
      ),
    ).toHaveLength(3);
  });

  it("writes to the merge request's project, not to the fork a pipeline may run in", async () => {
    const server = await gitlab();
    const { code } = await note(
      pipeline(server.apiUrl, { CI_PROJECT_ID: '99' }),
    );
    expect(code).toBe(0);
    expect(server.notes).toHaveLength(1);
  });

  it('without the token (a merge request from a fork, or a project that did not set it): exit 2, naming the variable, and no request', async () => {
    const server = await gitlab();
    const { code, stdout, stderr } = await note(
      pipeline(server.apiUrl, { SERVICE_REGISTRY_GITLAB_TOKEN: undefined }),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'SERVICE_REGISTRY_GITLAB_TOKEN is not set: add a masked CI/CD variable SERVICE_REGISTRY_GITLAB_TOKEN with a project access token (Reporter role, api scope)',
    );
    expect(server.requests).toEqual([]);
  });

  it('outside a merge request pipeline: exit 2, saying where it runs', async () => {
    const server = await gitlab();
    const { code, stderr } = await note(
      pipeline(server.apiUrl, { CI_MERGE_REQUEST_IID: undefined }),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'CI_MERGE_REQUEST_IID is not set: gitlab-note runs in a merge request pipeline',
    );
    expect(server.requests).toEqual([]);
  });

  it('refuses a malformed merge request number or API URL before any request', async () => {
    const server = await gitlab();
    expect(
      (
        await note(
          pipeline(server.apiUrl, { CI_MERGE_REQUEST_IID: '12/../../x' }),
        )
      ).stderr,
    ).toContain("CI_MERGE_REQUEST_IID must be a merge request's number");
    expect((await note(pipeline('file:///etc/passwd'))).stderr).toContain(
      'CI_API_V4_URL must be an http or https URL, got file:',
    );
    expect(server.requests).toEqual([]);
  });

  it('with a token GitLab does not accept: exit 2 with what to check, and the token is never printed', async () => {
    const server = await gitlab();
    const { code, stdout, stderr } = await note(
      pipeline(server.apiUrl, {
        SERVICE_REGISTRY_GITLAB_TOKEN: 'glpat-revoked-token-5678',
      }),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      "service-registry: cannot read the token's user: GitLab answered 401 (401 Unauthorized: [token]); GitLab does not accept the token",
    );
    expect(stdout + stderr).not.toContain('glpat-revoked-token-5678');
  });

  it('with a token that may not write notes: exit 2, naming the role and scope it needs', async () => {
    const server = await gitlab({
      tokens: { [TOKEN]: { ...BOT, canWrite: false } },
    });
    const { code, stderr } = await note(pipeline(server.apiUrl));
    expect(code).toBe(2);
    expect(stderr).toContain(
      'cannot post a note on the merge request: GitLab answered 403 (403 Forbidden); the token may not write',
    );
    expect(stderr).toContain('at least the Reporter role');
    expect(server.notes).toEqual([]);
  });

  it('for a merge request GitLab does not find: exit 2', async () => {
    const server = await gitlab();
    const { code, stderr } = await note(
      pipeline(server.apiUrl, { CI_MERGE_REQUEST_IID: '13' }),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      "cannot read the merge request's notes: GitLab answered 404 (404 Project Not Found); GitLab does not find the project or the merge request",
    );
  });

  it('when GitLab is down or cannot be reached: exit 2 with the reason', async () => {
    const down = await gitlab({ failWith: 502 });
    const answered = await note(pipeline(down.apiUrl));
    expect(answered.code).toBe(2);
    expect(answered.stderr).toContain(
      'GitLab answered 502 (502 failure); GitLab could not answer: run the job again later',
    );

    const port = await unusedPort();
    const unreachable = await note(pipeline(`http://127.0.0.1:${port}/api/v4`));
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain(
      `cannot read the token's user: GitLab at http://127.0.0.1:${port} cannot be reached (`,
    );
    expect(unreachable.stderr).toContain('ECONNREFUSED');
  });

  it('does not follow a redirect, so the token goes nowhere else', async () => {
    const elsewhere = await gitlab();
    const redirecting = await gitlab({
      redirectTo: `${elsewhere.apiUrl}/user`,
    });
    const { code, stderr } = await note(pipeline(redirecting.apiUrl));
    expect(code).toBe(2);
    expect(stderr).toContain(
      `cannot read the token's user: GitLab answered 302, a redirect to ${
        new URL(elsewhere.apiUrl).origin
      }, which is not followed so that the token goes nowhere else`,
    );
    expect(redirecting.requests).toHaveLength(1);
    expect(elsewhere.requests).toEqual([]);
  });

  it('refuses a missing or empty report before any request: the command that writes it failed', async () => {
    const server = await gitlab();
    const missing = await note(pipeline(server.apiUrl), 'nothing.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'nothing.md does not exist: write the report first (service-registry diff … --format markdown > nothing.md)',
    );
    fs.writeFileSync(path.join(cwd, 'empty.md'), '\n');
    const empty = await note(pipeline(server.apiUrl), 'empty.md');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('empty.md is empty');
    expect(server.requests).toEqual([]);
  });

  it('needs exactly one file', async () => {
    expect((await runInProcess(['gitlab-note'], { cwd })).stderr).toContain(
      'gitlab-note needs a file: the markdown report to post',
    );
    expect(
      (await runInProcess(['gitlab-note', 'a.md', 'b.md'], { cwd })).stderr,
    ).toContain('too many arguments for gitlab-note: b.md');
  });
});
