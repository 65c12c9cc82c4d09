import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { readRegistryDirectory } from './readRegistryDirectory';
import { registryDirectoryStamp } from './registryDirectoryStamp';
import { loadRegistryFromDirectory } from './loadRegistryFromDirectory';

describe('readRegistryDirectory', () => {
  let root: string;
  let outside: string;

  const write = async (relative: string, text: string) => {
    const file = path.join(root, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text, 'utf8');
  };

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-'));
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'outside-'));
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('reads every toml file, sorted, with forward-slash relative paths', async () => {
    await write('services/catalog.toml', '[service.a]\nport = 1\n');
    await write('projects/p/services.toml', '[project]\nname = "P"\n');
    await write('policies/sla.toml', '[sla.low]\n');
    await write('README.md', '# not toml');
    await write('.git/config.toml', 'ignored = true');
    await write('.github/x.toml', 'ignored = true');
    await write('node_modules/pkg/a.toml', 'ignored = true');

    const files = await readRegistryDirectory(root);
    expect(files).toEqual([
      { path: 'policies/sla.toml', text: '[sla.low]\n' },
      { path: 'projects/p/services.toml', text: '[project]\nname = "P"\n' },
      { path: 'services/catalog.toml', text: '[service.a]\nport = 1\n' },
    ]);
  });

  it('reads a registry file whose extension is not in lower case, and the loader names it', async () => {
    await write('services/catalog.TOML', '[service.a]\nport = 1\n');
    await write('services/notes.md', '# not toml');

    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'services/catalog.TOML',
    ]);
    const registry = await loadRegistryFromDirectory(root);
    expect(registry.services.size).toBe(0);
    expect(registry.findings).toEqual([
      expect.objectContaining({
        code: 'registry/unknown-file',
        severity: 'warning',
        file: 'services/catalog.TOML',
        message:
          'services/catalog.TOML is not part of the registry layout and is ignored: registry file names end in ".toml", in lower case. Rename it to services/catalog.toml.',
      }),
    ]);
  });

  it('follows symlinks inside the root and refuses those escaping it', async () => {
    await write('shared/catalog.toml', '[service.a]\n');
    await fs.mkdir(path.join(root, 'services'));
    await fs.symlink(
      path.join(root, 'shared', 'catalog.toml'),
      path.join(root, 'services', 'catalog.toml'),
    );
    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'services/catalog.toml',
      'shared/catalog.toml',
    ]);

    await fs.writeFile(path.join(outside, 'secret.toml'), 'token = "x"');
    await fs.symlink(outside, path.join(root, 'policies'));
    await expect(readRegistryDirectory(root)).rejects.toThrow(
      /symbolic link .* outside the registry root/,
    );
  });

  it('ignores links outside the root to what it never reads (a README, editor settings, node_modules)', async () => {
    await write('services/catalog.toml', '[service.a]\n');
    await fs.writeFile(path.join(outside, 'README.md'), '# readme');
    await fs.writeFile(path.join(outside, '.editorconfig'), 'root = true');
    await fs.mkdir(path.join(outside, 'node_modules'));
    await fs.symlink(
      path.join(outside, 'README.md'),
      path.join(root, 'README.md'),
    );
    await fs.symlink(
      path.join(outside, '.editorconfig'),
      path.join(root, '.editorconfig'),
    );
    await fs.symlink(
      path.join(outside, 'node_modules'),
      path.join(root, 'node_modules'),
    );
    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'services/catalog.toml',
    ]);
  });

  it('follows a link into a folder of the root whose name starts with two dots', async () => {
    await write('..shared/catalog.toml', '[service.a]\n');
    await fs.mkdir(path.join(root, 'services'));
    await fs.symlink(
      '../..shared/catalog.toml',
      path.join(root, 'services', 'catalog.toml'),
    );
    expect(await readRegistryDirectory(root)).toEqual([
      { path: 'services/catalog.toml', text: '[service.a]\n' },
    ]);
  });

  it('refuses a broken link to a registry file or a project folder, naming it, and ignores others', async () => {
    await write('services/catalog.toml', '[service.a]\n');
    await fs.symlink('../missing.md', path.join(root, 'services', 'NOTES.md'));
    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'services/catalog.toml',
    ]);

    await fs.mkdir(path.join(root, 'projects/shop'), { recursive: true });
    await fs.symlink(
      '../../shared/shop.toml',
      path.join(root, 'projects/shop/services.toml'),
    );
    await expect(readRegistryDirectory(root)).rejects.toThrow(
      'Refusing to read projects/shop/services.toml: it is a symbolic link to ../../shared/shop.toml, which does not exist.',
    );
    await fs.rm(path.join(root, 'projects/shop/services.toml'));

    // without the extension, a broken link (a script's `run`) is not a registry file either
    await fs.symlink('./bin/run.sh', path.join(root, 'run'));
    await fs.symlink('../gone', path.join(root, 'services', 'tools'));
    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'services/catalog.toml',
    ]);

    // but a broken project folder would drop every service of the project
    await fs.symlink('../gone', path.join(root, 'projects', 'billing'));
    await expect(readRegistryDirectory(root)).rejects.toThrow(
      'Refusing to read projects/billing: it is a symbolic link to ../gone, which does not exist.',
    );
  });

  it('escapes control and bidirectional characters of the names and targets it refuses', async () => {
    await fs.mkdir(path.join(root, 'projects'));
    await fs.symlink(
      '../gone\u202e\n',
      path.join(root, 'projects', 'bil\u202eling\u0007'),
    );
    await expect(readRegistryDirectory(root)).rejects.toThrow(
      'Refusing to read projects/bil\\u202eling\\u0007: it is a symbolic link to ../gone\\u202e\\u000a, which does not exist.',
    );
  });

  it('ignores a link without the extension to a file outside the root (LICENSE -> ../LICENSE), and still refuses one to a folder outside', async () => {
    await write('services/catalog.toml', '[service.a]\n');
    await fs.writeFile(path.join(outside, 'LICENSE'), 'Apache-2.0');
    await fs.writeFile(path.join(outside, 'shared.toml'), '[service.b]\n');
    await fs.symlink(path.join(outside, 'LICENSE'), path.join(root, 'LICENSE'));
    await fs.symlink(
      path.join(outside, 'shared.toml'),
      path.join(root, 'services', 'Makefile'),
    );
    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'services/catalog.toml',
    ]);

    await fs.symlink(outside, path.join(root, 'projects'));
    await expect(readRegistryDirectory(root)).rejects.toThrow(
      /Refusing to read projects: it is a symbolic link to .*, outside the registry root/,
    );
  });

  it('reads a linked folder whose name has a dot like a folder of that name (projects/team.io), and still ignores links to files of such names', async () => {
    await write('services/catalog.toml', '[service.a]\n');
    await write('shared/team.io/services.toml', '[service.b]\n');
    await write('README.md', '# registry');
    await fs.mkdir(path.join(root, 'projects'));
    await fs.symlink(
      '../shared/team.io',
      path.join(root, 'projects', 'team.io'),
    );
    await fs.symlink('../README.md', path.join(root, 'projects', 'README.md'));
    await fs.symlink('../gone.md', path.join(root, 'projects', 'NOTES.md'));
    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'projects/team.io/services.toml',
      'services/catalog.toml',
      'shared/team.io/services.toml',
    ]);
    expect((await registryDirectoryStamp(root)).key).toContain(
      'projects/team.io/services.toml',
    );

    // like a folder without a dot, a linked one outside the registry is refused
    await fs.mkdir(path.join(outside, 'ops.eu'));
    await fs.symlink(
      path.join(outside, 'ops.eu'),
      path.join(root, 'projects', 'ops.eu'),
    );
    await expect(readRegistryDirectory(root)).rejects.toThrow(
      /Refusing to read projects\/ops\.eu: it is a symbolic link to .*, outside the registry root/,
    );
  });

  it('refuses a registry file that is a named pipe, directly or through a link, and ignores other pipes', async () => {
    await write('services/catalog.toml', '[service.a]\n');
    await fs.mkdir(path.join(root, 'projects/shop'), { recursive: true });
    execFileSync('mkfifo', [path.join(root, 'projects/shop/notes.pipe')]);
    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'services/catalog.toml',
    ]);

    // reading it would block, and skipping it would drop the project's services
    execFileSync('mkfifo', [path.join(root, 'projects/shop/services.toml')]);
    await expect(readRegistryDirectory(root)).rejects.toThrow(
      'Refusing to read projects/shop/services.toml: it is a named pipe (FIFO), not a regular file.',
    );
    await expect(registryDirectoryStamp(root)).rejects.toThrow(/named pipe/);
    await fs.rm(path.join(root, 'projects/shop/services.toml'));

    await fs.symlink(
      'shop/notes.pipe',
      path.join(root, 'projects', 'billing.toml'),
    );
    await expect(readRegistryDirectory(root)).rejects.toThrow(
      'Refusing to read projects/billing.toml: it is a named pipe (FIFO), not a regular file.',
    );
  });

  it('refuses a folder or registry file whose name is not UTF-8, naming it, and ignores other such files', async () => {
    await write('services/catalog.toml', '[service.a]\n');
    // Latin-1 names, as a copy from a system using Windows-1252 writes them
    const latin1 = (relative: string) =>
      Buffer.concat([Buffer.from(`${root}/`), Buffer.from(relative, 'latin1')]);
    await fs.writeFile(latin1('Notas de versión.md'), '# never read');
    expect(await readRegistryDirectory(root)).toEqual([
      { path: 'services/catalog.toml', text: '[service.a]\n' },
    ]);

    await fs.mkdir(path.join(root, 'policies'));
    await fs.writeFile(latin1('policies/sécurité.toml'), '[security]\n');
    const file =
      'Refusing to read policies/s\ufffdcurit\ufffd.toml: its name is not UTF-8 text (the byte 0xE9 is not valid UTF-8), so it cannot be opened by the name the registry would give it. Rename it in UTF-8; the registry is not read until then.';
    await expect(readRegistryDirectory(root)).rejects.toThrow(file);
    await expect(registryDirectoryStamp(root)).rejects.toThrow(file);

    await fs.rm(latin1('policies/sécurité.toml'));
    await fs.mkdir(path.join(root, 'projects'));
    await fs.mkdir(latin1('projects/pagós'));
    await fs.writeFile(latin1('projects/pagós/services.toml'), '[project]\n');
    await expect(readRegistryDirectory(root)).rejects.toMatchObject({
      name: 'InputError',
      message:
        'Refusing to read projects/pag\ufffds: its name is not UTF-8 text (the byte 0xF3 is not valid UTF-8), so it cannot be opened by the name the registry would give it. Rename it in UTF-8; the registry is not read until then.',
    });
  });

  it('reads a folder linked from two places under both names, and stops at a link back up', async () => {
    await write('areas/shop/services.toml', '[project]\nname = "Shop"\n');
    await fs.mkdir(path.join(root, 'projects'));
    await fs.symlink('../areas/shop', path.join(root, 'projects', 'shop'));
    await fs.symlink('..', path.join(root, 'areas', 'shop', 'up'));
    expect((await readRegistryDirectory(root)).map(f => f.path)).toEqual([
      'areas/shop/services.toml',
      'projects/shop/services.toml',
    ]);
  });

  it('does not read a file above the size limit but marks it, reading the others and one at the limit', async () => {
    await write('services/catalog.toml', '[service.a]\nport = 1\n'); // 21 bytes
    // a log committed by mistake, not even UTF-8
    await fs.mkdir(path.join(root, 'projects/shop'), { recursive: true });
    await fs.writeFile(
      path.join(root, 'projects/shop/services.toml'),
      Buffer.alloc(5000, 0xff),
    );
    await fs.symlink(
      '../projects/shop/services.toml',
      path.join(root, 'services', 'versions.toml'),
    );

    const files = await readRegistryDirectory(root, { maxFileBytes: 21 });
    expect(files).toEqual([
      {
        path: 'projects/shop/services.toml',
        text: expect.any(String),
        tooLarge: { bytes: 5000, limit: 21 },
      },
      { path: 'services/catalog.toml', text: '[service.a]\nport = 1\n' },
      {
        path: 'services/versions.toml',
        text: expect.any(String),
        tooLarge: { bytes: 5000, limit: 21 },
      },
    ]);

    // the default limit is far above a registry file
    expect((await readRegistryDirectory(root))[0]).toMatchObject({
      path: 'projects/shop/services.toml',
      notUtf8: { line: 1, column: 1, byte: 0xff },
    });
  });

  it('makes the loader report a file above the limit at its start and load the others', async () => {
    await write('services/catalog.toml', '[service.auth]\n');
    await write('projects/shop/services.toml', `# ${'x'.repeat(2000)}\n`);
    const registry = await loadRegistryFromDirectory(root, {
      maxFileBytes: 1024,
    });
    expect([...registry.services.keys()]).toEqual(['auth']);
    expect(registry.failedFiles).toEqual(['projects/shop/services.toml']);
    expect(registry.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'projects/shop/services.toml',
        line: 1,
        column: 1,
        message: expect.stringContaining(
          'it is 2.0 KiB (2003 bytes), above the limit of 1 KiB (1024 bytes)',
        ),
      }),
    ]);
  });

  it('refuses a limit that is not a positive whole number of bytes up to 256 MiB', async () => {
    for (const maxFileBytes of [0, -1, 1.5, Number.NaN, 4_000_000_000]) {
      await expect(
        readRegistryDirectory(root, { maxFileBytes }),
      ).rejects.toThrow(
        `maxFileBytes must be a positive whole number of bytes up to 268435456 (256 MiB, the largest file a reader holds as text), got ${maxFileBytes}`,
      );
    }
  });

  it('loads a registry from a directory', async () => {
    await write(
      'services/catalog.toml',
      '[service.shared-auth]\nversion = "1.2.3"\n',
    );
    await write(
      'projects/shop/services.toml',
      '[project]\ntier = "high"\n[service.shop-web]\ndependencies.requires = ["shared-auth@^1.0"]\n',
    );
    const registry = await loadRegistryFromDirectory(root);
    expect(registry.findings).toEqual([]);
    expect(registry.services.get('shop-web')).toMatchObject({
      project: 'shop',
      effectiveTier: 'high',
      dependencies: {
        requires: [
          expect.objectContaining({ service: 'shared-auth', range: '^1.0' }),
        ],
      },
    });
  });
});
