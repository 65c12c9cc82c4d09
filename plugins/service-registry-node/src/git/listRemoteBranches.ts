import { runGit, RunGitOptions } from './runGit';

/**
 * The branches of a repository as `git ls-remote` reports them.
 *
 * @public
 */
export interface RemoteBranches {
  /** Every branch (`refs/heads/…` without the prefix), sorted. */
  branches: string[];
  /** The branch the repository's HEAD points to, when it names one of `branches`. */
  defaultBranch?: string;
  /** The commit each branch points to, by branch. */
  commits: Record<string, string>;
}

/**
 * Asks a repository for its branches and its default branch (`git ls-remote --symref`, with the
 * settings and environment of {@link runGit}); rejects like runGit when git cannot read it.
 *
 * @param url - the repository (a URL, or a local path)
 * @param options - variables added to git's environment (see {@link runGit})
 * @public
 */
export async function listRemoteBranches(
  url: string,
  options: Pick<RunGitOptions, 'env'> = {},
): Promise<RemoteBranches> {
  const out = await runGit(
    ['ls-remote', '--symref', '--', url, 'HEAD', 'refs/heads/*'],
    options,
  );
  const branches = new Set<string>();
  const commits: Record<string, string> = Object.create(null);
  let head: string | undefined;
  for (const line of out.split('\n')) {
    const symref = /^ref: refs\/heads\/(.+)\tHEAD$/.exec(line);
    if (symref) {
      head = symref[1];
      continue;
    }
    const ref = /^([0-9a-f]+)\trefs\/heads\/(.+)$/.exec(line);
    if (ref) {
      branches.add(ref[2]);
      commits[ref[2]] = ref[1];
    }
  }
  const sorted = [...branches].sort();
  return {
    branches: sorted,
    defaultBranch: head !== undefined && branches.has(head) ? head : undefined,
    commits,
  };
}
