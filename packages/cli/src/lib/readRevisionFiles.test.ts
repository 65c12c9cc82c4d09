import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { git, initRepository, writeFiles } from '../__testUtils__/cliProcess';
import { readRevisionFiles } from './readRevisionFiles';

let repo: string;
beforeEach(() => {
  repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-rev-')));
});
afterEach(() => {
  fs.rmSync(repo, { recursive: true, force: true });
});

describe('readRevisionFiles', () => {
  it('does not read a file of the revision above the size limit but marks it, as the directory reader does', async () => {
    writeFiles(repo, {
      'registry/services/catalog.toml': '[service.a]\nport = 1\n', // 21 bytes
      // a log committed by mistake, not even UTF-8
      'registry/projects/shop/services.toml': new Uint8Array(5000).fill(0xff),
    });
    fs.symlinkSync(
      '../projects/shop/services.toml',
      path.join(repo, 'registry/services/versions.toml'),
    );
    initRepository(repo);
    // the revision is read, not the working tree
    fs.rmSync(path.join(repo, 'registry/projects'), { recursive: true });
    const cwd = path.join(repo, 'registry');

    expect(await readRevisionFiles(cwd, 'main', 'registry/', 21)).toEqual([
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
    expect(await readRevisionFiles(cwd, 'main', 'registry/')).toEqual([
      expect.objectContaining({
        path: 'projects/shop/services.toml',
        notUtf8: { line: 1, column: 1, byte: 0xff },
      }),
      { path: 'services/catalog.toml', text: '[service.a]\nport = 1\n' },
      expect.objectContaining({
        path: 'services/versions.toml',
        notUtf8: { line: 1, column: 1, byte: 0xff },
      }),
    ]);
  });

  it('ignores a link without the extension that leads to no folder, wherever it points, as the working tree does', async () => {
    writeFiles(repo, {
      LICENSE: 'Apache-2.0\n',
      'shared.toml': '[service.b]\n',
      'teams/shop/services.toml': '[project]\n',
      'registry/services/catalog.toml': '[service.a]\n',
    });
    const link = (target: string, name: string) =>
      fs.symlinkSync(target, path.join(repo, 'registry', name));
    link('../LICENSE', 'LICENSE');
    link('./bin/run.sh', 'run');
    link('../../shared.toml', 'services/Makefile');
    initRepository(repo);
    const cwd = path.join(repo, 'registry');

    expect(await readRevisionFiles(cwd, 'main', 'registry/')).toEqual([
      { path: 'services/catalog.toml', text: '[service.a]\n' },
    ]);

    // a broken project folder is refused: reading on would drop its services
    fs.mkdirSync(path.join(repo, 'registry', 'projects'));
    link('../gone', 'projects/billing');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'billing');
    await expect(readRevisionFiles(cwd, 'main', 'registry/')).rejects.toThrow(
      /Refusing to read projects\/billing at main: it is a symbolic link to \.\.\/gone, which does not exist there/,
    );
    fs.rmSync(path.join(repo, 'registry', 'projects'), { recursive: true });

    // a folder outside the registry is still refused
    link('../teams', 'projects');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'projects');
    await expect(readRevisionFiles(cwd, 'main', 'registry/')).rejects.toThrow(
      /Refusing to read projects at main: it is a symbolic link to \.\.\/teams, outside the registry root/,
    );
  });

  it('follows a link that leaves the registry root and comes back inside it, as the working tree does', async () => {
    writeFiles(repo, {
      'registry/policies/sec-real.toml': '[sla.low]\n',
    });
    fs.symlinkSync(
      '../../registry/policies/sec-real.toml',
      path.join(repo, 'registry/policies/security.toml'),
    );
    initRepository(repo);

    expect(
      await readRevisionFiles(path.join(repo, 'registry'), 'main', 'registry/'),
    ).toEqual([
      { path: 'policies/sec-real.toml', text: '[sla.low]\n' },
      { path: 'policies/security.toml', text: '[sla.low]\n' },
    ]);
  });
});
