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
import {
  PROJECT_ENTITY_QUERY,
  projectEntityRefOf,
  RegistryEntityQuery,
  SERVICE_ENTITY_QUERY,
  serviceEntityRefOf,
  SHARED_SYSTEM_ENTITY_QUERY,
} from '@service-registry/plugin-service-registry-common';
import { lookupRegistryEntityRefs } from '../lib/lookupRegistryEntityRefs';
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

/**
 * The ref the catalog provider gives the System of a registry project, `system:default/<id>`: the
 * link of a project until (and unless) the catalog says where its System is.
 *
 * @param projectId - the registry id of the project
 */
export function defaultProjectSystemRef(projectId: string): CompoundEntityRef {
  return parseEntityRef(projectEntityRefOf(projectId));
}

/**
 * The ref the catalog provider gives the shared System of the global services,
 * `system:default/<name>` with the name of its `sharedSystem` option: the link of the global
 * services until (and unless) the catalog says where that System is.
 *
 * @param sharedSystem - the name the provider gives the shared System
 */
export function defaultSharedSystemRef(
  sharedSystem: string,
): CompoundEntityRef {
  return { kind: 'system', namespace: 'default', name: sharedSystem };
}

/** The registry's things a provider finds the entities of. */
type RegistryEntityKind = 'service' | 'project' | 'shared';

/** How each kind is looked up, and its link until the catalog answers. */
const KINDS: Record<
  RegistryEntityKind,
  {
    query: RegistryEntityQuery;
    fallback: (id: string) => CompoundEntityRef;
  }
> = {
  service: { query: SERVICE_ENTITY_QUERY, fallback: defaultServiceEntityRef },
  project: { query: PROJECT_ENTITY_QUERY, fallback: defaultProjectSystemRef },
  // by the name the provider gave it: the shared System's mark
  shared: {
    query: SHARED_SYSTEM_ENTITY_QUERY,
    fallback: defaultSharedSystemRef,
  },
};
const KIND_NAMES = Object.keys(KINDS) as RegistryEntityKind[];

type RefOf = (id: string) => CompoundEntityRef;

interface ServiceEntityRefsValue {
  refOf: Record<RegistryEntityKind, RefOf>;
  flush(): void;
}

const ServiceEntityRefsContext = createContext<
  ServiceEntityRefsValue | undefined
>(undefined);

/** What a provider knows of one kind for its registry; a new one when the registry changes. */
interface RefCache {
  /** Ids a link was built for since the last flush, not yet asked for. */
  wanted: Set<string>;
  /** Ids asked for (looked up, or being looked up). */
  asked: Set<string>;
  /** Ids the catalog answered for (found or not). */
  looked: Set<string>;
  /** The entities found, by id. */
  found: Map<string, CompoundEntityRef>;
}

function emptyCache(): RefCache {
  return {
    wanted: new Set(),
    asked: new Set(),
    looked: new Set(),
    found: new Map(),
  };
}

/** The ids to look up, by kind: those asked for and not answered yet. */
type Pending = Record<RegistryEntityKind, readonly string[]>;

const NOTHING_PENDING: Pending = { service: [], project: [], shared: [] };

/** One value for each kind. */
function byKind<V>(value: (kind: RegistryEntityKind) => V) {
  return Object.fromEntries(
    KIND_NAMES.map(kind => [kind, value(kind)]),
  ) as Record<RegistryEntityKind, V>;
}

/** Props of {@link ServiceEntityRefsProvider}. */
export interface ServiceEntityRefsProviderProps {
  /** The registry (provider id) of the card or page; undefined when it names none. */
  registry: string | undefined;
  children: ReactNode;
}

/**
 * Finds, through the catalog, the Components of the registry services, the Systems of the
 * registry projects and the shared System of the global services its content links to: an entity
 * transformer of the catalog provider may rename an entity or move it to another namespace, so a
 * service's page is not always `component:default/<id>`, nor a project's `system:default/<id>`.
 * The links inside it (`useServiceLink`, `ServiceLink`, `useServiceEntityRef`,
 * `useProjectSystemRef`, `useSharedSystemRef`) say which services and projects they need while
 * they render; after each render the new ones are looked up together, by their
 * `service-registry.io/service-id`, `service-registry.io/project` and
 * `service-registry.io/shared-system` annotations (see `lookupRegistryEntityRefs`: a few requests
 * even for hundreds of services, never one per link), and kept for as long as the provider shows
 * the same registry. The lookup is cancelled when the provider unmounts, or when more are needed
 * (then asked together with the others not answered yet).
 *
 * Until the catalog answers, and for a service or project the catalog has no renamed entity for
 * (or when the app has no catalog API, or the lookup fails), a link is the provider's own name,
 * `component:default/<id>` or `system:default/<id>`. Outside a provider, links are always that.
 */
export function ServiceEntityRefsProvider(
  props: ServiceEntityRefsProviderProps,
) {
  const { registry, children } = props;
  const catalogApi = useApiHolder().get(catalogApiRef);
  const caches = useMemo<Record<RegistryEntityKind, RefCache>>(
    () => byKind(emptyCache),
    // a new registry (or catalog) answers anew
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [registry, catalogApi],
  );
  // a new value (when links name more ids) starts a lookup of all of them, cancelling the one
  // running
  const [pending, setPending] = useState<Pending>(NOTHING_PENDING);

  const lookup = useAbortableAsync(
    async signal => {
      if (!catalogApi || KIND_NAMES.every(kind => pending[kind].length === 0)) {
        return pending;
      }
      const answers = await lookupRegistryEntityRefs(
        catalogApi,
        KIND_NAMES.map(kind => ({
          query: KINDS[kind].query,
          ids: pending[kind],
        })),
        registry,
        signal,
      );
      KIND_NAMES.forEach((kind, k) => {
        const cache = caches[kind];
        for (const id of pending[kind]) cache.looked.add(id);
        for (const [id, ref] of answers[k]) cache.found.set(id, ref);
      });
      return pending;
    },
    [caches, pending, catalogApi, registry],
  );

  const flush = useCallback(() => {
    let added = false;
    for (const kind of KIND_NAMES) {
      const cache = caches[kind];
      for (const id of cache.wanted) {
        if (!cache.asked.has(id)) {
          cache.asked.add(id);
          added = true;
        }
      }
      cache.wanted.clear();
    }
    if (added) {
      const notAnswered = (kind: RegistryEntityKind) =>
        [...caches[kind].asked].filter(id => !caches[kind].looked.has(id));
      setPending(byKind(notAnswered));
    }
  }, [caches]);

  // a new value once the catalog answered, so that the links render again
  const answered = lookup.value;
  const value = useMemo<ServiceEntityRefsValue>(
    () => {
      const refOf = (kind: RegistryEntityKind) => (id: string) => {
        const cache = caches[kind];
        const found = cache.found.get(id);
        if (found) return found;
        // without a catalog there is nothing to ask (and no lookup to render the links again)
        if (catalogApi && !cache.asked.has(id)) cache.wanted.add(id);
        return KINDS[kind].fallback(id);
      };
      return { refOf: byKind(refOf), flush };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [caches, flush, answered, catalogApi],
  );
  return (
    <ServiceEntityRefsContext.Provider value={value}>
      {children}
    </ServiceEntityRefsContext.Provider>
  );
}

/** The refs of one kind, as the provider around gives them (see below). */
function useRegistryEntityRef(kind: RegistryEntityKind): RefOf {
  const refs = useContext(ServiceEntityRefsContext);
  // after every render: the ids it named are looked up together with the others'
  useEffect(() => {
    refs?.flush();
  });
  return refs ? refs.refOf[kind] : KINDS[kind].fallback;
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
  return useRegistryEntityRef('service');
}

/**
 * The catalog entity ref of the shared System of the global services, for links (see
 * {@link ServiceEntityRefsProvider}): the System the catalog has marked as the shared System of
 * the provider's registry (`service-registry.io/shared-system`), else (while the catalog answers,
 * when it has none, or outside a provider) `system:default/<name>`. The component re-renders when
 * the catalog answers.
 *
 * Call the returned function while rendering, with the name the registry's catalog provider gives
 * the shared System (its `sharedSystem` option): that is how the provider learns to look it up.
 */
export function useSharedSystemRef(): (
  sharedSystem: string,
) => CompoundEntityRef {
  return useRegistryEntityRef('shared');
}

/**
 * The catalog entity ref of a registry project's System, for links (see
 * {@link ServiceEntityRefsProvider}): the System the catalog has for the project in the provider's
 * registry, else (while the catalog answers, when it has none, or outside a provider)
 * `system:default/<id>`. The component re-renders when the catalog answers. Not for the shared
 * System of the global services, which carries no project annotation (see
 * {@link useSharedSystemRef}).
 *
 * Call the returned function while rendering, for every project the component links to: that is
 * how the provider learns which projects to look up.
 */
export function useProjectSystemRef(): (
  projectId: string,
) => CompoundEntityRef {
  return useRegistryEntityRef('project');
}
