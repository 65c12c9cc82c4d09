/**
 * Where a registry file's line can be opened in a browser, for a registry read from a URL
 * (`url:https://github.com/org/registry/tree/main/`): the file's page with a `#L<line>` anchor,
 * which GitHub, GitLab, Gitea and Bitbucket Server all understand. A local directory (`file:…`)
 * has no such page.
 *
 * @param rootLocation - the registry root's location reference (`url:…` or `file:…`)
 * @param file - the file, relative to the root
 * @param line - the 1-based line
 * @public
 */
export function findingLink(
  rootLocation: string,
  file: string,
  line: number,
): string | undefined {
  if (!rootLocation.startsWith('url:')) return undefined;
  const root = rootLocation.slice('url:'.length);
  if (!/^https?:\/\//i.test(root)) return undefined;
  let url: URL;
  try {
    const base = new URL(root.endsWith('/') ? root : `${root}/`);
    const segments = file
      .split('/')
      .filter(s => s !== '' && s !== '.' && s !== '..');
    url = new URL(segments.map(encodeURIComponent).join('/'), base);
  } catch {
    return undefined;
  }
  url.hash = line > 0 ? `L${line}` : '';
  return url.toString();
}
