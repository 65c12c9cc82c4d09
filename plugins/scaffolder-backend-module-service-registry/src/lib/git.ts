import { execFile } from 'node:child_process';

/**
 * Runs git without prompts, hooks, file system monitor or `ext::` transport; resolves with its
 * trimmed standard output. The `-c` settings override any config of the repository git runs in
 * (and reach the git processes it starts); they are a second line of defence, not a licence to
 * run git in a checkout whose config nobody checked (see `assertCheckoutAsFetched`).
 */
export function runGit(
  args: string[],
  options: { cwd?: string } = {},
): Promise<string> {
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
