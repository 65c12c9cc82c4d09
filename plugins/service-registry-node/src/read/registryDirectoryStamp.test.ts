import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registryDirectoryStamp } from './registryDirectoryStamp';

describe('registryDirectoryStamp', () => {
  let root: string;
  const file = (relative: string) => path.join(root, relative);
  const write = async (relative: string, text: string) => {
    await fs.mkdir(path.dirname(file(relative)), { recursive: true });
    await fs.writeFile(file(relative), text, 'utf8');
  };
  const stamp = () => registryDirectoryStamp(root);

  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-stamp-'));
    await write('services/catalog.toml', '[service.a]\nport = 1\n');
    await write('projects/p/services.toml', '[project]\nname = "P"\n');
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('is the same while nothing is written', async () => {
    expect(await stamp()).toEqual(await stamp());
  });

  it('changes when a file is written, even with the same size and its modification time set back', async () => {
    const catalog = file('services/catalog.toml');
    const then = new Date('2026-01-01T00:00:00Z');
    await fs.utimes(catalog, then, then);
    const before = await stamp();
    const { mtimeNs, size } = await fs.stat(catalog, { bigint: true });
    await fs.writeFile(catalog, '[service.a]\nport = 2\n');
    await fs.utimes(catalog, then, then);
    const after = await fs.stat(catalog, { bigint: true });
    expect([after.mtimeNs, after.size]).toEqual([mtimeNs, size]);
    expect((await stamp()).key).not.toBe(before.key);
  });

  it('changes when a file is added, removed or renamed', async () => {
    const first = await stamp();
    await write('projects/q/services.toml', '[project]\nname = "Q"\n');
    const added = await stamp();
    expect(added.key).not.toBe(first.key);
    await fs.rename(
      file('projects/q/services.toml'),
      file('projects/q/other.toml'),
    );
    const renamed = await stamp();
    expect(renamed.key).not.toBe(added.key);
    await fs.rm(file('projects/q'), { recursive: true });
    const removed = await stamp();
    expect(removed.key).not.toBe(renamed.key);
  });

  it('changes when a link is pointed at another file', async () => {
    await write('shared/a.toml', '[service.x]\nport = 1\n');
    await write('shared/b.toml', '[service.x]\nport = 2\n');
    await fs.mkdir(file('projects/linked'));
    await fs.symlink(
      file('shared/a.toml'),
      file('projects/linked/services.toml'),
    );
    const before = await stamp();
    await fs.rm(file('projects/linked/services.toml'));
    await fs.symlink(
      file('shared/b.toml'),
      file('projects/linked/services.toml'),
    );
    expect((await stamp()).key).not.toBe(before.key);
  });

  it('ignores what readRegistryDirectory does not read', async () => {
    const before = await stamp();
    await write('README.md', '# the registry');
    await write('.git/config.toml', 'x = 1');
    await write('node_modules/pkg/a.toml', 'x = 1');
    expect(await stamp()).toEqual(before);
  });

  it('gives the latest change of any file', async () => {
    const early = new Date('2026-01-01T00:00:00Z');
    await fs.utimes(file('services/catalog.toml'), early, early);
    await fs.utimes(file('projects/p/services.toml'), early, early);
    const { ctimeMs } = await fs.stat(file('projects/p/services.toml'));
    // the change times are the utimes calls' own moments, later than the modification times
    expect((await stamp()).latestChangeMs).toBeGreaterThanOrEqual(
      Math.floor(ctimeMs),
    );
    expect((await stamp()).latestChangeMs).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a link outside the root like readRegistryDirectory', async () => {
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'outside-'));
    try {
      await fs.writeFile(path.join(outside, 'x.toml'), 'x = 1');
      await fs.symlink(path.join(outside, 'x.toml'), file('services/x.toml'));
      await expect(stamp()).rejects.toThrow(/outside the registry root/);
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });
});
