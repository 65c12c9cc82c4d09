import fs from 'node:fs';
import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import {
  cli,
  git,
  initRepository,
  VALID_REGISTRY,
  writeFiles,
} from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-git-');

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
    const repo = path.join(tmp.root, 'subfolder');
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

    const clone = path.join(tmp.root, 'subfolder-clone');
    git(tmp.root, 'clone', '-q', repo, clone);
    writeFiles(path.join(clone, 'registry'), {
      'services/catalog.toml': portChanged(9091),
    });
    const fromClone = cli(['diff', 'origin/main', 'registry'], clone);
    expect(fromClone.stderr).toBe('');
    expect(fromClone.stdout).toMatch(/port-changed shared-auth/);
  });

  it('sees files added, deleted and renamed since the revision as a copy of that revision would', () => {
    const repo = path.join(tmp.root, 'renames');
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
    const copy = path.join(tmp.root, 'renames-base');
    git(tmp.root, 'clone', '-q', repo, copy);

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
    const repo = path.join(tmp.root, 'links');
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
    const repo = path.join(tmp.root, 'linked-folder');
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

  it('reads a linked project folder whose name has a dot in the revision as in the working tree', () => {
    const repo = path.join(tmp.root, 'linked-dotted-folder');
    const registry = path.join(repo, 'registry');
    writeFiles(registry, {
      'services/catalog.toml': VALID_REGISTRY['services/catalog.toml'],
      'areas/shop/services.toml': VALID_REGISTRY['projects/shop/services.toml'],
      'README.md': '# registry\n',
    });
    fs.mkdirSync(path.join(registry, 'projects'));
    fs.symlinkSync('../areas/shop', path.join(registry, 'projects/shop.eu'));
    fs.symlinkSync('../README.md', path.join(registry, 'projects/README.md'));
    initRepository(repo);
    writeFiles(registry, { 'services/catalog.toml': portChanged(9090) });

    const run = cli(['diff', 'main', '.', '--format', 'json'], registry);
    expect(run.stderr).toBe('');
    const { diff } = JSON.parse(run.stdout);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    const port = diff.breakingChanges.find(
      (c: { kind: string }) => c.kind === 'port-changed',
    );
    expect(port.affectedProjects).toEqual(['shop.eu']);
  });

  it('reads Windows line endings on either side as the same registry', () => {
    const repo = path.join(tmp.root, 'crlf');
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

describe('service-registry diff against a base with a symbolic link the reader refuses', () => {
  it('leaves the link out of the base with a warning, so that the pull request replacing it can pass', () => {
    const repo = path.join(tmp.root, 'refused-link');
    const registry = path.join(repo, 'reg');
    writeFiles(registry, VALID_REGISTRY);
    writeFiles(repo, { 'shared/security.toml': '[sla.low]\n' });
    fs.mkdirSync(path.join(registry, 'policies'));
    fs.symlinkSync(
      '../../shared/security.toml',
      path.join(registry, 'policies/security.toml'),
    );
    initRepository(repo);
    git(repo, 'checkout', '-qb', 'fix');
    fs.rmSync(path.join(registry, 'policies/security.toml'));
    writeFiles(registry, { 'policies/security.toml': '[sla.low]\n' });
    git(repo, 'commit', '-qam', 'the file itself');

    const run = cli(['diff', 'main...', 'reg', '--fail-on-breaking'], repo);
    expect(run.stderr).toContain(
      'service-registry: leaving policies/security.toml out of the base',
    );
    expect(run.stderr).toContain(
      'it is a symbolic link to ../../shared/security.toml, outside the registry root',
    );
    expect(run.stdout).toContain('no service changed');
    expect(run.code).toBe(0);
  });
});

describe('service-registry diff against a base without the registry', () => {
  it('says that the base has no registry files when the registry folder moved, instead of passing every service as added', () => {
    const repo = path.join(tmp.root, 'moved');
    writeFiles(path.join(repo, 'registry'), VALID_REGISTRY);
    initRepository(repo);
    git(repo, 'checkout', '-qb', 'move');
    git(repo, 'mv', 'registry', 'catalog');
    writeFiles(path.join(repo, 'catalog'), {
      'services/catalog.toml': portChanged(9090),
    });
    git(repo, 'commit', '-qam', 'move the registry');

    const run = cli(['diff', 'main', 'catalog', '--fail-on-breaking'], repo);
    expect(run.stdout).toContain('added:   shared-auth, shop-api, shop-web');
    expect(run.code).toBe(0);
    const [warning] = run.stderr.split('\n');
    expect(warning).toMatch(
      /^service-registry: main:catalog has no registry file/,
    );
    expect(warning).toContain('git worktree add');

    // the base as a directory of the old layout: what the warning says to do
    const old = path.join(tmp.root, 'moved-base');
    git(repo, 'worktree', 'add', '-q', '--detach', old, 'main');
    const compared = cli(
      ['diff', path.join(old, 'registry'), 'catalog', '--fail-on-breaking'],
      repo,
    );
    expect(compared.stderr).not.toContain('no registry file');
    expect(compared.stdout).toMatch(/port-changed shared-auth/);
    expect(compared.code).toBe(1);
  });
});

describe('service-registry diff against the merge base (origin/main...)', () => {
  it('compares with the commit the branch left main at, whatever main gained since, and says when a shallow clone lacks it', () => {
    const repo = path.join(tmp.root, 'merge-base');
    writeFiles(repo, VALID_REGISTRY);
    initRepository(repo);
    git(repo, 'checkout', '-qb', 'feature');
    writeFiles(repo, { 'services/catalog.toml': portChanged(9090) });
    git(repo, 'commit', '-qam', 'port');
    git(repo, 'checkout', '-q', 'main');
    writeFiles(repo, {
      'projects/ops/services.toml': `[project]
name = "Ops"

[service.ops-reports]
owner = "ops-team"
version = "1.0.0"
status = "ga"
`,
    });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'main moves on');
    git(repo, 'checkout', '-q', 'feature');

    const changes = (base: string) => {
      const run = cli(['diff', base, '.', '--format', 'json'], repo);
      expect(run.stderr).toBe('');
      const { diff } = JSON.parse(run.stdout);
      return {
        added: diff.added,
        removed: diff.removed,
        changed: diff.changed,
      };
    };
    const own = {
      added: [],
      removed: [],
      changed: [
        {
          service: 'shared-auth',
          changes: [{ path: 'port', before: 8080, after: 9090 }],
        },
      ],
    };
    expect(changes('main...')).toEqual(own);
    // the report names the commit it compared with, and how it was found
    const head = cli(['diff', 'main...', '.', '--format', 'json'], repo);
    const mergeBase = git(repo, 'merge-base', 'main', 'HEAD').trim();
    expect(JSON.parse(head.stdout).base).toBe(
      `${mergeBase.slice(0, 12)}:. (the merge base of main and HEAD)`,
    );
    expect(changes('main...feature')).toEqual(own);
    // main itself: what main gained since shows as undone by the branch
    expect(changes('main').removed).toEqual(['ops-reports']);

    const noBranch = cli(['diff', '...', '.'], repo);
    expect(noBranch.code).toBe(2);
    expect(noBranch.stderr).toContain('origin/main...');

    const shallow = path.join(tmp.root, 'merge-base-shallow');
    git(
      tmp.root,
      'clone',
      '-q',
      '--depth',
      '1',
      '-b',
      'feature',
      `file://${repo}`,
      shallow,
    );
    git(
      shallow,
      'fetch',
      '-q',
      '--depth=1',
      'origin',
      'main:refs/remotes/origin/main',
    );
    const cut = cli(['diff', 'origin/main...', '.'], shallow);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('no common commit');
    const command = /(git fetch [^;]+);/.exec(cut.stderr)?.[1];
    expect(command).toBeDefined();
    git(shallow, ...command!.split(' ').slice(1));
    const whole = cli(
      ['diff', 'origin/main...', '.', '--format', 'json'],
      shallow,
    );
    expect(whole.stderr).toBe('');
    expect(JSON.parse(whole.stdout).diff.changed).toEqual(own.changed);
  });
});

describe('service-registry diff against a merge base with a file that does not parse', () => {
  it('names the file as <commit>:<dir>/<file>:line:column, with the merge base said apart', () => {
    const repo = path.join(tmp.root, 'merge-base-unparsed');
    const shop = VALID_REGISTRY['projects/shop/services.toml'];
    writeFiles(path.join(repo, 'reg dir'), {
      ...VALID_REGISTRY,
      'projects/shop/services.toml': shop.replace(
        'version = "2.0.0"',
        'version = "2.0.0" "2.1.0"',
      ),
    });
    initRepository(repo);
    git(repo, 'checkout', '-qb', 'fix');
    writeFiles(path.join(repo, 'reg dir'), VALID_REGISTRY);
    git(repo, 'commit', '-qam', 'fix');
    const sha = git(repo, 'merge-base', 'main', 'HEAD').trim().slice(0, 12);
    const line = shop.split('\n').indexOf('version = "2.0.0"') + 1;
    const where = `${sha}:reg dir/projects/shop/services.toml:${line}:19`;

    const run = cli(['diff', 'main...', 'reg dir'], repo);
    expect(run.stderr).toContain(
      `service-registry: ${where} (the merge base of main and HEAD) does not parse`,
    );
    expect(run.stdout).toContain(
      `  note: In base, ${where} (the merge base of main and HEAD) does not parse:`,
    );
  });
});

describe('service-registry diff when the revision cannot be read', () => {
  it('says that a shallow clone lacks the base and how to fetch it', () => {
    const repo = path.join(tmp.root, 'deep');
    writeFiles(repo, VALID_REGISTRY);
    initRepository(repo);
    writeFiles(repo, { 'services/catalog.toml': portChanged(9090) });
    git(repo, 'commit', '-qam', 'second');
    const shallow = path.join(tmp.root, 'shallow');
    git(tmp.root, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);

    const missing = cli(['diff', 'HEAD~1', '.'], shallow);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('shallow clone');
    expect(missing.stderr).toContain('fetch-depth: 0');
    expect(missing.stderr).not.toMatch(/^\s+at /m);

    // the tip of a shallow clone is there: nothing else is needed
    expect(cli(['diff', 'origin/main', '.'], shallow).code).toBe(0);
  });

  it('tells how to fetch the base into a shallow clone of the pull request branch, in a command that works', () => {
    // `git clone --depth 1 -b feature` (a CI checkout) implies --single-branch: a plain
    // `git fetch origin main` then fills FETCH_HEAD only, and origin/main is still missing
    const origin = path.join(tmp.root, 'origin-of-shallow');
    writeFiles(origin, VALID_REGISTRY);
    initRepository(origin);
    git(origin, 'checkout', '-qb', 'feature');
    writeFiles(origin, { 'services/catalog.toml': portChanged(9090) });
    git(origin, 'commit', '-qam', 'port');
    const clone = path.join(tmp.root, 'shallow-feature');
    git(
      tmp.root,
      'clone',
      '-q',
      '--depth',
      '1',
      '-b',
      'feature',
      `file://${origin}`,
      clone,
    );

    const advised = (ref: string) => {
      const run = cli(['diff', ref, '.'], clone);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split('\n')[0]).toContain(ref);
      const command = /(git fetch [^;]+);/.exec(run.stderr)?.[1];
      expect(command).toBeDefined();
      return command!;
    };

    const command = advised('origin/main');
    expect(command).toContain('--depth=1');
    git(clone, ...command.split(' ').slice(1));
    const after = cli(['diff', 'origin/main', '.'], clone);
    expect(after.stderr).toBe('');
    expect(after.stdout).toMatch(/port-changed shared-auth/);
    expect(after.code).toBe(0);

    // a branch of another name is fetched by that name, not main
    git(origin, 'branch', 'release-2', 'main');
    const release = advised('origin/release-2');
    expect(release).toContain('release-2');
    git(clone, ...release.split(' ').slice(1));
    expect(cli(['diff', 'origin/release-2', '.'], clone).code).toBe(0);
  });

  it('says that a base given as a file is a file, not a registry', () => {
    // `diff services/catalog.toml` or `diff old.toml`: a registry is a folder
    const repo = path.join(tmp.root, 'file-base');
    writeFiles(repo, VALID_REGISTRY);
    initRepository(repo);
    const run = cli(['diff', 'services/catalog.toml', '.'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "service-registry: services/catalog.toml is a file, not a registry: give the base as the registry's root directory or a git revision",
    );
  });

  it('says that a directory outside any git repository has no revisions', () => {
    const dir = writeFiles(
      path.join(tmp.root, 'no-git', 'registry'),
      VALID_REGISTRY,
    );
    const run = cli(['diff', 'main', '.'], dir, {
      GIT_CEILING_DIRECTORIES: tmp.root,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('main is not a directory');
    expect(run.stderr).toContain('not in a git repository');
  });
});
