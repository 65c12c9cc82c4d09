import { execFile } from 'node:child_process';

/** Runs git without prompts or hooks; resolves with its trimmed standard output. */
export function runGit(
  args: string[],
  options: { cwd?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.hooksPath=/dev/null', ...args],
      {
        cwd: options.cwd,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `git ${args[0]} failed: ${String(
                stderr || error.message,
              ).trim()}`,
            ),
          );
        } else resolve(stdout.trim());
      },
    );
  });
}
