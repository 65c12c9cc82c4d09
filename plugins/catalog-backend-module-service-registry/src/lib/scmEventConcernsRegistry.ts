import { CatalogScmEvent } from '@backstage/plugin-catalog-node/alpha';

/**
 * A URL as the comparison reads it: lower case (a false match only costs one more read of an
 * unchanged registry), without query, fragment or trailing slashes, and with a file's `/blob/`
 * read as `/tree/` (GitHub and GitLab name a file either way); undefined when it is no http(s)
 * URL.
 */
function comparable(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return undefined;
  }
  let pathname: string;
  try {
    pathname = decodeURI(parsed.pathname);
  } catch {
    pathname = parsed.pathname;
  }
  pathname = pathname.replace(/\/+$/, '').replace('/blob/', '/tree/');
  return `${parsed.host}${pathname}`.toLowerCase();
}

/** Whether `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  const a = comparable(inner);
  const b = comparable(outer);
  if (a === undefined || b === undefined) return false;
  return a === b || a.startsWith(`${b}/`);
}

/**
 * Whether an SCM event (a push or merge turned into catalog SCM events by an SCM module, such as
 * the GitHub or GitLab catalog modules with their webhooks) may change the registry read from
 * `target` (its URL, e.g. `https://github.com/acme/registry/tree/main`): a file created,
 * changed, deleted or moved in or below it, or a change of the repository that holds it.
 *
 * @param event - the event as the catalog's SCM events service delivers it
 * @param target - the registry's URL as configured (`catalog.providers.serviceRegistry.target`)
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
