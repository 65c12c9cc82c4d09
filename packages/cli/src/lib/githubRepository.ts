/** An owner's or a repository's name as GitHub allows it. */
const NAME = /^[A-Za-z0-9_.-]+$/;

/** `owner/repo` from a path's first two segments (`/owner/repo.git/tree/main/x`), if they are names. */
function fromPath(pathname: string): string | undefined {
  const [owner, name] = pathname.replace(/^\/+/, '').split('/');
  const repo = name?.replace(/\.git$/, '');
  if (!owner || !repo || !NAME.test(owner) || !NAME.test(repo)) {
    return undefined;
  }
  if (repo === '.' || repo === '..' || owner === '.' || owner === '..') {
    return undefined;
  }
  return `${owner}/${repo}`;
}

/**
 * The GitHub repository (`owner/repo`) a service's `repository` (an http(s) address, as the registry takes it)
 * names, when it is on the GitHub server at `serverUrl` (`https://github.com`, or a GitHub
 * Enterprise Server's address): the address of the repository or of a folder in it
 * (`https://github.com/org/repo/tree/main/api`, `https://github.com/org/repo.git`). Anything else
 * (another host, a path without owner and name) is undefined. Only the owner and the name are
 * kept: a user or token written into the address goes no further.
 */
export function githubRepositoryOf(
  repository: string,
  serverUrl: string,
): string | undefined {
  let url: URL;
  try {
    url = new URL(repository.trim());
  } catch {
    return undefined;
  }
  const server = new URL(serverUrl);
  const sameHost =
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.host.toLowerCase() === server.host.toLowerCase();
  return sameHost ? fromPath(url.pathname) : undefined;
}
