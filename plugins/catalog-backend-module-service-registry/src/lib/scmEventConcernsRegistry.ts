import { CatalogScmEvent } from '@backstage/plugin-catalog-node/alpha';

/**
 * A place in a repository host as the comparison reads a URL. Everything is in lower case (a
 * false match only costs one more read of an unchanged registry), percent-encoding decoded.
 */
interface Place {
  /** The host (with its port, if any). */
  host: string;
  /**
   * The repository's path segments, when the URL's layout shows where the repository ends
   * (`<owner>/<repo>` before GitHub's `blob`/`tree`, the path before GitLab's `/-/`, up to
   * Bitbucket Server's `repos/<repo>` or Azure DevOps' `_git/<repo>`); undefined for any other
   * layout, such as a bare repository URL.
   */
  repository?: string[];
  /**
   * The branch (without `refs/heads/`), tag or commit the URL names; undefined when it names
   * none or `HEAD`, that is the repository's default branch, whichever that is.
   */
  ref?: string;
  /** The folder or file below the repository; the whole path when `repository` is undefined. */
  path: string[];
}

/** Where GitHub, GitLab (after `/-/`) and Bitbucket Cloud (`src`) put the ref in a path. */
const REF_MARKERS = new Set(['blob', 'tree', 'raw', 'edit']);

/** A ref as written in a URL, read as {@link Place.ref}. */
function refOf(value: string | null | undefined): string | undefined {
  const ref = value?.toLowerCase().replace(/^refs\/heads\//, '');
  return !ref || ref === 'head' ? undefined : ref;
}

/** The non-empty segments of a slash-separated path. */
function segmentsOf(path: string | null | undefined): string[] {
  return (path ?? '').split('/').filter(Boolean);
}

/**
 * The place a URL names; undefined when it is no http(s) URL. The layouts read are those of
 * the hosts Backstage's integrations read a folder from:
 *
 * - Azure DevOps: `…/_git/<repo>?path=<path>&version=GB<branch>`
 * - Bitbucket Server: `…/projects/<key>/repos/<repo>/browse/<path>?at=<ref>`
 * - GitLab: `<group…>/<repo>/-/(blob|tree)/<ref>/<path>`
 * - GitHub, and Bitbucket Cloud with `src`: `<owner>/<repo>/(blob|tree)/<ref>/<path>`
 *
 * A ref with a slash reads as its first segment, the rest as path: an event and a target are
 * read alike, so a file of the target's folder always matches (a file of a like-named folder of
 * another branch may match too, which costs one read).
 */
function placeOf(url: string): Place | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return undefined;
  }
  const host = parsed.host.toLowerCase();
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    pathname = parsed.pathname;
  }
  const segments = segmentsOf(pathname.toLowerCase());
  const query = parsed.searchParams;

  const git = segments.indexOf('_git');
  if (git >= 0 && git + 1 < segments.length) {
    const version = query.get('version');
    return {
      host,
      repository: segments.slice(0, git + 2),
      ref: refOf(version?.replace(/^gb/i, '')),
      path: segmentsOf(query.get('path')?.toLowerCase()),
    };
  }

  const repos = segments.indexOf('repos');
  if (
    repos >= 2 &&
    repos + 1 < segments.length &&
    (segments[repos - 2] === 'projects' || segments[repos - 2] === 'users')
  ) {
    const rest = segments.slice(repos + 2);
    if (rest.length === 0 || rest[0] === 'browse' || rest[0] === 'raw') {
      return {
        host,
        repository: segments.slice(0, repos + 2),
        ref: refOf(query.get('at')),
        path: rest.slice(1),
      };
    }
  }

  const dash = segments.indexOf('-');
  if (dash >= 1 && REF_MARKERS.has(segments[dash + 1])) {
    return {
      host,
      repository: segments.slice(0, dash),
      ref: refOf(segments[dash + 2]),
      path: segments.slice(dash + 3),
    };
  }

  if (
    segments.length >= 3 &&
    (REF_MARKERS.has(segments[2]) ||
      (host === 'bitbucket.org' && segments[2] === 'src'))
  ) {
    return {
      host,
      repository: segments.slice(0, 2),
      ref: refOf(segments[3]),
      path: segments.slice(4),
    };
  }

  return { host, path: segments };
}

/** Whether `path` starts with all of `prefix`'s segments. */
function startsWith(path: string[], prefix: string[]): boolean {
  return (
    prefix.length <= path.length && prefix.every((part, i) => part === path[i])
  );
}

/**
 * Whether `inner` is `outer` or lies below it: on the same host, in the same repository, on the
 * same ref, at or below its folder. A URL that names no ref (or `HEAD`) stands for the default
 * branch, which neither URL tells: it is taken to be the other's ref, so that no change of the
 * registry is missed (the GitHub, GitLab and Azure DevOps modules only send events of pushes to
 * the default branch, which GitHub and GitLab name by its name).
 */
function within(inner: string, outer: string): boolean {
  const a = placeOf(inner);
  const b = placeOf(outer);
  if (a === undefined || b === undefined || a.host !== b.host) return false;
  if (a.ref !== undefined && b.ref !== undefined && a.ref !== b.ref) {
    return false;
  }
  if (a.repository && b.repository) {
    return (
      a.repository.length === b.repository.length &&
      startsWith(a.repository, b.repository) &&
      startsWith(a.path, b.path)
    );
  }
  return startsWith(
    [...(a.repository ?? []), ...a.path],
    [...(b.repository ?? []), ...b.path],
  );
}

/**
 * Whether an SCM event (a push or merge turned into catalog SCM events by an SCM module, such as
 * the GitHub or GitLab catalog modules with their webhooks) may change the registry read from
 * `target` (its URL, e.g. `https://github.com/acme/registry/tree/main`): a file created,
 * changed, deleted or moved in or below it, or a change of the repository that holds it.
 *
 * @remarks
 *
 * A file counts when it is in the target's repository, on its branch and in or below its folder,
 * as GitHub and GitLab (`blob/<ref>/<path>`), Bitbucket Server (`browse/<path>?at=<ref>`) and
 * Azure DevOps (`?path=<path>&version=GB<branch>`) write it. When the target or the event names
 * no branch (a repository root read at its default branch, or Azure DevOps' events, which leave
 * `version` out), the default branch is not known here, so any branch counts: a spare run reads
 * an unchanged registry once, while a missed event would leave a change waiting for the next
 * interval.
 *
 * @param event - the event as the catalog's SCM events service delivers it
 * @param target - the registry's URL as configured (`catalog.providers.serviceRegistry.target`)
 * @returns whether the registry should be read again
 */
export function scmEventConcernsRegistry(
  event: CatalogScmEvent,
  target: string,
): boolean {
  switch (event.type) {
    case 'location.created':
    case 'location.updated':
    case 'location.deleted':
      return within(event.url, target);
    case 'location.moved':
      return within(event.fromUrl, target) || within(event.toUrl, target);
    case 'repository.created':
    case 'repository.updated':
    case 'repository.deleted':
      return within(target, event.url);
    case 'repository.moved':
      return within(target, event.fromUrl) || within(target, event.toUrl);
    default:
      return false;
  }
}
