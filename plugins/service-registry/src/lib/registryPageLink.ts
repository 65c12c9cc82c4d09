/** The query parameter that names the registry a page shows (`?registry=<id>`). */
export const REGISTRY_QUERY_PARAM = 'registry';

/**
 * The registry the backend answers when a request names none, whenever a registry of that id
 * exists (the only one is `default`, or there are several): a link to a page need not name it.
 */
const BACKEND_DEFAULT_REGISTRY = 'default';

/**
 * A link to one of the plugin's pages with its filters (`?project=…`), and the registry the link
 * comes from (`&registry=<id>`) so that the page asks the same registry as the card that links to
 * it. `default` is left out: the backend answers it when no registry is named, whether it is the
 * only registry or one of several.
 *
 * @param path - the page's path (its route ref, resolved)
 * @param query - the page's filters; an undefined or empty value is left out
 * @param registry - the registry of the card (its entity's annotation, or what the backend answered)
 */
export function registryPageLink(
  path: string,
  query: Record<string, string | undefined>,
  registry: string | undefined,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, value);
  }
  if (registry && registry !== BACKEND_DEFAULT_REGISTRY) {
    params.set(REGISTRY_QUERY_PARAM, registry);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
