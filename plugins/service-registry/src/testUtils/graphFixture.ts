import {
  ImpactResponse,
  RegistryGraph,
  RegistryGraphEdge,
  RegistryGraphNode,
} from '../api/types';

/** A declared service for tests. */
export function service(
  id: string,
  fields: Partial<RegistryGraphNode> = {},
): RegistryGraphNode {
  return {
    id,
    name: id,
    declared: true,
    project: null,
    status: 'ga',
    owner: 'platform-team',
    tier: 'high',
    ...fields,
  };
}

/** A dependency for tests. */
export function dep(
  from: string,
  to: string,
  optional = false,
): RegistryGraphEdge {
  return { from, to, optional };
}

/** A registry graph for tests. */
export function graphOf(
  nodes: RegistryGraphNode[],
  edges: RegistryGraphEdge[],
  cycles: string[][] = [],
): RegistryGraph {
  const projects = [
    ...new Set(nodes.map(n => n.project).filter((p): p is string => !!p)),
  ].map(id => ({ id, name: id }));
  return {
    registry: 'default',
    updatedAt: '2026-11-22T00:00:00.000Z',
    state: 'ok',
    nodes,
    edges,
    cycles,
    projects,
  };
}

/**
 * A small registry shaped like examples/registry:
 *
 *   checkout (a) -> api (a) -> auth (global)
 *   checkout (a) -> pay-v2 (global, deprecated) -> auth
 *   shipping (b) -> api (a), shipping -> legacy (global, retired, optional)
 *   web (a) -> checkout ; reporting (c) -> auth ; reporting -> ghost (missing)
 */
export function demoGraph(): RegistryGraph {
  return graphOf(
    [
      service('auth', { owner: '@platform-team', tier: 'critical' }),
      service('pay-v2', { status: 'deprecated', owner: 'payments-team' }),
      service('legacy', { status: 'retired', owner: 'search-team' }),
      service('api', { project: 'project-a', owner: 'ecommerce-team' }),
      service('checkout', { project: 'project-a', owner: 'ecommerce-team' }),
      service('web', {
        project: 'project-a',
        owner: 'ecommerce-team',
        status: 'development',
      }),
      service('shipping', { project: 'project-b', owner: 'logistics-team' }),
      service('reporting', {
        project: 'project-c',
        owner: 'data-team',
        tier: 'low',
      }),
      { id: 'ghost', name: 'ghost', declared: false, project: null },
    ],
    [
      dep('api', 'auth'),
      dep('checkout', 'api'),
      dep('checkout', 'pay-v2'),
      dep('pay-v2', 'auth'),
      dep('shipping', 'api'),
      dep('shipping', 'legacy', true),
      dep('web', 'checkout'),
      dep('reporting', 'auth'),
      dep('reporting', 'ghost'),
    ],
  );
}

/** The impact report the backend gives for `auth` in {@link demoGraph}. */
export function demoImpactOfAuth(): ImpactResponse {
  const s = (
    id: string,
    depth: number,
    project: string | null,
    via: string,
  ) => ({
    id,
    depth,
    project,
    via,
  });
  const services = [
    s('api', 1, 'project-a', 'auth'),
    s('pay-v2', 1, null, 'auth'),
    s('reporting', 1, 'project-c', 'auth'),
    s('checkout', 2, 'project-a', 'api'),
    s('shipping', 2, 'project-b', 'api'),
    s('web', 3, 'project-a', 'checkout'),
  ];
  return {
    registry: 'default',
    service: 'auth',
    declared: true,
    services,
    byProject: [
      {
        project: 'project-a',
        services: services.filter(x => x.project === 'project-a'),
      },
      {
        project: 'project-b',
        services: services.filter(x => x.project === 'project-b'),
      },
      {
        project: 'project-c',
        services: services.filter(x => x.project === 'project-c'),
      },
      { project: null, services: services.filter(x => x.project === null) },
    ],
    projects: ['project-a', 'project-b', 'project-c'],
    counts: { services: 6, direct: 3, transitive: 3, projects: 3 },
    truncated: false,
  };
}

/**
 * A registry with a real project named `global` and an owner named `none`, beside the global
 * services and a service without owner (the names the topology once used for those):
 *
 *   web (shop) -> portal (global) -> auth (global services)
 *   billing (global, owner none) -> jobs (global services, no owner) <- cron (global, no owner)
 */
export function namesakeGraph(): RegistryGraph {
  return graphOf(
    [
      service('auth', { owner: '@platform-team' }),
      service('jobs', { owner: undefined }),
      service('cron', { owner: undefined }),
      service('portal', { project: 'global', owner: 'web-team' }),
      service('billing', { project: 'global', owner: 'none' }),
      service('web', { project: 'shop', owner: 'web-team' }),
    ],
    [
      dep('web', 'portal'),
      dep('portal', 'auth'),
      dep('billing', 'jobs'),
      dep('cron', 'jobs'),
    ],
  );
}
