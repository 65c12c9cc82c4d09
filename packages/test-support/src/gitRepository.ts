import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A real git repository for tests, worked on as one person whose commits are made a minute
 * apart (from 2026-12-01T10:00:00Z), so that their order and dates are known.
 *
 * @public
 */
export interface TestGitRepository {
  /** The repository's directory. */
  dir: string;
  /** Runs git in it; returns its trimmed output. */
  git(...args: string[]): string;
  /**
   * Writes files (a path relative to the repository, the text, or null to delete it), then
   * commits them all on the current branch.
   */
  commit(message: string, files: Record<string, string | null>): void;
}

/**
 * Creates a git repository in `dir` (a new directory) on the branch `main`.
 *
 * @public
 */
export function createTestGitRepository(dir: string): TestGitRepository {
  fs.mkdirSync(dir, { recursive: true });
  let commits = 0;
  const git = (...args: string[]) => {
    const date = new Date(Date.UTC(2026, 11, 1, 10, commits)).toISOString();
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Ana Platform',
        GIT_AUTHOR_EMAIL: 'ana@example.com',
        GIT_COMMITTER_NAME: 'Ana Platform',
        GIT_COMMITTER_EMAIL: 'ana@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    }).trim();
  };
  git('init', '--quiet', '--initial-branch=main');
  return {
    dir,
    git,
    commit(message, files) {
      for (const [file, text] of Object.entries(files)) {
        const full = path.join(dir, file);
        if (text === null) fs.rmSync(full);
        else {
          fs.mkdirSync(path.dirname(full), { recursive: true });
          fs.writeFileSync(full, text);
        }
      }
      commits++;
      git('add', '-A');
      git('commit', '--quiet', '--allow-empty', '-m', message);
    },
  };
}
