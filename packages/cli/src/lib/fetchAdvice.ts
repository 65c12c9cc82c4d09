import { gitText } from './git';

/**
 * The remotes of the repository, `origin` first when there is one.
 *
 * @param cwd - a directory of the repository
 */
export async function remotesOf(cwd: string): Promise<string[]> {
  const remotes = await gitText(cwd, ['remote']).then(
    out => out.split('\n').filter(Boolean),
    () => [],
  );
  return remotes.sort(
    (a, b) => Number(b === 'origin') - Number(a === 'origin'),
  );
}

/**
 * The git command that brings a revision the repository does not have, for the message of a
 * diff whose base is missing: `origin/main` is fetched into `refs/remotes/origin/main` by name,
 * since a clone made with `--depth` (or `--single-branch`) fetches only its own branch and a plain
 * `git fetch origin main` would then leave `origin/main` missing; a commit id is fetched as is;
 * another name (`main`, a tag) into a branch of that name. In a shallow clone the command keeps
 * the clone shallow (`--depth=1`), unless the history behind the commit is needed (`history`, for
 * a merge base); a revision that is no name (`HEAD~2`, an abbreviated id) needs the whole
 * history (`--unshallow`). Undefined when the repository has no remote to fetch
 * from, or when no command would bring such a revision into a clone that has the whole history.
 *
 * @param cwd - a directory of the repository
 * @param ref - the revision as given on the command line
 * @param shallow - whether the repository is a shallow clone
 * @param options - `history`: whether the history behind the commit is needed too
 */
export async function fetchCommandFor(
  cwd: string,
  ref: string,
  shallow: boolean,
  { history = false }: { history?: boolean } = {},
): Promise<string | undefined> {
  const remotes = await remotesOf(cwd);
  if (remotes.length === 0) return undefined;
  let depth = '';
  if (shallow) depth = history ? ' --unshallow' : ' --depth=1';
  const isName =
    /^[\w][\w./-]*$/.test(ref) &&
    !ref.includes('..') &&
    !ref.endsWith('/') &&
    !ref.endsWith('HEAD');
  const isFullId = /^[0-9a-f]{40}$/i.test(ref);
  if (!isName || (/^[0-9a-f]{4,39}$/i.test(ref) && !isFullId)) {
    return shallow ? `git fetch --unshallow ${remotes[0]}` : undefined;
  }
  const slash = ref.indexOf('/');
  const remote = slash > 0 ? ref.slice(0, slash) : undefined;
  if (remote && remotes.includes(remote)) {
    const branch = ref.slice(slash + 1);
    return `git fetch${depth} ${remote} ${branch}:refs/remotes/${remote}/${branch}`;
  }
  if (isFullId) {
    return `git fetch${depth} ${remotes[0]} ${ref}`;
  }
  return `git fetch${depth} ${remotes[0]} ${ref}:${ref}`;
}
