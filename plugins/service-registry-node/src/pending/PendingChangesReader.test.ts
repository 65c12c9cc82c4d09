import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {
  createTestGitRepository,
  projectAToml,
  sharedAuthToml,
  TestGitRepository,
} from '@service-registry/test-support';
import { PendingChangesReader } from './PendingChangesReader';

const TODAY = '2026-12-06';

let root: string;
let origin: TestGitRepository;

/** git in the origin repository. */
const git = (...args: string[]) => origin.git(...args);

/** Writes files under the origin's `registry/` folder and commits them on the current branch. */
function commit(message: string, files: Record<string, string | null>) {
  origin.commit(
    message,
    Object.fromEntries(
      Object.entries(files).map(([file, text]) => [`registry/${file}`, text]),
    ),
  );
}

function reader(options: { maxFileBytes?: number } = {}) {
  return new PendingChangesReader({
    repository: origin.dir,
    displayName: 'registry.git',
    registryPath: 'registry',
    workDir: path.join(root, 'mirror'),
    branchUrl: branch => `https://git.example.com/registry/tree/${branch}`,
    ...options,
  });
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pending-changes-'));
  origin = createTestGitRepository(path.join(root, 'origin'));
  commit('Start the registry', {
    'services/catalog.toml': sharedAuthToml(8000),
    'projects/project-a/services.toml': projectAToml(),
    '../README.md': '# not a registry file',
  });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('PendingChangesReader', () => {
  it('lists the prefixed branches with what they change and break, compared from where they leave main', async () => {
    git('checkout', '--quiet', '-b', 'service-registry/add-pa-web');
    commit('Add pa-web', {
      'projects/project-a/services.toml': `${projectAToml()}
[service.pa-web]
version = "0.1.0"
`,
    });
    git('checkout', '--quiet', 'main');
    git('checkout', '--quiet', '-b', 'service-registry/move-auth');
    commit('Move shared-auth to 9000', {
      'services/catalog.toml': sharedAuthToml(9000),
    });
    // a branch without the prefix is not a pending change
    git('checkout', '--quiet', '-b', 'experiment');
    commit('Try something', { 'services/catalog.toml': sharedAuthToml(1) });
    // main moves on after the branches left it: they are compared from where they left it
    git('checkout', '--quiet', 'main');
    commit('Add billing on main', {
      'services/billing.toml': '[service.billing]\nowner = "billing-team"\n',
    });

    const answer = await reader().read(TODAY);
    expect(answer).toMatchObject({
      repository: 'registry.git',
      defaultBranch: 'main',
      branchPrefix: 'service-registry/',
      unread: [],
    });
    expect(answer.changes).toEqual([
      {
        branch: 'service-registry/move-auth',
        commit: expect.stringMatching(/^[0-9a-f]{40}$/),
        base: expect.stringMatching(/^[0-9a-f]{40}$/),
        subject: 'Move shared-auth to 9000',
        author: 'Ana Platform',
        date: '2026-12-01T10:03:00+00:00',
        url: 'https://git.example.com/registry/tree/service-registry/move-auth',
        added: [],
        removed: [],
        changed: ['shared-auth'],
        breakingChanges: [
          {
            kind: 'port-changed',
            service: 'shared-auth',
            message: expect.stringContaining('9000'),
            affectedProjects: ['project-a'],
            affectedServices: 1,
            consumers: ['pa-api'],
          },
        ],
        findings: { errors: 0, warnings: expect.any(Number) },
        newFindings: { errors: 0, warnings: 0, listed: [] },
        unreadFiles: [],
      },
      expect.objectContaining({
        branch: 'service-registry/add-pa-web',
        subject: 'Add pa-web',
        // billing, added on main since, is neither added nor removed by the branch
        added: ['pa-web'],
        removed: [],
        changed: [],
        breakingChanges: [],
      }),
    ]);
  });

  it('follows the branches as they move, are merged and are deleted', async () => {
    git('checkout', '--quiet', '-b', 'service-registry/move-auth');
    commit('Move shared-auth', {
      'services/catalog.toml': sharedAuthToml(9000),
    });
    git('checkout', '--quiet', 'main');
    const pending = reader();
    expect((await pending.read(TODAY)).changes.map(c => c.subject)).toEqual([
      'Move shared-auth',
    ]);

    git('checkout', '--quiet', 'service-registry/move-auth');
    commit('Keep the port, add a tag', {
      'services/catalog.toml': `${sharedAuthToml(8000)}tags = ["auth"]\n`,
    });
    // (the origin's HEAD names its default branch)
    git('checkout', '--quiet', 'main');
    const moved = await pending.read(TODAY);
    expect(moved.changes).toMatchObject([
      {
        subject: 'Keep the port, add a tag',
        changed: ['shared-auth'],
        breakingChanges: [],
      },
    ]);

    // merged into main: nothing left pending on it
    git('checkout', '--quiet', 'main');
    git('merge', '--quiet', '--ff-only', 'service-registry/move-auth');
    expect((await pending.read(TODAY)).changes).toEqual([]);

    git('checkout', '--quiet', '-b', 'service-registry/drop-pa-api');
    commit('Drop project-a', {
      'projects/project-a/services.toml': null,
    });
    git('checkout', '--quiet', 'main');
    expect((await pending.read(TODAY)).changes).toMatchObject([
      { removed: ['pa-api'] },
    ]);
    git('branch', '--quiet', '-D', 'service-registry/drop-pa-api');
    git('branch', '--quiet', '-D', 'service-registry/move-auth');
    expect((await pending.read(TODAY)).changes).toEqual([]);
  });

  it("counts the findings of a branch's registry, and names a branch it cannot read", async () => {
    git('checkout', '--quiet', '-b', 'service-registry/broken');
    commit('Require a service no one declares', {
      'projects/project-a/services.toml': projectAToml().replace(
        '"shared-auth"',
        '"shared-auth", "billing"',
      ),
    });
    git('checkout', '--quiet', 'main');
    git('checkout', '--quiet', '-b', 'service-registry/huge');
    commit('A very large file', {
      'services/huge.toml': `# ${'x'.repeat(2_000)}\n`,
    });
    git('checkout', '--quiet', 'main');

    const answer = await reader({ maxFileBytes: 1_000 }).read(TODAY);
    expect(answer.changes).toMatchObject([
      {
        branch: 'service-registry/broken',
        changed: ['pa-api'],
        findings: { errors: 1 },
        newFindings: {
          errors: 1,
          listed: [
            {
              severity: 'error',
              code: 'dependency/missing-required',
              service: 'pa-api',
            },
          ],
        },
      },
    ]);
    expect(answer.unread).toEqual([
      {
        branch: 'service-registry/huge',
        message:
          'services/huge.toml is 2003 bytes, more than the 1000 bytes a registry file may have',
      },
    ]);
  });

  it('compares a branch that fixes a file main cannot read, as the CLI compares it: nothing added', async () => {
    commit('Break the shared services', {
      'services/catalog.toml': `${sharedAuthToml(8000)}port = \n`,
    });
    git('checkout', '--quiet', '-b', 'service-registry/fix-catalog');
    commit('Fix the shared services', {
      'services/catalog.toml': sharedAuthToml(8000),
    });
    git('checkout', '--quiet', 'main');

    const [change] = (await reader().read(TODAY)).changes;
    expect(change).toMatchObject({
      branch: 'service-registry/fix-catalog',
      added: [],
      changed: [],
      findings: { errors: 0 },
      unreadFiles: [
        {
          side: 'base',
          file: 'services/catalog.toml',
          message: expect.stringContaining(
            'its service shared-auth is not compared',
          ),
        },
      ],
    });
  });

  it('answers reads asked together once, and reads for another day after them', async () => {
    git('checkout', '--quiet', '-b', 'service-registry/move-auth');
    commit('Move shared-auth', {
      'services/catalog.toml': sharedAuthToml(9000),
    });
    git('checkout', '--quiet', 'main');
    const pending = reader();
    const [first, second, later] = await Promise.all([
      pending.read(TODAY),
      pending.read(TODAY),
      pending.read('2026-12-07'),
    ]);
    expect(second).toBe(first);
    expect(later).not.toBe(first);
    expect(later.changes.map(c => c.subject)).toEqual(['Move shared-auth']);
  });

  it('compares only the newest branches, up to maxBranches', async () => {
    // the oldest branch cannot be read: were it compared, it would be listed as unread
    git('checkout', '--quiet', '-b', 'service-registry/oldest');
    commit('A very large file', {
      'services/huge.toml': `# ${'x'.repeat(2_000)}\n`,
    });
    for (const name of ['older', 'newest']) {
      git('checkout', '--quiet', 'main');
      git('checkout', '--quiet', '-b', `service-registry/${name}`);
      commit(`The ${name} change`, {
        [`services/${name}.toml`]: `[service.${name}-job]\nowner = "ops"\n`,
      });
    }
    git('checkout', '--quiet', 'main');
    const answer = await new PendingChangesReader({
      repository: origin.dir,
      registryPath: 'registry',
      workDir: path.join(root, 'mirror'),
      maxFileBytes: 1_000,
      maxBranches: 2,
    }).read(TODAY);
    expect(answer.changes.map(c => c.branch)).toEqual([
      'service-registry/newest',
      'service-registry/older',
    ]);
    expect(answer.unread).toEqual([]);
  });

  it('refuses a repository it cannot read', async () => {
    await expect(
      new PendingChangesReader({
        repository: path.join(root, 'nowhere'),
        workDir: path.join(root, 'mirror'),
      }).read(TODAY),
    ).rejects.toThrow(/git ls-remote failed/);
  });
});

describe('PendingChangesReader sharing its mirror', () => {
  const lockPath = () => `${path.join(root, 'mirror')}.lock`;

  it('waits while a reader of another backend holds the mirror, and reads once it is done', async () => {
    const release = await lockfile.lock(path.join(root, 'mirror'), {
      realpath: false,
      lockfilePath: lockPath(),
    });
    let settled = false;
    const answer = reader()
      .read(TODAY)
      .finally(() => {
        settled = true;
      });
    await new Promise(resolve => setTimeout(resolve, 1000));
    // not read, nor the mirror touched, while the other backend holds it
    expect(settled).toBe(false);
    expect(fs.existsSync(path.join(root, 'mirror', 'HEAD'))).toBe(false);
    await release();
    expect((await answer).defaultBranch).toBe('main');
    expect(fs.existsSync(lockPath())).toBe(false);
  });

  it('takes over the lock of a backend that stopped while reading, without waiting long for it', async () => {
    // the lock a backend leaves when it dies mid-read: a folder nobody renews any more
    fs.mkdirSync(lockPath());
    const stopped = new Date(Date.now() - 15_000);
    fs.utimesSync(lockPath(), stopped, stopped);
    const answer = await reader().read(TODAY);
    expect(answer.defaultBranch).toBe('main');
    expect(fs.existsSync(lockPath())).toBe(false);
  });

  // 20 reads one after the other, each comparing a branch on a thread of its own (which, under
  // Jest, transforms the common package's TypeScript as it starts)
  it('reads together with readers of other backends that use the same folder', async () => {
    for (const n of [1, 2, 3]) {
      git('checkout', '--quiet', '-b', `service-registry/move-auth-${n}`);
      commit(`Move shared-auth to 900${n}`, {
        'services/catalog.toml': sharedAuthToml(9000 + n),
      });
      git('checkout', '--quiet', 'main');
    }
    // one reader per backend: nothing is shared between them but the folder
    const readers = [reader(), reader(), reader(), reader()];
    for (let round = 0; round < 5; round++) {
      // each round moves a branch, so that every reader fetches
      git('checkout', '--quiet', 'service-registry/move-auth-1');
      commit(`Round ${round}`, { 'README.md': `round ${round}` });
      git('checkout', '--quiet', 'main');
      const answers = await Promise.all(readers.map(r => r.read(TODAY)));
      for (const answer of answers) {
        expect(
          Object.fromEntries(answer.changes.map(c => [c.branch, c.subject])),
        ).toEqual({
          'service-registry/move-auth-1': `Round ${round}`,
          'service-registry/move-auth-2': 'Move shared-auth to 9002',
          'service-registry/move-auth-3': 'Move shared-auth to 9003',
        });
      }
    }
  }, 120_000);
});
