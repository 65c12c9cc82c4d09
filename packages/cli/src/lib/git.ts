import { execFile, spawn } from 'node:child_process';
import { ReadError } from './errors';

/** A git command that failed: its exit code (or spawn error code) and what it said. */
export class GitError extends Error {
  constructor(
    message: string,
    /** The exit code, or the spawn error's code (`ENOENT` when git is not installed). */
    readonly code: number | string | undefined,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/**
 * Why git refused to work in a folder of a repository (`detected dubious ownership`, when the
 * repository belongs to another user, as in many CI containers), in git's own words (with its
 * advice, e.g. `git config --global --add safe.directory …`), from a failed git run; undefined
 * when the folder is in no git repository, or git is not installed.
 *
 * @param error - what a git run rejected with
 */
export function gitRefusal(error: unknown): string | undefined {
  if (!(error instanceof GitError) || error.code === 'ENOENT') return undefined;
  if (error.stderr === '' || /not a git repository/i.test(error.stderr)) {
    return undefined;
  }
  return error.stderr.replace(/\s+/g, ' ').trim();
}

/** Runs git in `cwd` and returns its stdout as bytes; rejects with a {@link GitError}. */
export function gitBytes(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const stderrText = stderr?.toString('utf8').trim() ?? '';
          reject(
            new GitError(
              `git ${args[0]} failed: ${stderrText || error.message}`,
              (error as { code?: number | string }).code,
              stderrText,
            ),
          );
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/** Runs git in `cwd` and returns its stdout as text, without the trailing newline. */
export async function gitText(cwd: string, args: string[]): Promise<string> {
  return (await gitBytes(cwd, args)).toString('utf8').replace(/\n$/, '');
}

/**
 * The content of each of the given blobs, read with one `git cat-file --batch` (one process
 * however many files the registry has).
 */
export function readBlobs(cwd: string, ids: string[]): Promise<Buffer[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', chunk => out.push(chunk));
    child.stderr.on('data', chunk => err.push(chunk));
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) {
        reject(
          new ReadError(
            `git cat-file failed: ${Buffer.concat(err)
              .toString('utf8')
              .trim()}`,
          ),
        );
        return;
      }
      const all = Buffer.concat(out);
      const blobs: Buffer[] = [];
      let at = 0;
      for (const id of ids) {
        const eol = all.indexOf(0x0a, at);
        const header = all.subarray(at, eol).toString('utf8').split(' ');
        if (eol < 0 || header.length !== 3) {
          reject(new ReadError(`git cat-file could not read object ${id}`));
          return;
        }
        const size = Number(header[2]);
        blobs.push(all.subarray(eol + 1, eol + 1 + size));
        at = eol + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(`${ids.join('\n')}\n`);
  });
}
