import { GitError, gitRefusal, gitText } from './git';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('gitRefusal', () => {
  it("gives git's words when it refuses a repository, and nothing for a folder in none", async () => {
    const dubious = new GitError(
      'git rev-parse failed',
      128,
      "fatal: detected dubious ownership in repository at '/builds/registry'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /builds/registry",
    );
    expect(gitRefusal(dubious)).toBe(
      "fatal: detected dubious ownership in repository at '/builds/registry' To add an exception for this directory, call: git config --global --add safe.directory /builds/registry",
    );
    expect(gitRefusal(new GitError('spawn git ENOENT', 'ENOENT', ''))).toBe(
      undefined,
    );
    expect(gitRefusal(new Error('other'))).toBe(undefined);

    // git's own answer in a folder of no repository
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-no-git-'));
    try {
      const error = await gitText(folder, [
        '-c',
        `safe.directory=*`,
        'rev-parse',
        '--is-inside-work-tree',
      ]).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(GitError);
      expect(gitRefusal(error)).toBe(undefined);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
