import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { serviceEntityRefOf } from '@service-registry/plugin-service-registry-common';
import { lookupServiceEntityRefs } from '../lib/lookupServiceEntityRefs';
import { useAbortableAsync } from './useAbortableAsync';

/**
 * The ref the catalog provider gives the Component of a registry service, `component:default/<id>`:
 * the link of a service until (and unless) the catalog says where its Component is.
 *
 * @param serviceId - the registry id of the service
 */
export function defaultServiceEntityRef(serviceId: string): CompoundEntityRef {
  return parseEntityRef(serviceEntityRefOf(serviceId));
}

interface ServiceEntityRefsValue {
  refOf(serviceId: string): CompoundEntityRef;
  flush(): void;
}

const ServiceEntityRefsContext = createContext<
  ServiceEntityRefsValue | undefined
>(undefined);

/** What a provider knows for its registry; a new one when the registry changes. */
interface RefCache {
  /** Ids a link was built for since the last flush, not yet asked for. */
  wanted: Set<string>;
  /** Ids asked for (looked up, or being looked up). */
  asked: Set<string>;
  /** Ids the catalog answered for (found or not). */
  looked: Set<string>;
  /** The Components found, by service id. */
  found: Map<string, CompoundEntityRef>;
}

/** Props of {@link ServiceEntityRefsProvider}. */
export interface ServiceEntityRefsProviderProps {
  /** The registry (provider id) of the card or page; undefined when it names none. */
  registry: string | undefined;
  children: ReactNode;
}

/**
 * Finds, through the catalog, the Components of the registry services its content links to:
 * an entity transformer of the catalog provider may rename a Component or move it to another
 * namespace, so a service's page is not always `component:default/<id>`. The links inside it
 * (`useServiceLink`, `ServiceLink`, `useServiceEntityRef`) say which services they need while they
 * render; after each render the new ones are looked up together, by their
 * `service-registry.io/service-id` annotation (see `lookupServiceEntityRefs`: a few requests even
 * for hundreds of services, never one per link), and kept for as long as the provider shows the
 * same registry. The lookup is cancelled when the provider unmounts, or when more services are
 * needed (then asked together with the others not answered yet).
 *
 * Until the catalog answers, and for a service the catalog has no renamed Component for (or when
 * the app has no catalog API, or the lookup fails), a link is `component:default/<id>`, the
 * provider's own name. Outside a provider, links are always that.
 */
export function ServiceEntityRefsProvider(
  props: ServiceEntityRefsProviderProps,
) {
  const { registry, children } = props;
  const catalogApi = useApiHolder().get(catalogApiRef);
  const cache = useMemo<RefCache>(
    () => ({
      wanted: new Set(),
      asked: new Set(),
      looked: new Set(),
      found: new Map(),
    }),
    // a new registry (or catalog) answers anew
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [registry, catalogApi],
  );
  // the services to look up, those asked for and not answered yet: a new list (when links name
  // more services) starts a lookup of all of them, cancelling the one running
  const [pending, setPending] = useState<readonly string[]>([]);

  const lookup = useAbortableAsync(
    async signal => {
      if (!catalogApi || pending.length === 0) return pending;
      const refs = await lookupServiceEntityRefs(
        catalogApi,
        pending,
        registry,
        signal,
      );
      for (const id of pending) cache.looked.add(id);
      for (const [id, ref] of refs) cache.found.set(id, ref);
      return pending;
    },
    [cache, pending, catalogApi, registry],
  );

  const flush = useCallback(() => {
    let added = false;
    for (const id of cache.wanted) {
      if (!cache.asked.has(id)) {
        cache.asked.add(id);
        added = true;
      }
    }
    cache.wanted.clear();
    if (added) {
      setPending([...cache.asked].filter(id => !cache.looked.has(id)));
    }
  }, [cache]);

  // a new value once the catalog answered, so that the links render again
  const answered = lookup.value;
  const value = useMemo<ServiceEntityRefsValue>(
    () => ({
      refOf: (serviceId: string) => {
        const found = cache.found.get(serviceId);
        if (found) return found;
        if (!cache.asked.has(serviceId)) cache.wanted.add(serviceId);
        return defaultServiceEntityRef(serviceId);
      },
      flush,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cache, flush, answered],
  );
  return (
    <ServiceEntityRefsContext.Provider value={value}>
      {children}
    </ServiceEntityRefsContext.Provider>
  );
}

/**
 * The catalog entity ref of a registry service, for links (see
 * {@link ServiceEntityRefsProvider}): the Component the catalog has for it, else (while the
 * catalog answers, when it has none, or outside a provider) `component:default/<id>`. The
 * component re-renders when the catalog answers.
 *
 * Call the returned function while rendering, for every service the component links to: that is
 * how the provider learns which services to look up.
 */
export function useServiceEntityRef(): (
  serviceId: string,
) => CompoundEntityRef {
  const refs = useContext(ServiceEntityRefsContext);
  // after every render: the services it named are looked up together with the others'
  useEffect(() => {
    refs?.flush();
  });
  return refs ? refs.refOf : defaultServiceEntityRef;
}
