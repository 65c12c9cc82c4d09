/** A group's or a project's path segment as GitLab allows it. */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/**
 * The GitLab project (`group/subgroup/project`) a service's `repository` (an http(s) address, as
 * the registry takes it) names, when it is on the GitLab server at `serverUrl` (`CI_SERVER_URL`,
 * with its relative URL root if it has one): the project's address, or that of a folder or file in
 * it (`https://gitlab.example.com/shop/api/-/tree/main/src`, `…/shop/api.git`). Anything else
 * (another host, an address with fewer than two segments) is undefined. Only the path is kept: a
 * user or token written into the address goes no further.
 */
export function gitlabProjectOf(
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
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.host.toLowerCase() !== server.host.toLowerCase()
  ) {
    return undefined;
  }
  const root = server.pathname.replace(/\/+$/, '');
  if (root && !url.pathname.startsWith(`${root}/`)) return undefined;
  // the project's path ends where GitLab's own routes (`/-/tree/…`) begin
  const [projectPath] = url.pathname.slice(root.length).split('/-/');
  const segments = projectPath
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/');
  if (segments.length < 2 || !segments.every(s => SEGMENT.test(s))) {
    return undefined;
  }
  return segments.join('/');
}
