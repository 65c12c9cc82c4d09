import { useSearchParams } from 'react-router-dom';
import { REGISTRY_QUERY_PARAM } from '../lib/registryPageLink';

/**
 * The registry a page asks the backend for: the one the link it was opened with names
 * (`?registry=<id>`, as the cards write it), else the page's `registry` prop, else none, so that
 * the backend answers its only registry (or `default` among several). Never `default` by itself:
 * with a single registry configured under another key, `registry=default` is a 404.
 *
 * @param registry - the page's `registry` prop
 */
export function usePageRegistry(
  registry: string | undefined,
): string | undefined {
  const [searchParams] = useSearchParams();
  const linked = searchParams.get(REGISTRY_QUERY_PARAM)?.trim();
  return linked || registry || undefined;
}
