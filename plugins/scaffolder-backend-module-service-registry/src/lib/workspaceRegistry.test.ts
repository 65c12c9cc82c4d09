import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeRegistryFiles } from './workspaceRegistry';

describe('writeRegistryFiles', () => {
  let dir: string;
  let outside: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sr-write-'));
    outside = await fs.mkdtemp(path.join(os.tmpdir(), 'sr-outside-'));
    await fs.mkdir(path.join(dir, 'services'));
    await fs.mkdir(path.join(dir, 'projects/shop'), { recursive: true });
    await fs.writeFile(path.join(dir, 'services/catalog.toml'), 'a = 1\n');
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(outside, { recursive: true, force: true });
  });

  it('writes a file that is a relative symbolic link through the link, which stays a link', async () => {
    await fs.writeFile(path.join(dir, 'projects/shared.toml'), 'b = 1\n');
    const link = path.join(dir, 'projects/shop/services.toml');
    await fs.symlink('../shared.toml', link);

    await writeRegistryFiles(dir, [
      {
        path: 'projects/shop/services.toml',
        text: 'b = 2\n',
        before: 'b = 1\n',
      },
      { path: 'services/catalog.toml', text: 'a = 2\n', before: 'a = 1\n' },
    ]);

    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe('../shared.toml');
    expect(await fs.readFile(link, 'utf8')).toBe('b = 2\n');
    expect(
      await fs.readFile(path.join(dir, 'projects/shared.toml'), 'utf8'),
    ).toBe('b = 2\n');
    expect(
      await fs.readFile(path.join(dir, 'services/catalog.toml'), 'utf8'),
    ).toBe('a = 2\n');
    // no temporary file left behind
    expect((await fs.readdir(path.join(dir, 'projects'))).sort()).toEqual([
      'shared.toml',
      'shop',
    ]);
  });

  it('refuses to write through a link to a file outside the registry, and writes nothing', async () => {
    const secret = path.join(outside, 'elsewhere.toml');
    await fs.writeFile(secret, 'c = 1\n');
    await fs.symlink(secret, path.join(dir, 'projects/shop/services.toml'));

    await expect(
      writeRegistryFiles(dir, [
        { path: 'services/catalog.toml', text: 'a = 2\n', before: 'a = 1\n' },
        {
          path: 'projects/shop/services.toml',
          text: 'c = 2\n',
          before: 'c = 1\n',
        },
      ]),
    ).rejects.toThrow(
      'The registry file "projects/shop/services.toml" is outside the task\'s workspace',
    );
    expect(await fs.readFile(secret, 'utf8')).toBe('c = 1\n');
    expect(
      await fs.readFile(path.join(dir, 'services/catalog.toml'), 'utf8'),
    ).toBe('a = 1\n');
  });

  it('leaves the registry as it was when a write fails: files restored, no temporary file, no new folder', async () => {
    // a folder where the project's file should be: renaming the new text over it fails
    await fs.mkdir(path.join(dir, 'projects/shop/services.toml'));

    await expect(
      writeRegistryFiles(dir, [
        { path: 'services/catalog.toml', text: 'a = 2\n', before: 'a = 1\n' },
        { path: 'projects/billing/services.toml', text: 'n = 1\n' },
        {
          path: 'projects/shop/services.toml',
          text: 'b = 2\n',
          before: 'b = 1\n',
        },
      ]),
    ).rejects.toThrow();

    expect(
      await fs.readFile(path.join(dir, 'services/catalog.toml'), 'utf8'),
    ).toBe('a = 1\n');
    expect((await fs.readdir(path.join(dir, 'services'))).sort()).toEqual([
      'catalog.toml',
    ]);
    expect((await fs.readdir(path.join(dir, 'projects'))).sort()).toEqual([
      'shop',
    ]);
    expect(await fs.readdir(path.join(dir, 'projects/shop'))).toEqual([
      'services.toml',
    ]);
  });
});
