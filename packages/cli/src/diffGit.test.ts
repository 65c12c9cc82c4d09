import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli } from './__testUtils__/buildCli';
import {
  cli,
  git,
  initRepository,
  VALID_REGISTRY,
  writeFiles,
} from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

let root: string;
beforeAll(() => {
  buildCli();
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-git-')));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const portChanged = (port: number) =>
  VALID_REGISTRY['services/catalog.toml'].replace(
    'port = 8080',
    `port = ${port}`,
  );

/** What `git status` and the index say, to check that a diff left both alone. */
function repositoryState(repo: string) {
  return {
    status: git(repo, 'status', '--porcelain=v1', '-uall'),
    index: fs.readFileSync(path.join(repo, '.git/index')).toString('base64'),
  };
}

describe('service-registry diff against a git revision', () => {
  it('reads the base of a registry in a subfolder of the repository, by branch, tag, sha and origin/main', () => {
    const repo = path.join(root, 'subfolder');
    writeFiles(path.join(repo, 'registry'), VALID_REGISTRY);
    writeFiles(repo, { 'README.md': '# our registry\n' });
    initRepository(repo);
    git(repo, 'tag', 'v1');
    const sha = git(repo, 'rev-parse', 'HEAD').trim();
    writeFiles(path.join(repo, 'registry'), {
      'services/catalog.toml': portChanged(9090),
    });
    const before = repositoryState(repo);

    const fromRoot = cli(['diff', 'main', 'registry'], repo);
    expect(fromRoot.stderr).toBe('');
    expect(fromRoot.stdout).toContain('changed: shared-auth: port\n');
    expect(fromRoot.stdout).toMatch(/port-changed shared-auth/);
    expect(fromRoot.code).toBe(0);

    const inside = path.join(repo, 'registry');
    for (const revision of ['v1', sha, sha.slice(0, 8)]) {
      const run = cli(['diff', revision, '.', '--format', 'json'], inside);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).diff.changed).toEqual([
        {
          service: 'shared-auth',
          changes: [{ path: 'port', before: 8080, after: 9090 }],
        },
      ]);
    }
    expect(
      cli(['diff', 'main', 'registry', '--fail-on-breaking'], repo).code,
    ).toBe(1);
    // the working tree and the index are as they were
    expect(repositoryState(repo)).toEqual(before);

    const clone = path.join(root, 'subfolder-clone');
    git(root, 'clone', '-q', repo, clone);
    writeFiles(path.join(clone, 'registry'), {
      'services/catalog.toml': portChanged(9091),
    });
    const fromClone = cli(['diff', 'origin/main', 'registry'], clone);
    expect(fromClone.stderr).toBe('');
    expect(fromClone.stdout).toMatch(/port-changed shared-auth/);
  });

  it('sees files added, deleted and renamed since the revision as a copy of that revision would', () => {
    const repo = path.join(root, 'renames');
    writeFiles(path.join(repo, 'registry'), {
      ...VALID_REGISTRY,
      'projects/ops/services.toml': `[project]
name = "Ops"

[service.ops-reports]
owner = "ops-team"
version = "1.0.0"
status = "ga"
`,
    });
    initRepository(repo);
    const copy = path.join(root, 'renames-base');
    git(root, 'clone', '-q', repo, copy);

    git(repo, 'mv', 'registry/projects/shop', 'registry/projects/store');
    fs.rmSync(path.join(repo, 'registry/projects/ops'), { recursive: true });
    writeFiles(path.join(repo, 'registry'), {
      'projects/new/services.toml': `[project]
name = "New"

[service.new-api]
owner = "new-team"
version = "0.1.0"
status = "beta"
`,
    });

    const fromGit = cli(
      ['diff', 'main', '.', '--format', 'json'],
      `${repo}/registry`,
    );
    const fromCopy = cli(
      ['diff', path.join(copy, 'registry'), '.', '--format', 'json'],
      `${repo}/registry`,
    );
    expect(fromGit.code).toBe(0);
    const diff = JSON.parse(fromGit.stdout).diff;
    expect(diff).toEqual(JSON.parse(fromCopy.stdout).diff);
    expect(diff.added).toEqual(['new-api']);
    expect(diff.removed).toEqual(['ops-reports']);
    expect(diff.changed.map((c: { service: string }) => c.service)).toEqual([
      'shop-api',
      'shop-web',
    ]);
  });

  it('follows the symbolic links of the revision like those of the working tree', () => {
    const repo = path.join(root, 'links');
    const registry = path.join(repo, 'registry');
    writeFiles(registry, {
      'shared/catalog.toml': VALID_REGISTRY['services/catalog.toml'],
      'teams/shop/services.toml': VALID_REGISTRY['projects/shop/services.toml'],
    });
    fs.mkdirSync(path.join(registry, 'services'));
    fs.mkdirSync(path.join(registry, 'projects'));
    fs.symlinkSync(
      '../shared/catalog.toml',
      path.join(registry, 'services/catalog.toml'),
    );
    fs.symlinkSync('../teams/shop', path.join(registry, 'projects/shop'));
    initRepository(repo);
    writeFiles(registry, { 'shared/catalog.toml': portChanged(9090) });

    const run = cli(['diff', 'main', '.', '--format', 'json'], registry);
    expect(run.stderr).toBe('');
    const { diff } = JSON.parse(run.stdout);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      {
        service: 'shared-auth',
        changes: [{ path: 'port', before: 8080, after: 9090 }],
      },
    ]);
  });

  it('reads a project folder linked from another folder, whichever name sorts first', () => {
    const repo = path.join(root, 'linked-folder');
    const registry = path.join(repo, 'registry');
    // the real folder sorts before the link: both names are read, on both sides of the diff
    writeFiles(registry, {
      'services/catalog.toml': VALID_REGISTRY['services/catalog.toml'],
      'areas/shop/services.toml': VALID_REGISTRY['projects/shop/services.toml'],
    });
    fs.mkdirSync(path.join(registry, 'projects'));
    fs.symlinkSync('../areas/shop', path.join(registry, 'projects/shop'));
    initRepository(repo);
    writeFiles(registry, { 'services/catalog.toml': portChanged(9090) });

    const { diff } = JSON.parse(
      cli(['diff', 'main', '.', '--format', 'json'], registry).stdout,
    );
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    const port = diff.breakingChanges.find(
      (c: { kind: string }) => c.kind === 'port-changed',
    );
    expect(port.affectedProjects).toEqual(['shop']);
  });

  it('reads Windows line endings on either side as the same registry', () => {
    const repo = path.join(root, 'crlf');
    writeFiles(repo, VALID_REGISTRY);
    initRepository(repo);
    const crlf = Object.fromEntries(
      Object.entries(VALID_REGISTRY).map(([file, text]) => [
        file,
        text.replace(/\n/g, '\r\n'),
      ]),
    );
    writeFiles(repo, crlf);
    const head = cli(['diff', 'main', '.'], repo);
    expect(head.stdout).toContain('no service changed');
    expect(head.code).toBe(0);

    git(repo, 'commit', '-qam', 'crlf');
    writeFiles(repo, VALID_REGISTRY);
    const base = cli(['diff', 'main', '.'], repo);
    expect(base.stdout).toContain('no service changed');
    expect(base.code).toBe(0);
  });
});

describe('service-registry diff when the revision cannot be read', () => {
  it('says that a shallow clone lacks the base and how to fetch it', () => {
    const repo = path.join(root, 'deep');
    writeFiles(repo, VALID_REGISTRY);
    initRepository(repo);
    writeFiles(repo, { 'services/catalog.toml': portChanged(9090) });
    git(repo, 'commit', '-qam', 'second');
    const shallow = path.join(root, 'shallow');
    git(root, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);

    const missing = cli(['diff', 'HEAD~1', '.'], shallow);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('shallow clone');
    expect(missing.stderr).toContain('fetch-depth: 0');
    expect(missing.stderr).not.toMatch(/^\s+at /m);

    // the tip of a shallow clone is there: nothing else is needed
    expect(cli(['diff', 'origin/main', '.'], shallow).code).toBe(0);
  });

  it('says that a directory outside any git repository has no revisions', () => {
    const dir = writeFiles(
      path.join(root, 'no-git', 'registry'),
      VALID_REGISTRY,
    );
    const run = cli(['diff', 'main', '.'], dir, {
      GIT_CEILING_DIRECTORIES: root,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('main is not a directory');
    expect(run.stderr).toContain('not in a git repository');
  });
});
