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

/** The branches of a repository as `git ls-remote` reports them. */
export interface RemoteBranches {
  /** Every branch (`refs/heads/…` without the prefix), sorted. */
  branches: string[];
  /** The branch the repository's HEAD points to, when it names one of `branches`. */
  defaultBranch?: string;
}

/**
 * Asks a repository for its branches and its default branch (`git ls-remote --symref`, with the
 * settings and environment of {@link runGit}); rejects like runGit when git cannot read it.
 */
export async function listRemoteBranches(url: string): Promise<RemoteBranches> {
  const out = await runGit([
    'ls-remote',
    '--symref',
    '--',
    url,
    'HEAD',
    'refs/heads/*',
  ]);
  const branches = new Set<string>();
  let head: string | undefined;
  for (const line of out.split('\n')) {
    const symref = /^ref: refs\/heads\/(.+)\tHEAD$/.exec(line);
    if (symref) {
      head = symref[1];
      continue;
    }
    const ref = /^[0-9a-f]+\trefs\/heads\/(.+)$/.exec(line);
    if (ref) branches.add(ref[1]);
  }
  const sorted = [...branches].sort();
  return {
    branches: sorted,
    defaultBranch: head !== undefined && branches.has(head) ? head : undefined,
  };
}
