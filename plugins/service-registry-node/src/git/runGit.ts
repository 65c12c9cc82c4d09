import { execFile } from 'node:child_process';

/**
 * Options of {@link runGit} and {@link runGitForBytes}.
 *
 * @public
 */
export interface RunGitOptions {
  /** The directory git runs in. */
  cwd?: string;
  /**
   * Variables added to git's environment, such as `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/
   * `GIT_CONFIG_VALUE_n` for a credential header, which, unlike `-c`, no process listing shows.
   */
  env?: Record<string, string>;
}

/** Runs git with the settings of {@link runGit}; resolves with its standard output as bytes. */
function execGit(args: string[], options: RunGitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [
        '-c',
        'core.hooksPath=/dev/null',
        '-c',
        'core.fsmonitor=false',
        '-c',
        'protocol.ext.allow=never',
        ...args,
      ],
      {
        cwd: options.cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          ...options.env,
        },
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `git ${args[0]} failed: ${String(
                stderr.length > 0 ? stderr.toString('utf8') : error.message,
              ).trim()}`,
            ),
          );
        } else resolve(stdout);
      },
    );
  });
}

/**
 * Runs git without prompts, hooks, file system monitor or `ext::` transport; resolves with its
 * trimmed standard output. The `-c` settings override any config of the repository git runs in
 * (and reach the git processes it starts); they are a second line of defence, not a licence to
 * run git in a checkout whose config nobody checked.
 *
 * @param args - git's arguments
 * @param options - the working directory and added environment
 * @public
 */
export async function runGit(
  args: string[],
  options: RunGitOptions = {},
): Promise<string> {
  return (await execGit(args, options)).toString('utf8').trim();
}

/**
 * Runs git as {@link runGit} does; resolves with its standard output as it is (a file's bytes,
 * for `git cat-file blob`).
 *
 * @param args - git's arguments
 * @param options - as for {@link runGit}
 * @public
 */
export function runGitForBytes(
  args: string[],
  options: RunGitOptions = {},
): Promise<Buffer> {
  return execGit(args, options);
}
